"""The readers' site in Chromium: axe-core finds nothing on any kind of public page (JavaScript on and off, in
English and German); filters and pages update in place with HTMX and work without JavaScript; keyboard use."""

from __future__ import annotations

import pytest

from articles.demo import demo_load
from articles.models import Article, Claim, Publisher, Speaker
from articles.public_links import slug_of
from tests.browser.axe import assert_accessible, assert_accessible_without_js

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo():
    demo_load()


def public_pages() -> list[str]:
    claim = Claim.objects.get(text__startswith="Bund und Land fördern")
    return [
        "/",
        "/?q=Rechenzentren&lang=de",
        "/?topic=chipwerk-lausitz&rating=false",
        "/topics/",
        "/topics/stargate-funding/",
        "/topics/chipwerk-lausitz/",
        "/speakers/",
        f"/speakers/{slug_of(Speaker.objects.get(name='David Sacks'))}/",
        "/outlets/",
        f"/outlets/{slug_of(Publisher.objects.get(name='Lausitzer Tagesblatt'))}/",
        f"/articles/{Article.objects.get(url__endswith='/chipwerk-plan').pk}/",
        claim.get_absolute_url(),
        "/api/v1/docs",
    ]


def test_every_kind_of_public_page_passes_axe_with_javascript(page_factory, live_server, demo):
    page = page_factory()
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    for path in public_pages():
        page.goto(live_server.url + path)
        assert page.locator("h1").count() == 1, path
        assert_accessible(page)
    assert not errors, errors  # no CSP violation, no script error


def test_every_kind_of_public_page_passes_axe_without_javascript(page_factory, live_server, demo):
    for path in public_pages():
        assert_accessible_without_js(page_factory(), live_server.url + path)  # scripts blocked, as axe.py says


def test_german_pages_pass_axe(browser, live_server, demo):
    context = browser.new_context(locale="de-DE", extra_http_headers={"Accept-Language": "de-DE,de;q=0.9"})
    page = context.new_page()
    try:
        for path in ("/", "/topics/chipwerk-lausitz/"):
            page.goto(live_server.url + path)
            assert page.locator("html").get_attribute("lang") == "de"
            assert_accessible(page)
    finally:
        context.close()


def test_filters_update_the_list_in_place_and_the_address(page_factory, live_server, demo):
    page = page_factory()
    page.goto(live_server.url + "/")
    page.evaluate("() => { window.stayedOnPage = true; }")
    with page.expect_response(lambda r: "topic=chipwerk-lausitz" in r.url):
        page.select_option("select[name=topic]", "chipwerk-lausitz")
    page.wait_for_url("**topic=chipwerk-lausitz**")
    page.locator("#results .claim").first.wait_for()
    topics = page.locator("#results .claim .topic").all_inner_texts()
    assert page.evaluate("() => window.stayedOnPage === true")  # swapped in place, no page load
    assert topics == [] or set(topics) == {"Chipwerk Lausitz"}
    assert "Bund und Land fördern" in page.locator("#results").inner_text()
    page.fill("#filter-q", "Rechnungshof")
    page.wait_for_url("**q=Rechnungshof**")
    page.wait_for_function("() => !document.querySelector('#results').innerText.includes('Bund und Land fördern das')"
                           " || document.querySelectorAll('#results .claim').length <= 4")
    assert page.evaluate("() => window.stayedOnPage === true")
    page.reload()  # the address alone brings the same view back
    assert page.locator("select[name=topic]").input_value() == "chipwerk-lausitz"
    assert page.locator("#filter-q").input_value() == "Rechnungshof"


def test_filters_and_pages_work_without_javascript(page_factory, live_server, demo):
    page = page_factory(javascript=False)
    page.goto(live_server.url + "/")
    page.select_option("select[name=rating]", "false")
    page.click("form.filters button[type=submit]")
    page.wait_for_url("**rating=false**")
    ratings = set(page.locator("#results .claim .verdict").all_inner_texts())
    assert ratings == {"False"}


def test_keyboard_reaches_the_content_through_the_skip_link(page_factory, live_server, demo):
    page = page_factory()
    page.goto(live_server.url + "/topics/stargate-funding/")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.className") == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('main') !== null")


def test_language_switcher_changes_and_keeps_the_language(page_factory, live_server, demo):
    page = page_factory(javascript=False)
    page.goto(live_server.url + "/topics/")
    page.click("nav.language a[hreflang=de]")
    page.wait_for_url("**/topics/")
    assert page.locator("h1").inner_text() == "Themen"
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "de"
