"""Editors' and admins' pages from the cache: a second visit costs one query and loads no user, every write
(through any path) shows at once, nobody is served another user's page, and every form keeps working."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from articles.models import Article, Claim, ClaimStatus
from tests.conftest import make_article

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def candidate(text: str) -> Claim:
    article = Article.objects.get(pk=make_article(title=f"Artikel {text[:20]}", body=text))
    return Claim.objects.create(article=article, kind="figure", text=text, status=ClaimStatus.CANDIDATE)


def queries_of(client: Client, path: str) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    return len(captured), response


def without_tokens(content: bytes) -> bytes:
    return re.sub(rb'(csrfmiddlewaretoken" value="|X-CSRFToken": ")[^"]+', rb"\1", content)


@pytest.mark.parametrize("path", ["/review/", "/review/suggestions/", "/review/topics/"])
def test_a_second_visit_is_served_from_the_cache_with_one_query(editor_client, path):
    candidate("Die Stadt plant 300 neue Wohnungen.")
    first, page = queries_of(editor_client, path)
    second, again = queries_of(editor_client, path)
    assert page.status_code == again.status_code == 200
    assert again["X-Page-Cache"] == "hit" and not page.has_header("X-Page-Cache")
    assert second == 1 < first  # the session row, the change stamp and the page, read at once
    assert without_tokens(again.content) == without_tokens(page.content)


def test_a_signed_in_users_timeline_is_cached_for_them(editor_client):
    candidate("Der Turm ist 90 Meter hoch.")
    editor_client.get("/")
    first, page = queries_of(editor_client, "/")
    assert page["X-Page-Cache"] == "hit" and first == 1 and "Log out erika" in page.text
    assert "Log out" not in Client().get("/").text  # readers still get their own copy


def test_every_response_carries_a_fresh_token_that_works(editor_client, editor):
    claim = candidate("Der Kreis kauft 12 Busse.")
    editor_client.get("/review/")
    cached = editor_client.get("/review/")
    assert cached["X-Page-Cache"] == "hit"
    tokens = set(TOKEN.findall(cached.text))
    assert tokens and not any(t.startswith("csrf") and len(t) == 44 for t in tokens)  # no placeholder left
    assert tokens.isdisjoint(TOKEN.findall(editor_client.get("/review/").text))  # masked anew each time
    checked = Client(enforce_csrf_checks=True)
    checked.force_login(editor)
    checked.get("/review/")
    page = checked.get("/review/")
    assert page["X-Page-Cache"] == "hit"
    response = checked.post(f"/review/claims/{claim.pk}/status/",
                            {"status": "accepted", "version": claim.version,
                             "csrfmiddlewaretoken": TOKEN.findall(page.text)[0]})
    assert response.status_code in (200, 302)
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.ACCEPTED


def test_a_write_that_sends_no_signal_shows_at_once(editor_client):
    claim = candidate("Das Museum zählt 40000 Besucher.")
    assert "40000 Besucher" in editor_client.get("/review/").text
    assert editor_client.get("/review/")["X-Page-Cache"] == "hit"
    Claim.objects.filter(pk=claim.pk).update(text="Das Museum zählt 45000 Besucher.")  # no model signal
    page = editor_client.get("/review/")
    assert not page.has_header("X-Page-Cache") and "45000 Besucher" in page.text
    with connection.cursor() as cur:  # nor does raw SQL
        cur.execute("UPDATE articles_claim SET text = 'Das Museum zählt 50000 Besucher.' WHERE id = %s", [claim.pk])
    assert "50000 Besucher" in editor_client.get("/review/").text


def test_no_user_is_served_another_users_page(editor_client, django_user_model):
    from django.contrib.auth.models import Group

    from articles.selectors import EDITORS_GROUP

    candidate("Die Fähre fährt 8 Mal am Tag.")
    other = django_user_model.objects.create_user("otto", password="a-long-test-password")
    other.groups.add(Group.objects.get(name=EDITORS_GROUP))
    editor_client.get("/review/")
    assert "Log out erika" in editor_client.get("/review/").text
    second = Client()
    second.force_login(other)
    page = second.get("/review/")
    assert not page.has_header("X-Page-Cache") and "Log out otto" in page.text and "erika" not in page.text


def test_losing_access_is_never_hidden_by_the_cache(editor_client, editor):
    editor_client.get("/review/")
    assert editor_client.get("/review/")["X-Page-Cache"] == "hit"
    editor.groups.clear()  # no longer an editor
    assert editor_client.get("/review/").status_code in (302, 403)
    editor.is_active = False
    editor.save()
    assert editor_client.get("/review/").status_code == 302


def test_after_logout_the_cached_page_is_gone(editor_client):
    editor_client.get("/review/")
    assert editor_client.get("/review/")["X-Page-Cache"] == "hit"
    editor_client.post("/accounts/logout/")
    response = editor_client.get("/review/")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_the_admin_is_cached_and_still_tells_browsers_not_to_store_it(client, django_user_model):
    candidate("Die Brücke wiegt 900 Tonnen.")
    admin = django_user_model.objects.create_superuser("ada", password="a-long-test-password")
    client.force_login(admin)
    client.get("/admin/articles/claim/")
    page = client.get("/admin/articles/claim/")
    assert page["X-Page-Cache"] == "hit" and "900 Tonnen" in page.text
    assert "no-store" in page["Cache-Control"]


def test_a_change_to_the_session_renders_afresh(editor_client):
    editor_client.get("/review/")
    assert editor_client.get("/review/")["X-Page-Cache"] == "hit"
    session = editor_client.session
    session["_messages"] = "[]"  # e.g. a message stored in the session for the next page
    session.save()
    assert not editor_client.get("/review/").has_header("X-Page-Cache")


def test_an_import_page_is_cached_until_the_worker_writes(client, importer):
    from articles.models import ImportJob

    client.force_login(importer)
    client.get("/imports/")
    assert client.get("/imports/")["X-Page-Cache"] == "hit"
    ImportJob.objects.create(created_by=importer, state="queued", report={"files": []})
    page = client.get("/imports/")
    assert not page.has_header("X-Page-Cache")


def test_a_page_showing_a_message_is_not_cached(editor_client):
    editor_client.cookies["messages"] = "anything"
    editor_client.get("/review/")
    assert not editor_client.get("/review/").has_header("X-Page-Cache")


def test_the_cache_can_be_turned_off(editor_client, settings):
    settings.FACTCHECK_PAGE_CACHE = False
    editor_client.get("/review/")
    assert not editor_client.get("/review/").has_header("X-Page-Cache")
