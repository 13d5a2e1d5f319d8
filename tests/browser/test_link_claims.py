"""An editor links two claims as contradicting; a reader then sees it on the timeline."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from articles import services
from articles.models import Article, ClaimLink, ClaimStatus, LinkState
from articles.selectors import EDITORS_GROUP
from tests.conftest import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-test-password-1"


@pytest.fixture
def published_pair(django_user_model):
    user = django_user_model.objects.create_user("edith", password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
    first = make_article(title="Rechenzentren-Plan", body="Die Partner wollen bis zu 500 Milliarden Dollar anlegen.")
    second = make_article(title="Zweifel am Plan", body="Gesichert sind deutlich unter 10 Milliarden Dollar.")
    promise = services.claim_create(
        article=Article.objects.get(pk=first), kind="figure",
        text="Die Partner wollen bis zu 500 Milliarden Dollar anlegen.", speaker="Donald Trump",
        quantity=(5e11, "USD", "le", None), status=ClaimStatus.ACCEPTED, published=True,
    )
    doubt = services.claim_create(
        article=Article.objects.get(pk=second), kind="quote",
        text="Gesichert sind deutlich unter 10 Milliarden Dollar.", speaker="Elon Musk",
        quantity=(1e10, "USD", "lt", None), status=ClaimStatus.ACCEPTED, published=True,
    )
    return promise, doubt


def log_in(page, live_server):
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("input[name=username]", "edith")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/review/**")


def reader_sees_contradiction(page_factory, live_server, promise, doubt):
    reader = page_factory()
    reader.goto(live_server.url + "/")
    entry = reader.locator(f"#claim-{promise.pk}")
    assert "Contradicted by" in entry.inner_text()
    assert doubt.text[:30] in entry.locator(".contradicted").inner_text()


def test_editor_links_claims_through_htmx_search(page_factory, live_server, published_pair):
    promise, doubt = published_pair
    page = page_factory()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    log_in(page, live_server)
    page.goto(f"{live_server.url}/review/claims/{promise.pk}/")
    page.locator("input[name=q]").press_sequentially("deutlich unter", delay=30)
    result = page.locator(f"#search-results input[value='{doubt.pk}']")
    result.wait_for()  # appeared while typing, without a page load
    assert page.url.endswith(f"/review/claims/{promise.pk}/")
    result.check()
    page.select_option("select[name=relation]", "contradicts")
    page.fill("textarea[name=rationale]", "promised versus secured")
    with page.expect_response(lambda r: "/link/" in r.url and r.request.method == "POST"):
        page.click("#link-form button:text('Save link')")
    page.locator("#links .relation-contradicts").wait_for()
    assert doubt.text[:30] in page.locator("#links").inner_text()
    assert page.url.endswith(f"/review/claims/{promise.pk}/")  # swapped in place, no navigation
    assert ClaimLink.objects.get().state == LinkState.CONFIRMED
    assert not [e for e in errors if "Content Security Policy" in e], errors
    reader_sees_contradiction(page_factory, live_server, promise, doubt)


def test_editor_links_claims_with_javascript_off(page_factory, live_server, published_pair):
    promise, doubt = published_pair
    page = page_factory(javascript=False)
    log_in(page, live_server)
    page.goto(f"{live_server.url}/review/claims/{promise.pk}/")
    page.fill("input[name=q]", "deutlich unter")
    page.click("#link-form button:text('Search')")
    page.wait_for_url("**q=deutlich*")
    page.check(f"#search-results input[value='{doubt.pk}']")
    page.select_option("select[name=relation]", "contradicts")
    page.click("#link-form button:text('Save link')")
    page.wait_for_load_state()
    assert "Link saved." in page.content()
    assert doubt.text[:30] in page.locator("#links").inner_text()
    reader_sees_contradiction(page_factory, live_server, promise, doubt)
