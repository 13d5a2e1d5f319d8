"""The editors' two queues: suggestions best first with side-by-side claims, and the claim queue with its
filters, keyset pages, capped counts and bulk actions."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import services
from articles.models import Article, Claim, ClaimLink, ClaimStatus, LinkState, Topic
from tests.conftest import make_article

pytestmark = pytest.mark.django_db

BODY_A = ("Der Stadtrat hat am Montag getagt.\n\nDie Bürgermeisterin sagte, der neue Tunnel koste 80 Millionen Euro. "
          "Das sei weniger als geplant.\n\nDie Opposition widersprach.")
BODY_B = "Laut Kämmerer kostet der Tunnel mindestens 120 Millionen Euro. Er nannte keine Quelle."


def claim(article_id: int, text: str, **extra) -> Claim:
    return services.claim_create(article=Article.objects.get(pk=article_id), kind="figure", text=text, **extra)


def suggestion(a: Claim, b: Claim, *, score: float, relation: str = "contradicts", reason: str = "") -> ClaimLink:
    return ClaimLink.objects.create(from_claim=a, to_claim=b, relation=relation, score=score,
                                    rationale=reason or f"figures differ ({score})")


@pytest.fixture
def pair():
    first = make_article(title="Tunnel im Rat", body=BODY_A, publisher="Stadtblatt")
    second = make_article(title="Kämmerer rechnet nach", body=BODY_B, published_on=dt.date(2025, 2, 3))
    a = claim(first, "Die Bürgermeisterin sagte, der neue Tunnel koste 80 Millionen Euro.", speaker="Anna Berg",
              quantity=(8e7, "EUR", "eq", None), topic="Tunnel", stated_on=dt.date(2025, 1, 20))
    b = claim(second, "Laut Kämmerer kostet der Tunnel mindestens 120 Millionen Euro.", speaker="Kurt Kamm",
              quantity=(1.2e8, "EUR", "ge", None), topic="Tunnel")
    return a, b


def test_suggestions_queue_shows_both_claims_side_by_side(editor_client, pair):
    a, b = pair
    suggestion(a, b, score=0.9, reason="80 Mio. versus mindestens 120 Mio.")
    response = editor_client.get(reverse("review:suggestion_queue"))
    text = response.text
    assert response.status_code == 200
    assert "80 Mio. versus mindestens 120 Mio." in text  # the judge's reason
    # the span highlighted inside its paragraph, cut at the paragraph's edges
    assert "<mark>Die Bürgermeisterin sagte, der neue Tunnel koste 80 Millionen Euro.</mark> Das sei weniger" in text
    assert "Der Stadtrat" not in text and "Opposition" not in text
    assert "Anna Berg" in text and "Kurt Kamm" in text
    assert "20 Jan 2025" in text and "3 Feb 2025 (article date)" in text
    assert "Stadtblatt" in text and "Kämmerer rechnet nach" in text
    assert "at least 120 m EUR" in text


def test_suggestions_come_best_first_and_filters_narrow_them(editor_client, pair):
    a, b = pair
    other = claim(make_article(title="Drei", body="Die Brücke kostet 5 Millionen Euro.", language="en"),
                  "Die Brücke kostet 5 Millionen Euro.", quantity=(5e6, "EUR", "eq", None), topic="Brücke")
    low = suggestion(a, b, score=0.2)
    high = suggestion(a, other, score=0.8, relation="supports")
    text = editor_client.get(reverse("review:suggestion_queue")).text
    assert text.index(f"suggestion-{high.pk}") < text.index(f"suggestion-{low.pk}")
    for params, shown, hidden in [({"relation": "contradicts"}, low, high), ({"topic": "brucke"}, high, low),
                                  ({"lang": "en"}, high, low), ({"speaker": "kamm"}, low, high),
                                  ({"article": b.article_id}, low, high)]:
        text = editor_client.get(reverse("review:suggestion_queue"), params).text
        assert f"suggestion-{shown.pk}" in text, params
        assert f"suggestion-{hidden.pk}" not in text, params


def test_confirm_dismiss_and_undo_without_javascript_return_to_the_queue(editor_client, pair):
    a, b = pair
    link = suggestion(a, b, score=0.7)
    queue = reverse("review:suggestion_queue") + "?relation=contradicts"
    response = editor_client.post(reverse("review:suggestion_decide", args=[link.pk]),
                                  {"action": "confirm", "relation": "contradicts", "next": queue})
    assert response.status_code == 302 and response["Location"] == queue
    link.refresh_from_db()
    assert link.state == LinkState.CONFIRMED
    page = editor_client.get(queue).text
    assert f"suggestion-{link.pk}" not in page and "Undo" in page
    editor_client.post(reverse("review:suggestion_undo"), {"next": queue})
    link.refresh_from_db()
    assert link.state == LinkState.SUGGESTED
    editor_client.post(reverse("review:suggestion_decide", args=[link.pk]), {"action": "dismiss", "next": queue})
    link.refresh_from_db()
    assert link.state == LinkState.DISMISSED


def test_confirm_as_another_relation(editor_client, pair):
    a, b = pair
    link = suggestion(a, b, score=0.7)
    editor_client.post(reverse("review:suggestion_decide", args=[link.pk]),
                       {"action": "confirm", "relation": "updates"})
    link.refresh_from_db()
    assert (link.relation, link.state) == ("updates", LinkState.CONFIRMED)
    editor_client.post(reverse("review:suggestion_undo"))
    link.refresh_from_db()
    assert (link.relation, link.state) == ("contradicts", LinkState.SUGGESTED)


def test_a_suggestion_decided_meanwhile_is_not_decided_twice(editor_client, pair):
    a, b = pair
    link = suggestion(a, b, score=0.7)
    services.link_set_state(link_id=link.pk, state=LinkState.DISMISSED, user=None)
    response = editor_client.post(reverse("review:suggestion_decide", args=[link.pk]), {"action": "confirm"},
                                  follow=True)
    assert "already dismissed" in response.text
    link.refresh_from_db()
    assert link.state == LinkState.DISMISSED


def test_htmx_decision_returns_the_queue_with_the_next_item_in_place(editor_client, pair):
    a, b = pair
    first = suggestion(a, b, score=0.9)
    second = suggestion(a, b, score=0.5, relation="same")
    response = editor_client.post(reverse("review:suggestion_decide", args=[first.pk]),
                                  {"action": "dismiss", "next": reverse("review:suggestion_queue")},
                                  headers={"HX-Request": "true", "HX-Target": "queue"})
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="queue"')
    assert f"suggestion-{second.pk}" in response.text and f"suggestion-{first.pk}" not in response.text
    assert "Undo" in response.text


def test_suggestion_pages_follow_a_cursor(editor_client, pair):
    a, b = pair
    links = [ClaimLink.objects.create(from_claim=a, to_claim=claim(
        make_article(title=f"A{i}", body=f"Es kostet {i} Euro."), f"Es kostet {i} Euro."), relation="same",
        score=i / 100) for i in range(12)]
    page = editor_client.get(reverse("review:suggestion_queue"), {"relation": "same"})
    assert f"suggestion-{links[11].pk}" in page.text and f"suggestion-{links[1].pk}" not in page.text
    follow = editor_client.get(reverse("review:suggestion_queue"),
                               {"relation": "same", "after": page.context["next_cursor"]}, follow=True)
    assert f"suggestion-{links[1].pk}" in follow.text and f"suggestion-{links[11].pk}" not in follow.text
    assert "relation=same" in follow.redirect_chain[-1][0]


def test_navigation_shows_open_counts_capped(editor_client, pair, monkeypatch):
    from articles import review_selectors

    a, b = pair
    suggestion(a, b, score=0.4)
    text = editor_client.get(reverse("review:claim_list")).text
    assert 'Suggestions <span class="count">1</span>' in text
    assert 'Candidates <span class="count">2</span>' in text
    monkeypatch.setattr(review_selectors, "COUNT_CAP", 1)
    # another page: the queue's page was cached, and changing a constant is no write (a deploy changes the
    # release, which the cache keys carry)
    assert 'Candidates <span class="count">1+</span>' in editor_client.get(reverse("review:suggestion_queue")).text


def test_readers_get_no_counts_and_no_queue(client, reader, pair):
    client.force_login(reader)
    assert client.get(reverse("review:suggestion_queue")).status_code == 403
    assert "Suggestions" not in client.get("/").text


@pytest.mark.parametrize("url_name", ["review:suggestion_queue", "review:claim_list"])
def test_queues_run_a_constant_number_of_queries(editor_client, url_name):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(reverse(url_name), {"status": ""}).status_code == 200
        return len(queries)

    def add(n: int) -> None:
        for i in range(n):
            article = make_article(title=f"Artikel {i}-{n}", body=f"Es kostet {i} Euro, nicht {n} Euro.")
            x = claim(article, f"Es kostet {i} Euro", speaker=f"Sprecher {i}", topic=f"Thema {i % 3}")
            y = claim(article, f"nicht {n} Euro", speaker=f"Sprecherin {i}", topic=f"Thema {i % 2}")
            suggestion(x, y, score=0.5)

    add(2)
    few = count()
    add(12)
    assert count() == few


# --- the claim queue ------------------------------------------------------------------------------


def test_claim_filters_stay_in_the_url_and_in_the_pagination(editor_client, monkeypatch):
    from articles import review_selectors

    monkeypatch.setattr(review_selectors, "PAGE_SIZE", 2)
    article = make_article(body="Eins. Zwei. Drei. Vier.", language="en")
    made = [claim(article, word, speaker="Berta Brandt", topic="Zahlen") for word in ("Eins.", "Zwei.", "Drei.")]
    claim(make_article(title="Anderes", body="Vier."), "Vier.", speaker="Berta Brandt")
    params = {"status": "candidate", "speaker": "brandt", "topic": "zahlen", "lang": "en", "kind": "figure",
              "from": "2025-01-01", "to": "2025-12-31"}
    page = editor_client.get(reverse("review:claim_list"), params)
    older = page.context["next_query"]
    assert older["topic"] == "zahlen" and older["speaker"] == "brandt" and older["after"] == str(made[1].pk)
    assert "Vier." not in page.text
    second = editor_client.get(reverse("review:claim_list"), older)
    assert [c.pk for c in second.context["claims"]] == [made[0].pk]


def test_claim_filter_by_open_suggestions_and_date(editor_client, pair):
    a, b = pair
    lonely = claim(make_article(title="Ohne", body="Nichts hier.", published_on=dt.date(2024, 5, 1)), "Nichts hier.")
    suggestion(a, b, score=0.3)
    shown = editor_client.get(reverse("review:claim_list"), {"open": "1"}).context["claims"]
    assert {c.pk for c in shown} == {a.pk, b.pk}
    shown = editor_client.get(reverse("review:claim_list"), {"to": "2024-12-31"}).context["claims"]
    assert [c.pk for c in shown] == [lonely.pk]


def test_counts_per_status(editor_client, pair):
    a, _ = pair
    services.claim_set_status(claim_id=a.pk, user=None, expected_version=1, status=ClaimStatus.ACCEPTED)
    counts = editor_client.get(reverse("review:claim_list")).context["counts"]
    assert counts == {"candidate": "1", "accepted": "1", "rejected": "0"}


def test_bulk_accept_and_move_without_javascript(editor_client, pair):
    a, b = pair
    back = reverse("review:claim_list") + "?status=candidate&speaker=k"
    response = editor_client.post(reverse("review:claim_bulk"), {
        "claim": [f"{a.pk}:{a.version}", f"{b.pk}:{b.version}"], "action": "accept", "next": back})
    assert response.status_code == 302 and response["Location"] == back
    assert set(Claim.objects.values_list("status", flat=True)) == {"accepted"}
    topic = Topic.objects.create(slug="neu", name="Neu")
    a.refresh_from_db()
    editor_client.post(reverse("review:claim_bulk"), {"claim": [f"{a.pk}:{a.version}"], "action": "move",
                                                      "topic": "neu"})
    a.refresh_from_db()
    assert a.topic == topic


def test_bulk_leaves_a_claim_changed_meanwhile_alone(editor_client, pair):
    a, b = pair
    services.claim_set_status(claim_id=a.pk, user=None, expected_version=1, status=ClaimStatus.ACCEPTED)
    response = editor_client.post(reverse("review:claim_bulk"), {
        "claim": [f"{a.pk}:1", f"{b.pk}:1"], "action": "reject"}, follow=True)
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == ("accepted", "rejected")
    assert f"left alone: #{a.pk}" in response.text


def test_bulk_with_htmx_swaps_the_table(editor_client, pair):
    a, _ = pair
    response = editor_client.post(reverse("review:claim_bulk"), {
        "claim": [f"{a.pk}:1"], "action": "reject", "next": reverse("review:claim_list") + "?status=candidate"},
        headers={"HX-Request": "true", "HX-Target": "claim-table"})
    assert response.text.lstrip().startswith('<div id="claim-table"')
    assert "1 claim(s) rejected." in response.text
    assert f'id="row-{a.pk}"' not in response.text


def test_open_suggestions_filter_pages_through_bounded_batches(editor_client, pair, monkeypatch):
    from articles import review_selectors

    monkeypatch.setattr(review_selectors, "OPEN_BATCH", 2)
    monkeypatch.setattr(review_selectors, "PAGE_SIZE", 2)
    a, b = pair
    article = make_article(title="Viele", body="Eins zwei drei vier fünf sechs.")
    others = [claim(article, word) for word in ("Eins", "zwei", "drei", "vier")]
    for other in others:
        suggestion(a, other, score=0.5)
    services.claim_set_status(claim_id=others[2].pk, user=None, expected_version=1, status=ClaimStatus.REJECTED)
    seen, params = [], {"open": "1", "status": "candidate"}
    for _ in range(5):
        page = editor_client.get(reverse("review:claim_list"), params)
        seen += [c.pk for c in page.context["claims"]]
        if not page.context["next_query"]:
            break
        params = page.context["next_query"]
    assert seen == sorted({a.pk, *[o.pk for o in others]} - {others[2].pk}, reverse=True)
    assert b.pk not in seen


def test_undo_never_overwrites_a_later_decision(editor_client, pair):
    a, b = pair
    link = suggestion(a, b, score=0.7)
    editor_client.post(reverse("review:suggestion_decide", args=[link.pk]), {"action": "dismiss"})
    services.claim_link(from_claim_id=a.pk, to_claim_id=b.pk, relation="contradicts", user=None)  # someone confirms
    response = editor_client.post(reverse("review:suggestion_undo"), follow=True)
    assert "changed by someone else since" in response.text
    link.refresh_from_db()
    assert link.state == LinkState.CONFIRMED


def test_the_topic_menu_shows_the_chosen_topic_selected_as_a_menu(editor_client, pair):
    Topic.objects.create(slug="bruecken", name="Brücken & Stege")
    response = editor_client.get(reverse("review:claim_list"), {"topic": "tunnel", "status": ""})
    text = response.content.decode()
    assert '<option value="tunnel" selected>Tunnel</option>' in text
    assert "&lt;option" not in text  # the filter's menu is markup, not escaped text
    assert text.count('<option value="bruecken">Brücken &amp; Stege</option>') == 2  # filter menu and bulk menu
    assert [c.text for c in response.context["claims"]] == [
        "Laut Kämmerer kostet der Tunnel mindestens 120 Millionen Euro.",
        "Die Bürgermeisterin sagte, der neue Tunnel koste 80 Millionen Euro."]


def test_the_claim_queue_cuts_long_claims_and_titles_like_truncatechars(editor_client):
    from django.template.defaultfilters import truncatechars

    long_text = "Die Kämmerin erwartet " + "sehr " * 40 + "hohe Kosten von 9 Millionen Euro."
    article = make_article(title="Ein sehr langer Titel über die Haushaltsberatungen der Stadt im Herbst")
    claim(article, long_text)
    claim(article, "Der Tunnel kostet 80 Millionen Euro.")
    text = editor_client.get(reverse("review:claim_list")).content.decode()
    assert f">{truncatechars(long_text, 120)}</a>" in text and long_text not in text
    assert truncatechars(long_text, 120).endswith("…")
    assert ">Der Tunnel kostet 80 Millionen Euro.</a>" in text
    assert ">Ein sehr langer Titel über die Haushaltsberatunge…</a>" in text
