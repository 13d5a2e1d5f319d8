"""The editors' workspace in a real browser, with JavaScript on and off, checked by axe-core on every page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group

from articles import services
from articles.models import Article, Claim, ClaimLink, ClaimStatus, LinkState
from articles.selectors import EDITORS_GROUP
from tests.browser.axe import assert_accessible, assert_accessible_without_js
from tests.conftest import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-test-password-2"


def make_editor(django_user_model, name: str = "greta"):
    user = django_user_model.objects.create_user(name, password=PASSWORD)
    user.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
    return user


def log_in(page, live_server, name: str = "greta", then: str = "/review/"):
    page.goto(f"{live_server.url}/accounts/login/?next={then}")
    page.fill("input[name=username]", name)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}{then}*")


def logged_in(page_factory, live_server, name: str = "greta"):
    """A second page, signed in, for the check with the page's scripts blocked."""
    page = page_factory()
    log_in(page, live_server, name)
    return page


def no_csp_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors


@pytest.fixture
def queue(django_user_model):
    """Eleven open suggestions between claims of our own short articles, best first by score."""
    make_editor(django_user_model)
    links = []
    for i in range(11):
        first = make_article(title=f"Haushalt {i}", body=f"Die Schule kostet {10 + i} Millionen Euro.\n\nMehr dazu.",
                             published_on=dt.date(2025, 1, 1 + i))
        second = make_article(title=f"Prüfung {i}", body=f"Der Rechnungshof nennt {20 + i} Millionen Euro.")
        a = services.claim_create(article=Article.objects.get(pk=first), kind="figure",
                                  text=f"Die Schule kostet {10 + i} Millionen Euro.", speaker="Lena Weiss",
                                  quantity=((10 + i) * 1e6, "EUR", "eq", None), topic="Schulbau")
        b = services.claim_create(article=Article.objects.get(pk=second), kind="figure",
                                  text=f"Der Rechnungshof nennt {20 + i} Millionen Euro.", speaker="Rechnungshof",
                                  quantity=((20 + i) * 1e6, "EUR", "eq", None), topic="Schulbau")
        links.append(ClaimLink.objects.create(from_claim=a, to_claim=b, relation="contradicts",
                                              score=round(0.95 - i / 100, 2), rationale=f"{10 + i} vs {20 + i} Mio."))
    return links


def test_ten_suggestions_cleared_with_ten_keystrokes(page_factory, live_server, queue):
    page = page_factory()
    errors = no_csp_errors(page)
    log_in(page, live_server, then="/review/suggestions/")
    assert_accessible(page)
    assert "Suggestions 11" in page.locator("header nav").inner_text()
    first = page.locator(".suggestion").first
    assert first.evaluate("el => el === document.activeElement")  # focus starts on the best suggestion
    keystrokes = 0
    for i, link in enumerate(queue[:10]):
        assert page.locator(".suggestion").first.get_attribute("id") == f"suggestion-{link.pk}"
        with page.expect_response(lambda r: "/decide/" in r.url):
            page.keyboard.press("c" if i % 2 == 0 else "d")
        keystrokes += 1
        page.wait_for_function(f"() => !document.getElementById('suggestion-{link.pk}')")
        # the next item took its place and has the focus, without a page load
        page.wait_for_function("() => document.activeElement.classList.contains('suggestion')"
                               " || document.activeElement.id === 'queue-empty'")
    assert keystrokes == 10
    states = [ClaimLink.objects.get(pk=link.pk).state for link in queue[:10]]
    assert states == [LinkState.CONFIRMED, LinkState.DISMISSED] * 5
    assert page.url.endswith("/review/suggestions/")  # never left the page
    # "u" undoes the last decision: the tenth suggestion comes back
    with page.expect_response(lambda r: "/undo/" in r.url):
        page.keyboard.press("u")
    page.locator(f"#suggestion-{queue[9].pk}").wait_for()
    assert ClaimLink.objects.get(pk=queue[9].pk).state == LinkState.SUGGESTED
    assert_accessible(page)
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_keys_move_change_relation_and_open(page_factory, live_server, queue):
    page = page_factory()
    log_in(page, live_server, then="/review/suggestions/")
    page.keyboard.press("j")
    second = page.locator(".suggestion").nth(1)
    assert second.evaluate("el => el === document.activeElement")
    page.keyboard.press("k")
    page.keyboard.press("j")
    page.keyboard.press("r")  # contradicts -> same as
    assert second.locator("select[name=relation]").input_value() == "same"
    assert "Relation: same as" in page.locator("#queue-announce").inner_text()
    with page.expect_response(lambda r: "/decide/" in r.url):
        page.keyboard.press("c")
    page.wait_for_function(f"() => !document.getElementById('suggestion-{queue[1].pk}')")
    link = ClaimLink.objects.get(pk=queue[1].pk)
    assert (link.relation, link.state) == ("same", LinkState.CONFIRMED)
    page.keyboard.press("o")
    page.wait_for_url("**/review/claims/*/")
    assert page.locator("h1").inner_text().startswith("Claim")


