"""Editors see the checks on the claim and in the checks queue, and accept, dismiss or publish each."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Check, CheckState
from tests.checks import articles as a
from tests.checks.test_service import import_sample

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_the_claim_review_page_shows_the_check_with_its_work(editor_client):
    check = Check.objects.get(claim__article=import_sample(a.MARKET_VALUE))
    page = editor_client.get(reverse("review:claim_review", args=[check.claim_id])).text
    assert "Checks factcheck computed" in page
    assert "5.1 tn USD × 0.8594 EUR/USD (ECB, 2025-10-29) = 4.38 tn EUR" in page
    assert "inconsistent" in page and "14.1 %" in page


def test_accepting_with_htmx_swaps_the_panel(editor_client):
    check = Check.objects.get(claim__article=import_sample(a.CITY_BUDGET))
    response = editor_client.post(reverse("review:check_state", args=[check.pk]),
                                  {"state": "accepted", "version": 1}, **HTMX, HTTP_HX_TARGET="checks-panel")
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<section id="checks-panel"')
    assert "Publish check with the review" in response.text
    check.refresh_from_db()
    assert check.state == CheckState.ACCEPTED


def test_without_javascript_a_decision_redirects_back_to_the_claim(editor_client):
    check = Check.objects.get(claim__article=import_sample(a.PARKED_CARS))
    response = editor_client.post(reverse("review:check_state", args=[check.pk]), {"state": "dismissed", "version": 1})
    assert response.status_code == 302
    assert response["Location"] == reverse("review:claim_review", args=[check.claim_id])
    check.refresh_from_db()
    assert check.state == CheckState.DISMISSED


def test_a_stale_form_is_refused_with_a_message(editor_client):
    check = Check.objects.get(claim__article=import_sample(a.CITY_BUDGET))
    editor_client.post(reverse("review:check_state", args=[check.pk]), {"state": "accepted", "version": 1})
    response = editor_client.post(reverse("review:check_state", args=[check.pk]), {"state": "dismissed", "version": 1},
                                  follow=True)
    assert "decided by someone else" in response.text
    check.refresh_from_db()
    assert check.state == CheckState.ACCEPTED


def test_publishing_an_open_check_is_refused(editor_client):
    check = Check.objects.get(claim__article=import_sample(a.CITY_BUDGET))
    response = editor_client.post(reverse("review:check_publish", args=[check.pk]), {"published": "1", "version": 1},
                                  **HTMX, HTTP_HX_TARGET="checks-panel")
    assert "Only an accepted check can be published" in response.text
    check.refresh_from_db()
    assert not check.published


def test_readers_and_anonymous_visitors_cannot_decide(client, reader):
    check = Check.objects.get(claim__article=import_sample(a.CITY_BUDGET))
    response = client.post(reverse("review:check_state", args=[check.pk]), {"state": "accepted", "version": 1})
    assert response.status_code == 302 and reverse("login") in response["Location"]
    client.force_login(reader)
    assert client.post(reverse("review:check_state", args=[check.pk]),
                       {"state": "accepted", "version": 1}).status_code == 403
    assert client.get(reverse("review:check_queue")).status_code == 403
    check.refresh_from_db()
    assert check.state == CheckState.OPEN


def test_the_queue_lists_inconsistent_checks_first_and_a_decision_updates_its_row(editor_client):
    import_sample(a.COOLING, title="Kühlung")
    import_sample(a.CITY_BUDGET, title="Stadt")
    page = editor_client.get(reverse("review:check_queue")).text
    assert page.index("more than the total 300 m EUR") < page.index("20 million × 1 kW = 20 GW")
    check = Check.objects.get(status="inconsistent")
    response = editor_client.post(reverse("review:check_state", args=[check.pk]), {"state": "dismissed", "version": 1},
                                  **HTMX, HTTP_HX_TARGET=f"queue-check-{check.pk}")
    assert response.text.lstrip().startswith(f'<tr id="queue-check-{check.pk}"')
    assert "dismissed" in response.text


@pytest.mark.parametrize("url_name", ["review:check_queue", "review:claim_review"])
def test_pages_with_checks_run_a_constant_number_of_queries(editor_client, url_name):
    def count(samples) -> int:
        for n, sample in enumerate(samples):
            import_sample(sample, title=f"Artikel {n} {url_name}")
        first = Check.objects.order_by("id").first()
        url = reverse(url_name, args=[first.claim_id]) if url_name == "review:claim_review" else reverse(url_name)
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(url).status_code == 200
        return len(queries)

    few = count([a.CITY_BUDGET])
    many = count([a.COOLING, a.STATE_BUDGET, a.MARKET_VALUE, a.PARK_AREA, a.RESEARCH_SHARE])
    assert many == few


def test_readers_see_a_check_only_once_it_is_published_with_the_review(client, editor_client):
    from articles.models import Claim, ClaimStatus

    check = Check.objects.get(claim__article=import_sample(a.CITY_BUDGET))
    Claim.objects.filter(pk=check.claim_id).update(status=ClaimStatus.ACCEPTED, published=True, verdict="false")
    url = reverse("claim_detail", args=[check.claim_id])
    assert "Our calculation" not in client.get(url).text
    editor_client.post(reverse("review:check_state", args=[check.pk]), {"state": "accepted", "version": 1})
    assert "Our calculation" not in client.get(url).text  # accepted, not yet published
    editor_client.post(reverse("review:check_publish", args=[check.pk]), {"published": "1", "version": 2})
    page = client.get(url).text
    assert "Our calculation" in page
    assert "120 m EUR + 200 m EUR = 320 m EUR, more than the total 300 m EUR" in page


def _suggest_with_checked_claim() -> tuple[Check, str]:
    """A suggestion whose left claim carries a check, and the queue URL an editor would be on."""
    from articles.models import Claim, ClaimLink

    check = Check.objects.get(claim__article=import_sample(a.MARKET_VALUE))
    other = Claim.objects.filter(article=import_sample(a.CITY_BUDGET, title="Stadt")).exclude(pk=check.claim_id).first()
    ClaimLink.objects.create(from_claim=check.claim, to_claim=other, relation="contradicts", score=0.9,
                             rationale="figures differ")
    return check, reverse("review:suggestion_queue")


def test_the_suggestions_queue_shows_the_checks_of_both_claims(editor_client):
    check, queue = _suggest_with_checked_claim()
    page = editor_client.get(queue).text
    assert f'id="suggestion-check-{check.pk}"' in page
    assert "5.1 tn USD × 0.8594 EUR/USD (ECB, 2025-10-29) = 4.38 tn EUR" in page
    assert "14.1 %" in page


def test_a_check_decided_in_the_suggestions_queue_swaps_in_place(editor_client):
    check, queue = _suggest_with_checked_claim()
    response = editor_client.post(reverse("review:check_state", args=[check.pk]),
                                  {"state": "accepted", "version": 1, "next": queue},
                                  **HTMX, HTTP_HX_TARGET=f"suggestion-check-{check.pk}")
    assert response.text.lstrip().startswith(f'<li id="suggestion-check-{check.pk}"')
    assert "Dismiss check" in response.text and "Accept check" not in response.text
    check.refresh_from_db()
    assert check.state == CheckState.ACCEPTED


def test_without_javascript_a_check_decided_in_the_queue_returns_to_the_queue(editor_client):
    check, queue = _suggest_with_checked_claim()
    response = editor_client.post(reverse("review:check_state", args=[check.pk]),
                                  {"state": "dismissed", "version": 1, "next": queue})
    assert response.status_code == 302 and response["Location"] == queue
    page = editor_client.get(queue).text
    assert f'id="suggestion-check-{check.pk}"' not in page  # a dismissed check leaves the queue card
