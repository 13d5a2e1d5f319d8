"""Checks (issue 12): an editor accepts a computed check and publishes it, with JavaScript on and off."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from articles.models import Check, CheckState, Claim, ClaimStatus
from articles.selectors import EDITORS_GROUP
from tests.browser.axe import assert_accessible, assert_accessible_without_js, axe_violations
from tests.checks import articles as a
from tests.checks.test_service import import_sample

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-test-password-2"


@pytest.fixture
def budget_check(django_user_model) -> Check:
    user = django_user_model.objects.create_user("carla", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
    check = Check.objects.get(claim__article=import_sample(a.CITY_BUDGET))
    Claim.objects.filter(pk=check.claim_id).update(status=ClaimStatus.ACCEPTED, published=True, verdict="false")
    return check


def log_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "carla")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/review/**")


def test_editor_accepts_and_publishes_a_check_in_place(page_factory, live_server, budget_check):
    page = page_factory()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    log_in(page, live_server)
    url = f"{live_server.url}/review/claims/{budget_check.claim_id}/"
    page.goto(url)
    panel = page.locator("#checks-panel")
    assert "more than the total 300 m EUR" in panel.inner_text()
    assert_accessible(page)
    with page.expect_response(lambda r: "/state/" in r.url and r.request.method == "POST"):
        panel.locator("button:text('Accept check')").click()
    panel.locator("button:text('Publish check with the review')").wait_for()
    with page.expect_response(lambda r: "/publish/" in r.url and r.request.method == "POST"):
        panel.locator("button:text('Publish check with the review')").click()
    panel.locator("text=published with the review").wait_for()
    assert page.url == url  # swapped in place, no navigation
    budget_check.refresh_from_db()
    assert (budget_check.state, budget_check.published) == (CheckState.ACCEPTED, True)
    assert_accessible(page)
    assert not [e for e in errors if "Content Security Policy" in e], errors
    reader = page_factory()
    reader.goto(f"{live_server.url}/claims/{budget_check.claim_id}/")
    assert "more than the total 300 m EUR" in reader.locator(".public-check").inner_text()
    assert axe_violations(reader) == []


def test_editor_dismisses_a_check_from_the_queue_with_javascript_off(page_factory, live_server, budget_check):
    page = page_factory(javascript=False)
    log_in(page, live_server)
    page.goto(f"{live_server.url}/review/checks/")
    page.locator(f"#queue-check-{budget_check.pk} button:text('Dismiss check')").click()
    page.wait_for_load_state()
    assert page.url.endswith("/review/checks/")
    assert "Check dismissed." in page.content()
    budget_check.refresh_from_db()
    assert budget_check.state == CheckState.DISMISSED
    checker = page_factory()
    log_in(checker, live_server)
    assert_accessible_without_js(checker, f"{live_server.url}/review/claims/{budget_check.claim_id}/")
    assert_accessible_without_js(checker, f"{live_server.url}/review/checks/")


def test_editor_accepts_a_check_inside_the_suggestions_queue(page_factory, live_server, budget_check):
    from articles.models import ClaimLink

    other = Claim.objects.filter(article=import_sample(a.COOLING, title="Kühlung")).first()
    ClaimLink.objects.create(from_claim=budget_check.claim, to_claim=other, relation="contradicts", score=0.9,
                             rationale="figures differ")
    page = page_factory()
    log_in(page, live_server)
    page.goto(f"{live_server.url}/review/suggestions/")
    item = page.locator(f"#suggestion-check-{budget_check.pk}")
    assert "more than the total 300 m EUR" in item.inner_text()
    assert_accessible(page)
    with page.expect_response(lambda r: "/state/" in r.url and r.request.method == "POST"):
        item.locator("button:text('Accept check')").click()
    item.locator("button:text('Reopen check')").wait_for()
    assert page.url.endswith("/review/suggestions/")  # swapped in place; the suggestion itself is still open
    assert page.locator(".suggestion").count() == 1
    budget_check.refresh_from_db()
    assert budget_check.state == CheckState.ACCEPTED
    assert_accessible(page)