def test_suggestions_queue_without_javascript_returns_where_the_editor_was(page_factory, live_server, queue):
    page = page_factory(javascript=False)
    log_in(page, live_server, then="/review/suggestions/")
    page.goto(f"{live_server.url}/review/suggestions/?topic=schulbau&relation=contradicts")
    second = queue[1]
    page.locator(f"#suggestion-{second.pk} button.dismiss").click()
    page.wait_for_load_state()
    assert "topic=schulbau" in page.url and "relation=contradicts" in page.url
    assert page.locator(f"#suggestion-{second.pk}").count() == 0
    assert ClaimLink.objects.get(pk=second.pk).state == LinkState.DISMISSED
    page.locator(f"#suggestion-{queue[2].pk} select[name=relation]").select_option("supports")
    page.locator(f"#suggestion-{queue[2].pk} button.confirm").click()
    page.wait_for_load_state()
    assert ClaimLink.objects.get(pk=queue[2].pk).relation == "supports"
    page.click("#undo-button")
    page.wait_for_load_state()
    assert ClaimLink.objects.get(pk=queue[2].pk).state == LinkState.SUGGESTED
    assert_accessible_without_js(logged_in(page_factory, live_server), f"{live_server.url}/review/suggestions/")


def test_bulk_actions_in_the_claim_queue_with_and_without_javascript(page_factory, live_server, queue):
    claims = list(Claim.objects.order_by("-id")[:3])
    page = page_factory()
    log_in(page, live_server, then="/review/")
    page.goto(f"{live_server.url}/review/?status=candidate&topic=schulbau")
    assert_accessible(page)
    for claim in claims[:2]:
        page.check(f"#select-{claim.pk}")
    with page.expect_response(lambda r: "/claims/bulk/" in r.url):
        page.click("#bulk-form button[value=accept]")
    page.locator("#claim-table .messages").wait_for()
    assert "2 claim(s) accepted." in page.locator("#claim-table").inner_text()
    assert page.url.endswith("/review/?status=candidate&topic=schulbau")
    assert {Claim.objects.get(pk=c.pk).status for c in claims[:2]} == {ClaimStatus.ACCEPTED}

    plain = page_factory(javascript=False)
    log_in(plain, live_server, then="/review/")
    plain.goto(f"{live_server.url}/review/?status=candidate&speaker=weiss")
    target = Claim.objects.filter(status=ClaimStatus.CANDIDATE, speaker__name="Lena Weiss").first()
    plain.check(f"#select-{target.pk}")
    plain.click("#bulk-form button[value=reject]")
    plain.wait_for_load_state()
    assert "speaker=weiss" in plain.url
    assert "1 claim(s) rejected." in plain.content()
    assert Claim.objects.get(pk=target.pk).status == ClaimStatus.REJECTED
    older = plain.locator("a[rel=next]")
    if older.count():
        assert "speaker=weiss" in older.get_attribute("href")
    assert_accessible_without_js(logged_in(page_factory, live_server), f"{live_server.url}/review/?status=")


