"""Suggestions made on import, and editors' decisions surviving re-extraction."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from articles import services
from articles.import_runner import import_paths
from articles.importers.types import ArticleDraft
from articles.models import Article, Claim, ClaimLink, ClaimStatus, LinkState
from articles.suggestions import suggest_links

pytestmark = pytest.mark.django_db

PROMISE = ArticleDraft(
    title="Stargate soll bis zu 500 Milliarden Dollar kosten",
    body=("Die Partner OpenAI, SoftBank und Oracle wollen für das Projekt Stargate bis zu 500 Milliarden Dollar "
          "in Rechenzentren investieren. Zunächst sollen 100 Milliarden Dollar fließen."),
    published_on=dt.date(2025, 1, 22), date_precision="day", language="de",
)
DOUBT = ArticleDraft(
    title="Musk zweifelt an Stargate",
    body=("Elon Musk schrieb am Mittwoch auf X über Stargate: „Die haben das Geld gar nicht. SoftBank hat "
          "deutlich unter 10 Milliarden Dollar gesichert.“ OpenAI widersprach."),
    published_on=dt.date(2025, 1, 23), date_precision="day", language="de",
)
ENGLISH = ArticleDraft(
    title="Stargate backers pledge up to $500bn",
    body="OpenAI, SoftBank and Oracle said they would invest up to $500bn in Stargate data centres.",
    published_on=dt.date(2025, 1, 22), date_precision="day", language="en",
)


def store(*drafts: ArticleDraft) -> list[Article]:
    ids = [services.article_import(draft=d, source_file="t").article_id for d in drafts]
    return [Article.objects.get(pk=i) for i in ids]


def figure(article: Article, value: float) -> Claim:
    return article.claims.get(quantity_value=value)


def links_between(a: Claim, b: Claim) -> list[ClaimLink]:
    return list(ClaimLink.objects.filter(from_claim__in=[a, b], to_claim__in=[a, b]))


def test_promised_versus_secured_is_suggested_as_a_contradiction_with_a_reason():
    promise, doubt = store(PROMISE, DOUBT)
    links = links_between(figure(promise, 5e11), figure(doubt, 1e10))
    assert [(link.relation, link.state) for link in links] == [("contradicts", "suggested")]
    assert "500" in links[0].rationale and "10" in links[0].rationale
    assert 0 < links[0].score <= 1


def test_the_same_figure_in_english_and_german_is_suggested_as_same():
    german, english = store(PROMISE, ENGLISH)
    links = links_between(figure(german, 5e11), figure(english, 5e11))
    assert [link.relation for link in links] == ["same"]


def test_each_claim_gets_at_most_a_few_suggestions():
    store(PROMISE, DOUBT, ENGLISH)
    for claim in Claim.objects.all():
        assert ClaimLink.objects.filter(from_claim=claim, state=LinkState.SUGGESTED).count() <= 3


def test_a_dismissed_suggestion_never_comes_back():
    promise, doubt = store(PROMISE, DOUBT)
    link = links_between(figure(promise, 5e11), figure(doubt, 1e10))[0]
    services.link_set_state(link_id=link.pk, state=LinkState.DISMISSED, user=None)
    suggest_links(claim_ids=list(Claim.objects.values_list("pk", flat=True)))
    services.claims_extract(article=doubt)
    services.claims_extract(article=promise)
    links = links_between(figure(promise, 5e11), figure(doubt, 1e10))
    assert [(link.relation, link.state) for link in links] == [("contradicts", "dismissed")]


def test_re_extraction_keeps_editors_decisions_and_adds_nothing_twice(editor):
    (promise,) = store(PROMISE)
    claims_before = list(promise.claims.order_by("pk").values_list("pk", flat=True))
    accepted = figure(promise, 5e11)
    services.claim_set_status(claim_id=accepted.pk, user=editor, expected_version=accepted.version,
                              status=ClaimStatus.ACCEPTED)
    assert services.claims_extract(article=promise) == []
    assert list(promise.claims.order_by("pk").values_list("pk", flat=True)) == claims_before
    assert Claim.objects.get(pk=accepted.pk).status == ClaimStatus.ACCEPTED


def test_a_batch_import_suggests_links_across_articles(tmp_path):
    (tmp_path / "a.txt").write_text(f"date 2025-01-22\n{PROMISE.title}\n{PROMISE.body}\n")
    (tmp_path / "b.txt").write_text(f"date 2025-01-23\n{DOUBT.title}\n{DOUBT.body}\n")
    report = import_paths([tmp_path])
    assert report["imported"] == 2
    assert ClaimLink.objects.filter(relation="contradicts", state=LinkState.SUGGESTED).exists()


def test_editor_accepts_a_suggestion_with_one_click(editor_client):
    promise, doubt = store(PROMISE, DOUBT)
    link = links_between(figure(promise, 5e11), figure(doubt, 1e10))[0]
    response = editor_client.post(reverse("review:link_state", args=[link.pk]),
                                  {"state": "confirmed", "claim": link.from_claim_id},
                                  headers={"HX-Request": "true", "HX-Target": "link-panel"})
    assert response.status_code == 200
    assert 'id="link-panel"' in response.text and "confirmed" in response.text
    link.refresh_from_db()
    assert link.state == LinkState.CONFIRMED


def test_article_page_highlights_candidates_and_accepts_in_place(editor_client):
    (promise,) = store(PROMISE)
    claim = figure(promise, 5e11)
    page = editor_client.get(reverse("review:article_detail", args=[promise.pk]))
    assert f'<mark id="span-{claim.pk}"' in page.text
    response = editor_client.post(
        reverse("review:claim_status", args=[claim.pk]), {"status": "accepted", "version": claim.version},
        headers={"HX-Request": "true", "HX-Target": f"candidate-{claim.pk}"},
    )
    assert response.text.lstrip().startswith(f'<li id="candidate-{claim.pk}"')
    assert "accepted" in response.text
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ACCEPTED and claim.version == 2


def test_editor_corrects_a_figure_in_place(editor_client):
    (promise,) = store(PROMISE)
    claim = figure(promise, 1e11)
    response = editor_client.post(
        reverse("review:claim_edit", args=[claim.pk]),
        {"version": claim.version, "text": claim.text, "speaker": "Sam Altman", "stated_on": "2025-01-21",
         "quantity_value": "100e9", "quantity_unit": "USD", "quantity_bound": "ge", "topic": "Stargate funding"},
        headers={"HX-Request": "true", "HX-Target": "claim-panel"},
    )
    assert response.status_code == 200 and 'id="claim-panel"' in response.text
    claim.refresh_from_db()
    assert (claim.quantity_bound, claim.speaker.name, claim.stated_on.isoformat(), claim.topic.name) == (
        "ge", "Sam Altman", "2025-01-21", "Stargate funding")


def test_history_records_every_change_including_bulk_updates(editor):
    from articles.models import Topic

    (promise,) = store(PROMISE)
    claim = figure(promise, 5e11)
    services.claim_set_status(claim_id=claim.pk, user=editor, expected_version=claim.version, status="accepted")
    target = Topic.objects.create(slug="stargate-funding", name="Stargate funding")
    source = Topic.objects.create(slug="stargate-geld", name="Stargate-Geld")
    source_id = source.pk
    Claim.objects.filter(pk=claim.pk).update(topic=source)
    services.topic_merge(source=source, target=target)  # a QuerySet.update(): signals would miss it
    events = list(claim.events.order_by("pgh_id").values_list("pgh_label", "status", "topic_id"))
    assert events[0][0] == "insert"
    assert ("update", "accepted", target.pk) in events
    assert ("update", "accepted", source_id) in events


def test_a_suggested_link_has_the_insert_event_the_history_trigger_writes_for_any_other_link(editor):
    """Suggestions are stored with their insert events in one statement (articles/history_events.py), not by the
    row trigger: the event must be the one the trigger writes, context included, and every other insert of a link
    must still get its event from the trigger."""
    from articles.models import ClaimLinkEvent

    promise, doubt = store(PROMISE, DOUBT)
    a, b = figure(promise, 5e11), figure(doubt, 1e10)
    ClaimLink.objects.filter(from_claim__in=[a, b], to_claim__in=[a, b]).delete()
    with services.history_context(command="import_articles"):
        suggest_links(claim_ids=[b.pk])
        by_statement = ClaimLink.objects.get(from_claim=b, to_claim=a)
        by_trigger = ClaimLink.objects.create(from_claim=a, to_claim=b, relation="same", score=0.5, rationale="x")
    fields = [f.attname for f in ClaimLinkEvent._meta.concrete_fields if f.attname not in ("pgh_id", "pgh_created_at")]

    def insert_event(link: ClaimLink) -> dict:
        (event,) = ClaimLinkEvent.objects.filter(pgh_obj_id=link.pk).values(*fields)
        return event

    made, written = insert_event(by_statement), insert_event(by_trigger)
    assert made["pgh_label"] == written["pgh_label"] == "insert"
    assert made["pgh_context_id"] == written["pgh_context_id"] is not None  # the same command's context
    row = ClaimLink.objects.filter(pk=by_statement.pk).values(*[f.attname for f in ClaimLink._meta.concrete_fields])[0]
    assert {k: made[k] for k in row} == row  # the event holds the row as stored
    assert made["state"] == "suggested" and made["rationale"] == by_statement.rationale != ""
    # an editor's own link made later in the same transaction is recorded by the trigger again
    editors = ClaimLink.objects.create(from_claim=b, to_claim=a, relation="supports", state="confirmed",
                                     created_by=editor)
    assert ClaimLinkEvent.objects.filter(pgh_obj_id=editors.pk, pgh_label="insert").count() == 1


def test_speaker_variants_resolve_to_one_speaker():
    full = services.speaker_resolve(name="Elon Musk")
    assert services.speaker_resolve(name="Musk") == full
    short_first = services.speaker_resolve(name="Sacks")
    assert services.speaker_resolve(name="David O. Sacks") == short_first
    short_first.refresh_from_db()
    assert short_first.name == "David Sacks" and "Sacks" in short_first.name_variants


def test_the_same_sum_in_two_currencies_is_same_with_the_conversion_as_reason():
    euros, dollars = store(
        ArticleDraft(
            title="Fernwärme in Kelmstadt",
            body="Das Fernwärmenetz von Kelmstadt bekommt Fördermittel von 480 Millionen Euro, teilte die Stadt mit.",
            published_on=dt.date(2026, 6, 10), date_precision="day", language="de",
        ),
        ArticleDraft(
            title="Kelmstadt heating grant",
            body="The Kelmstadt district heating network will receive $554 million in public funding, the city said.",
            published_on=dt.date(2026, 6, 12), date_precision="day", language="en",
        ),
    )
    links = links_between(figure(euros, 4.8e8), figure(dollars, 5.54e8))
    assert [(link.relation, link.state) for link in links] == [("same", "suggested")]
    assert "ECB rate" in links[0].rationale and "same figure" in links[0].rationale
