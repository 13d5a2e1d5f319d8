"""Readers' pages from the shared cache: a second anonymous visit costs at most one query, every change readers
would see shows at once, and nobody signed in is ever served the anonymous copy."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles import review_services, services
from articles.models import Article, Claim, ClaimStatus, Topic
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


def publish(text: str, **extra) -> Claim:
    article = Article.objects.get(pk=make_article(title=f"Artikel {text[:20]}", body=text))
    return services.claim_create(article=article, kind="figure", text=text, stated_on=dt.date(2025, 4, 2),
                                 status=ClaimStatus.ACCEPTED, published=True, **extra)


def queries_of(client, path: str, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, headers=headers)
    return len(captured), response


@pytest.mark.parametrize("path", ["/", "/?q=Brunnen", "/topics/", "/feeds/claims.atom", "/api/v1/claims",
                                  "/api/v1/docs", "/outlets/"])
def test_a_second_anonymous_visit_runs_at_most_one_query(client, path):
    publish("Der Kreis baut 12 Brunnen für 3 Millionen Euro.", topic="Wasser", verdict="true")
    first, page = queries_of(client, path)
    second, again = queries_of(client, path)
    assert page.status_code == again.status_code == 200
    assert again.content == page.content
    assert second <= 1 and second <= first  # one round trip for page and stamp (none with Redis)
    assert again["X-Page-Cache"] == "hit"
    assert "Cookie" in again["Vary"]


def test_a_claim_page_shows_its_review_at_once_after_the_editor_saves_it(client, editor):
    claim = publish("Die Linie 4 kostet 80 Millionen Euro.")
    assert "Die Linie 4" in client.get(claim.get_absolute_url()).text
    review_services.claim_review_save(claim_id=claim.pk, user=editor, expected_version=claim.version,
                                      verdict="false", explanation="Der Haushalt nennt 95 Millionen Euro.",
                                      sources=[], keep_source_ids=[], publish=True)
    assert "Der Haushalt nennt 95 Millionen Euro." in client.get(claim.get_absolute_url()).text


def test_a_publish_and_an_unpublish_show_on_the_timeline_at_once(client, editor):
    publish("Die Schule bekommt 40 neue Tablets.")
    assert "neue Tablets" in client.get("/").text
    assert client.get("/")["X-Page-Cache"] == "hit"
    later = publish("Das Freibad öffnet mit 2 Millionen Euro Zuschuss.")
    assert "Freibad" in client.get("/").text  # published through a service: the stamp moved
    # a bulk reject is a QuerySet.update(): no model signal, the service moves the stamp itself
    review_services.claims_bulk_update(claims=[(later.pk, Claim.objects.get(pk=later.pk).version)], user=editor,
                                       status=ClaimStatus.REJECTED)
    assert "Freibad" not in client.get("/").text


def test_a_topic_merge_and_rename_show_at_once(client):
    publish("Der Hafen wächst um 5 Hektar.", topic="Hafenausbau")
    publish("Der Hafen kostet 30 Millionen Euro.", topic="Hafen")
    assert "Hafenausbau" in client.get("/topics/").text
    source, target = Topic.objects.get(name="Hafen"), Topic.objects.get(name="Hafenausbau")
    services.topic_merge(source=source, target=target)
    services.topic_rename(topic=target, name="Hafen Nord")
    page = client.get("/topics/").text
    assert "Hafen Nord" in page and "Hafenausbau" not in page


def test_a_signed_in_editor_is_never_served_the_anonymous_copy(client, editor_client):
    from django.test import Client

    publish("Die Brücke hält 40 Tonnen.")
    anonymous = Client()
    anonymous.get("/")
    assert anonymous.get("/")["X-Page-Cache"] == "hit"
    page = editor_client.get("/")
    assert not page.has_header("X-Page-Cache")
    assert "Log out erika" in page.text  # the editor's own page, rendered for them
    assert "Log out" not in anonymous.get("/").text


def test_each_language_and_each_htmx_target_is_cached_apart(client):
    publish("Der Bahnhof bekommt 6 Gleise.")
    german = client.get("/", headers={"Accept-Language": "de"})
    english = client.get("/", headers={"Accept-Language": "en"})
    assert german["Content-Language"] == "de" and english["Content-Language"] == "en"
    assert client.get("/", headers={"Accept-Language": "de"}).content == german.content
    assert client.get("/", headers={"Accept-Language": "en"}).content == english.content
    assert german.content != english.content
    fragment = client.get("/", headers={"HX-Request": "true", "HX-Target": "results"})
    assert b"<html" not in fragment.content and b"<html" in client.get("/").content


def test_a_reader_with_a_pending_message_or_a_failed_page_is_not_cached(client):
    assert client.get("/claims/999999/").status_code == 404
    assert not client.get("/claims/999999/").has_header("X-Page-Cache")
    client.cookies["messages"] = "anything"
    client.get("/")
    assert not client.get("/").has_header("X-Page-Cache")