def test_new_claim_from_a_selection(page_factory, live_server, django_user_model):
    make_editor(django_user_model)
    body = ("Im Rat ging es um Geld.\n\n"
            "Kämmerin Jana Roth sagte am 4. Februar 2025, die Sanierung koste 7,5 Millionen Euro.")
    article_id = make_article(title="Sanierung", body=body, published_on=dt.date(2025, 2, 6))
    page = page_factory()
    errors = no_csp_errors(page)
    log_in(page, live_server, then=f"/review/articles/{article_id}/")
    words = "die Sanierung koste 7,5 Millionen Euro."
    page.evaluate("""(words) => {
        const body = document.getElementById('article-body');
        const node = body.firstChild; const at = node.textContent.indexOf(words);
        const range = document.createRange(); range.setStart(node, at); range.setEnd(node, at + words.length);
        const sel = window.getSelection(); sel.removeAllRanges(); sel.addRange(range);
    }""", words)
    page.locator("#claim-from-selection").wait_for(state="visible")
    page.click("#claim-from-selection")
    page.locator("#new-claim-form").wait_for()
    assert page.locator("#new-claim-form input[name=quantity_value]").input_value() == "7500000.0"
    assert page.locator("#new-claim-form input[name=quantity_unit]").input_value() == "EUR"
    assert page.locator("#new-claim-form input[name=stated_on]").input_value() == "2025-02-04"
    assert page.locator("#new-claim-form input[name=start]").input_value() == str(body.index(words))
    assert_accessible(page)
    page.fill("#new-claim-form input[name=speaker]", "Jana Roth")
    page.click("#new-claim-form button[type=submit]")
    page.wait_for_load_state()
    claim = Claim.objects.get(text=words)
    assert claim.span_start == body.index(words) and claim.speaker.name == "Jana Roth"
    page.locator(f"mark#span-{claim.pk}").wait_for()
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_new_claim_without_javascript_needs_the_exact_text(page_factory, live_server, django_user_model):
    make_editor(django_user_model)
    article_id = make_article(title="Bad", body="Das Bad öffnet im Mai. Der Eintritt kostet 4 Euro.")
    page = page_factory(javascript=False)
    log_in(page, live_server, then=f"/review/articles/{article_id}/")
    page.fill("#new-claim-prepare textarea[name=text]", "Der Eintritt kostet 5 Euro.")
    page.click("#new-claim-prepare button[type=submit]")
    page.wait_for_load_state()
    assert "This text does not occur in the article" in page.content()
    page.goto(f"{live_server.url}/review/articles/{article_id}/")
    page.fill("#new-claim-prepare textarea[name=text]", "Der Eintritt kostet 4 Euro.")
    page.click("#new-claim-prepare button[type=submit]")
    page.wait_for_load_state()
    assert page.locator("input[name=quantity_value]").input_value() == "4.0"
    page.click("#new-claim-form button[type=submit]")
    page.wait_for_load_state()
    assert Claim.objects.filter(text="Der Eintritt kostet 4 Euro.", span_start=23).exists()
    assert_accessible_without_js(logged_in(page_factory, live_server),
                                 f"{live_server.url}/review/articles/{article_id}/")


