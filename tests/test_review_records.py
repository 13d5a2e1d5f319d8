"""The fact-check record, a claim's history and restoring from it, edit conflicts, claims an editor adds or
deletes, and the topic workspace."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import services
from articles.models import Article, Claim, ClaimLink, ClaimStatus, Source
from tests.conftest import make_article

pytestmark = pytest.mark.django_db

BODY = ("Die Stadt meldet 4.200 neue Wohnungen im Jahr 2024. Der Senator sagte am 3. März 2025: "
        "\"Wir haben 12 Prozent mehr gebaut als im Vorjahr.\" Kritiker sprechen von Schönfärberei.")


@pytest.fixture
def accepted_claim():
    article = Article.objects.get(pk=make_article(title="Wohnungsbau", body=BODY))
    return services.claim_create(article=article, kind="figure",
                                 text="Die Stadt meldet 4.200 neue Wohnungen im Jahr 2024.",
                                 quantity=(4200, "count", "eq", None), topic="Wohnungsbau", status=ClaimStatus.ACCEPTED)


def factcheck(client, claim: Claim, **data):
    payload = {"version": claim.version, "verdict": "", "explanation": "", "intent": "save", **data}
    return client.post(reverse("review:claim_factcheck", args=[claim.pk]), payload)


# --- the fact-check record ---------------------------------------------------------------------------


def test_publishing_needs_a_rating_and_an_explanation(editor_client, accepted_claim):
    response = factcheck(editor_client, accepted_claim, verdict="misleading", intent="publish")
    assert response.status_code == 400
    assert "Publishing a fact-check needs an explanation." in response.text
    accepted_claim.refresh_from_db()
    assert accepted_claim.review_published_at is None and accepted_claim.verdict == ""


def test_publishing_records_the_review_with_its_sources(editor_client, editor, accepted_claim):
    cited = Article.objects.get(pk=make_article(title="Statistikamt", body="Fertiggestellt: 3.100 Wohnungen.",
                                                url="https://amt.example/2024"))
    response = factcheck(
        editor_client, accepted_claim, verdict="misleading", intent="publish",
        explanation="Gemeldet, nicht fertiggestellt: das Amt zählt 3.100 fertige Wohnungen.",
        source1_url="https://amt.example/tabelle", source1_title="Bautätigkeit 2024", source1_outlet="Statistikamt",
        source1_accessed_on="2025-03-05", source2_article=str(cited.pk),
    )
    assert response.status_code == 302
    accepted_claim.refresh_from_db()
    assert accepted_claim.verdict == "misleading" and accepted_claim.published
    assert accepted_claim.review_published_at is not None and accepted_claim.reviewer == editor
    sources = {s.title: s for s in accepted_claim.sources.all()}
    assert sources["Bautätigkeit 2024"].accessed_on == dt.date(2025, 3, 5)
    assert sources["Statistikamt"].article == cited and sources["Statistikamt"].url == "https://amt.example/2024"
    page = editor_client.get(reverse("review:claim_review", args=[accepted_claim.pk])).text
    assert "Published" in page and "Bautätigkeit 2024" in page


def test_a_source_is_reused_across_claims(editor_client, accepted_claim):
    other = services.claim_create(article=accepted_claim.article, kind="quote",
                                  text="Wir haben 12 Prozent mehr gebaut als im Vorjahr.")
    for claim in (accepted_claim, other):
        factcheck(editor_client, claim, verdict="unproven", explanation="Keine Zahl dazu.",
                  source1_url="https://amt.example/tabelle", source1_title="Bautätigkeit")
    assert Source.objects.count() == 1
    assert Source.objects.get().claims.count() == 2


def test_unticking_a_source_removes_it_from_the_claim(editor_client, accepted_claim):
    factcheck(editor_client, accepted_claim, source1_url="https://a.example/", source1_title="A",
              source2_url="https://b.example/", source2_title="B")
    accepted_claim.refresh_from_db()
    keep = Source.objects.get(title="A")
    factcheck(editor_client, accepted_claim, keep_sources=[keep.pk])
    assert list(accepted_claim.sources.values_list("title", flat=True)) == ["A"]


def test_a_candidate_cannot_be_published(editor_client, accepted_claim):
    services.claim_set_status(claim_id=accepted_claim.pk, user=None, expected_version=1, status="candidate")
    accepted_claim.refresh_from_db()
    response = factcheck(editor_client, accepted_claim, verdict="false", explanation="Falsch.", intent="publish")
    assert "accept it first" in response.text
    assert not Claim.objects.get(pk=accepted_claim.pk).published


def test_rating_meanings_are_documented_on_the_page(editor_client, accepted_claim):
    page = editor_client.get(reverse("review:claim_review", args=[accepted_claim.pk])).text
    assert "What each rating means" in page
    assert "Contains some truth but leaves out or distorts facts" in page


# --- history ---------------------------------------------------------------------------------------------


def test_history_lists_who_changed_which_field_newest_first(editor_client, accepted_claim):
    factcheck(editor_client, accepted_claim, verdict="false", explanation="Stimmt nicht.")
    other = services.claim_create(article=accepted_claim.article, kind="quote", text="Kritiker sprechen")
    services.claim_link(from_claim_id=accepted_claim.pk, to_claim_id=other.pk, relation="contradicts", user=None)
    page = editor_client.get(reverse("review:claim_history", args=[accepted_claim.pk]))
    text = page.text
    assert page.status_code == 200
    assert "erika" in text and "verdict" in text and "Stimmt nicht." in text
    assert "link #" in text and "contradicts" in text
    entries = page.context["entries"]
    assert {e.what.split(" #")[0] for e in entries} == {"claim", "link"}
    assert entries[-1].label == "insert"


def test_restoring_an_earlier_value_is_itself_recorded(editor_client, accepted_claim):
    factcheck(editor_client, accepted_claim, verdict="false", explanation="Erste Fassung.")
    accepted_claim.refresh_from_db()
    factcheck(editor_client, accepted_claim, verdict="false", explanation="Zweite Fassung.")
    accepted_claim.refresh_from_db()
    entries = editor_client.get(reverse("review:claim_history", args=[accepted_claim.pk])).context["entries"]
    last = next(e for e in entries if any(c.field == "explanation" for c in e.changes))
    response = editor_client.post(reverse("review:claim_restore", args=[accepted_claim.pk]), {
        "version": accepted_claim.version, "event": last.event_id, "field": "explanation", "which": "before"})
    assert response.status_code == 302
    accepted_claim.refresh_from_db()
    assert accepted_claim.explanation == "Erste Fassung."
    entries = editor_client.get(reverse("review:claim_history", args=[accepted_claim.pk])).context["entries"]
    assert [c.after for c in entries[0].changes if c.field == "explanation"] == ["Erste Fassung."]


def test_history_page_runs_a_constant_number_of_queries(editor_client, accepted_claim):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            editor_client.get(reverse("review:claim_history", args=[accepted_claim.pk]))
        return len(queries)

    factcheck(editor_client, accepted_claim, explanation="eins")
    few = count()
    for i in range(6):
        accepted_claim.refresh_from_db()
        factcheck(editor_client, accepted_claim, explanation=f"Fassung {i}")
    assert count() == few


# --- edit conflicts ----------------------------------------------------------------------------------


def edit(client, claim: Claim, version: int, **changes):
    data = {"version": version, "text": claim.text, "speaker": "", "stated_on": "", "quantity_value": "4200",
            "quantity_unit": "count", "quantity_bound": "eq", "quantity_high": "", "topic": "Wohnungsbau",
            **changes}
    return client.post(reverse("review:claim_edit", args=[claim.pk]), data)


def test_the_second_editor_sees_both_versions_and_chooses(editor_client, accepted_claim):
    assert edit(editor_client, accepted_claim, 1, speaker="Senatorin").status_code == 302
    response = edit(editor_client, accepted_claim, 1, speaker="Senator", quantity_value="4300")
    assert response.status_code == 400
    assert "changed by someone else" in response.text
    rows = {row["name"]: row for row in response.context["conflict"]}
    assert rows["speaker"]["differs"] and rows["speaker"]["mine"] == "Senator"
    assert rows["speaker"]["theirs"] == "Senatorin"
    assert not rows["text"]["differs"]
    claim = Claim.objects.select_related("speaker").get(pk=accepted_claim.pk)
    assert claim.speaker.name == "Senatorin" and claim.quantity_value == 4200  # nothing overwritten
    resolved = edit(editor_client, accepted_claim, claim.version, speaker="Senatorin", quantity_value="4300")
    assert resolved.status_code == 302
    claim = Claim.objects.select_related("speaker").get(pk=accepted_claim.pk)
    assert claim.speaker.name == "Senatorin" and claim.quantity_value == 4300


# --- claims an editor adds or deletes ----------------------------------------------------------------


def test_new_claim_form_is_prefilled_by_the_extractor(editor_client, accepted_claim):
    text = 'Der Senator sagte am 3. März 2025: "Wir haben 12 Prozent mehr gebaut als im Vorjahr."'
    response = editor_client.get(reverse("review:claim_new", args=[accepted_claim.article_id]), {"text": text})
    form = response.context["new_claim_form"]
    assert form.initial["quantity_value"] == 12 and form.initial["quantity_unit"] == "%"
    assert form.initial["stated_on"] == dt.date(2025, 3, 3)
    assert form.initial["start"] == BODY.index(text)


def test_new_claim_keeps_its_span_and_is_highlighted(editor_client, accepted_claim):
    text = "Kritiker sprechen von Schönfärberei."
    article_id = accepted_claim.article_id
    response = editor_client.post(reverse("review:claim_new", args=[article_id]), {
        "text": text, "start": BODY.index(text), "kind": "statement", "speaker": "Kritiker"})
    assert response.status_code == 302
    claim = Claim.objects.get(text=text)
    assert (claim.span_start, claim.span_end) == (BODY.index(text), BODY.index(text) + len(text))
    page = editor_client.get(reverse("review:article_detail", args=[article_id])).text
    assert f'<mark id="span-{claim.pk}"' in page


def test_text_not_in_the_article_is_a_clear_error(editor_client, accepted_claim):
    response = editor_client.post(reverse("review:claim_new", args=[accepted_claim.article_id]),
                                  {"text": "Das steht da nicht.", "kind": "statement"})
    assert response.status_code == 400
    assert "This text does not occur in the article" in response.text
    assert Claim.objects.count() == 1


def test_deleting_a_claim_keeps_it_in_history(editor_client, accepted_claim):
    response = editor_client.post(reverse("review:claim_delete", args=[accepted_claim.pk]), {"version": 1})
    assert response.status_code == 302
    assert not Claim.objects.filter(pk=accepted_claim.pk).exists()
    history = editor_client.get(reverse("review:claim_history", args=[accepted_claim.pk]))
    assert history.status_code == 200 and "claim delete" in history.text and "was deleted" in history.text


def test_deleting_from_a_stale_page_is_refused(editor_client, accepted_claim):
    services.claim_set_status(claim_id=accepted_claim.pk, user=None, expected_version=1, status="rejected")
    editor_client.post(reverse("review:claim_delete", args=[accepted_claim.pk]), {"version": 1})
    assert Claim.objects.filter(pk=accepted_claim.pk).exists()


# --- topic workspace ---------------------------------------------------------------------------------


def test_topic_workspace_lists_claims_figures_and_links_and_moves_claims(editor_client, accepted_claim):
    later = Article.objects.get(pk=make_article(title="Später", body="Nun sind es 5.000 Wohnungen.",
                                                published_on=dt.date(2025, 6, 1)))
    newer = services.claim_create(article=later, kind="figure", text="Nun sind es 5.000 Wohnungen.",
                                  quantity=(5000, "count", "eq", None), topic="Wohnungsbau")
    stray = services.claim_create(article=later, kind="figure", text="Nun sind es", topic="Sonstiges")
    ClaimLink.objects.create(from_claim=newer, to_claim=accepted_claim, relation="updates", score=0.6,
                             rationale="neuere Zahl")
    url = reverse("review:topic_workspace", args=[accepted_claim.topic.slug])
    page = editor_client.get(url)
    text = page.text
    assert '<svg class="figure-chart"' in text and "Figures claimed over time" in text  # chart and its table
    assert text.index("4.200 neue Wohnungen") < text.index("5.000 Wohnungen")
    assert "neuere Zahl" in text and "<caption>Figures stated about Wohnungsbau" in text
    editor_client.post(reverse("review:topic_move", args=[accepted_claim.topic.slug]),
                       {"action": "in", "claims": f"#{stray.pk}"})
    stray.refresh_from_db()
    assert stray.topic == accepted_claim.topic
    editor_client.post(reverse("review:topic_move", args=[accepted_claim.topic.slug]),
                       {"action": "out", "claim": [f"{stray.pk}:{stray.version}"], "to": ""})
    stray.refresh_from_db()
    assert stray.topic is None


def test_a_long_topic_shows_its_latest_claims_and_pages_back(editor_client, accepted_claim, monkeypatch):
    from articles import review_selectors

    monkeypatch.setattr(review_selectors, "TOPIC_WINDOW", 2)
    for month in (3, 4):
        article = Article.objects.get(pk=make_article(title=f"Monat {month}", body="Text.",
                                                      published_on=dt.date(2025, month, 1)))
        services.claim_create(article=article, kind="figure", text=f"Im Monat {month} waren es {month}00 Wohnungen.",
                              topic="Wohnungsbau")
    url = reverse("review:topic_workspace", args=[accepted_claim.topic.slug])
    latest = editor_client.get(url).text
    assert "Im Monat 3" in latest and "Im Monat 4" in latest and "4.200 neue Wohnungen" not in latest
    assert latest.index("Im Monat 3") < latest.index("Im Monat 4")  # still in the order they were said
    earlier = re.search(r'href="\?before=([^"]+)">Earlier claims', latest).group(1)
    page = editor_client.get(f"{url}?before={earlier}").text
    assert "4.200 neue Wohnungen" in page and "Im Monat 3" not in page and "Earlier claims" not in page


@pytest.mark.parametrize("page", ["claim", "article", "topic"])
def test_review_pages_run_a_constant_number_of_queries(editor_client, accepted_claim, page):
    def url() -> str:
        return {"claim": reverse("review:claim_review", args=[accepted_claim.pk]),
                "article": reverse("review:article_detail", args=[accepted_claim.article_id]),
                "topic": reverse("review:topic_workspace", args=[accepted_claim.topic.slug])}[page]

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(url()).status_code == 200
        return len(queries)

    def grow(n: int) -> None:
        for i in range(n):
            other = services.claim_create(article=accepted_claim.article, kind="figure", text=f"Wohnungen {n}-{i}",
                                          quantity=(i, "count", "eq", None), topic="Wohnungsbau", speaker=f"S {i}")
            services.claim_link(from_claim_id=accepted_claim.pk, to_claim_id=other.pk, relation="same", user=None)
        accepted_claim.refresh_from_db()
        factcheck(editor_client, accepted_claim, **{f"source{k + 1}_url": f"https://s{n}-{k}.example/"
                                                    for k in range(min(n, 3))},
                  **{f"source{k + 1}_title": f"S{k}" for k in range(min(n, 3))},
                  keep_sources=list(accepted_claim.sources.values_list("pk", flat=True)))

    grow(1)
    few = count()
    grow(3)
    assert count() == few