def test_fact_check_published_and_history_restores(page_factory, live_server, django_user_model):
    make_editor(django_user_model)
    article = Article.objects.get(pk=make_article(title="Radwege", body="Die Stadt baute 30 Kilometer Radwege."))
    claim = services.claim_create(article=article, kind="figure", text="Die Stadt baute 30 Kilometer Radwege.",
                                  status=ClaimStatus.ACCEPTED)
    page = page_factory()
    log_in(page, live_server, then=f"/review/claims/{claim.pk}/")
    page.select_option("#factcheck-form select[name=verdict]", "misleading")
    with page.expect_response(lambda r: "/factcheck/" in r.url):
        page.click("#factcheck-form button[value=publish]")
    page.locator("#factcheck-panel [role=alert]").wait_for()
    assert "needs an explanation" in page.locator("#factcheck-panel").inner_text()
    page.fill("#factcheck-form textarea[name=explanation]", "Gezählt wurden auch Markierungen auf Straßen.")
    page.fill("#factcheck-form input[name=source1_url]", "https://stadt.example/radwege")
    page.fill("#factcheck-form input[name=source1_title]", "Radwegebericht")
    with page.expect_response(lambda r: "/factcheck/" in r.url):
        page.click("#factcheck-form button[value=publish]")
    page.get_by_text("Fact-check published.").wait_for()
    claim.refresh_from_db()
    assert claim.published and claim.review_published_at and claim.explanation.startswith("Gezählt")
    assert_accessible(page)
    page.click("text=history")
    page.wait_for_url("**/history/")
    assert "greta" in page.locator("table.history").inner_text()
    assert_accessible(page)
    page.locator("tr:has(td:text-is('verdict')) button").first.click()
    page.wait_for_load_state()
    assert "Restored verdict." in page.content()
    assert Claim.objects.get(pk=claim.pk).verdict == ""
    assert_accessible_without_js(logged_in(page_factory, live_server), page.url)
    assert_accessible_without_js(logged_in(page_factory, live_server), f"{live_server.url}/review/claims/{claim.pk}/")


def test_two_editors_editing_the_same_claim(page_factory, live_server, django_user_model):
    make_editor(django_user_model, "greta")
    make_editor(django_user_model, "hanno")
    article = Article.objects.get(pk=make_article(title="Bäume", body="Im Park stehen 900 Bäume."))
    claim = services.claim_create(article=article, kind="figure", text="Im Park stehen 900 Bäume.",
                                  quantity=(900, "count", "eq", None))
    url = f"/review/claims/{claim.pk}/"
    first, second = page_factory(), page_factory()
    log_in(first, live_server, "greta", then=url)
    log_in(second, live_server, "hanno", then=url)
    for page in (first, second):
        page.click("summary:text('Correct, publish')")
    first.fill("#claim-panel input[name=speaker]", "Parkamt")
    with first.expect_response(lambda r: "/edit/" in r.url):
        first.click("#claim-panel button:text('Save claim')")
    second.fill("#claim-panel input[name=speaker]", "Gärtnerei")
    second.fill("#claim-panel input[name=quantity_value]", "950")
    with second.expect_response(lambda r: "/edit/" in r.url):
        second.click("#claim-panel button:text('Save claim')")
    conflict = second.locator("#conflict")
    conflict.wait_for()
    differing = conflict.locator("tr.differs th").all_inner_texts()
    assert any("Speaker" in t for t in differing) and any("Value" in t for t in differing)
    assert "Parkamt" in conflict.locator("tr.differs .theirs").all_inner_texts()
    assert Claim.objects.get(pk=claim.pk).speaker.name == "Parkamt"  # nothing overwritten
    assert_accessible(second)
    conflict.locator("tr.differs:has-text('Speaker') input[value=Parkamt]").check()
    conflict.locator("button:text('Save the chosen values')").click()
    second.wait_for_load_state()
    saved = Claim.objects.select_related("speaker").get(pk=claim.pk)
    assert saved.speaker.name == "Parkamt" and saved.quantity_value == 950


def test_topic_workspace(page_factory, live_server, queue):
    page = page_factory()
    log_in(page, live_server, then="/review/topics/schulbau/")
    assert "Figures stated about" in page.locator("table.figures caption").inner_text()
    assert page.locator("table.figures tbody tr").count() == 22
    assert_accessible(page)
    claim = Claim.objects.filter(topic__slug="schulbau").order_by("id").first()
    page.check(f"input[name=claim][value^='{claim.pk}:']")
    page.click("button[value=out]")
    page.wait_for_load_state()
    assert Claim.objects.get(pk=claim.pk).topic is None
    page.fill("input[name=claims]", str(claim.pk))
    page.click("button[value=in]")
    page.wait_for_load_state()
    assert Claim.objects.get(pk=claim.pk).topic.slug == "schulbau"
    assert_accessible_without_js(logged_in(page_factory, live_server), f"{live_server.url}/review/topics/schulbau/")
