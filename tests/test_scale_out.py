"""The way past one machine: reads from a replica, writes and a writer's next reads on the primary, and a cache
and sessions every app server shares.

`replica1` is a second connection to the test database (settings.py adds it under test as a stand-in replica);
tests turn the router on with DATABASE_REPLICAS. Rows are committed (transaction=True) so the second
connection sees them, as a real replica would after replaying the primary's WAL.
"""

from __future__ import annotations

import os

import pytest
from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections, router, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from articles import services
from articles.models import Article, Claim
from factcheck.dbrouter import PIN_COOKIE, ReplicaMiddleware

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica1"])
with_replica = override_settings(DATABASE_REPLICAS=["replica1"])


def _published_claim(article_factory) -> Claim:
    text = "Die Stadt plant 40 Milliarden Euro für Glasfaser."
    article = Article.objects.get(pk=article_factory(body=text))
    return services.claim_create(article=article, kind="figure", text=text, quantity=(4e10, "EUR", "eq", None),
                                 status="accepted", published=True)


def _queries(path: str, client) -> tuple[int, int, HttpResponse]:
    """(queries on the primary, queries on the replica, response) of one request."""
    with CaptureQueriesContext(connections["default"]) as primary, \
            CaptureQueriesContext(connections["replica1"]) as replica:
        response = client.get(path)

    def rows(captured) -> int:
        # the page's own reads: without Redis the readers' page cache (articles/public_cache.py) is a table, and a
        # miss stores the page there on the primary (a write: its transaction and history context come along)
        return len([q for q in captured.captured_queries if not any(
            mark in q["sql"] for mark in ("factcheck_cache", "SAVEPOINT", "BEGIN", "COMMIT", "pghistory.context"))])

    return rows(primary), rows(replica), response


@with_replica
def test_a_reader_is_served_from_the_replica(client, article_factory):
    claim = _published_claim(article_factory)
    on_primary, on_replica, response = _queries(claim.get_absolute_url(), client)
    assert response.status_code == 200 and "40 Milliarden Euro" in response.text
    assert on_replica > 0 and on_primary == 0


@with_replica
def test_an_editor_reads_their_own_write_from_the_primary(client, editor, article_factory):
    claim = _published_claim(article_factory)
    client.force_login(editor)
    response = client.post(reverse("review:claim_edit", args=[claim.pk]),
                           {"version": claim.version, "text": "Die Stadt plant 44 Milliarden Euro für Glasfaser.",
                            "quantity_value": "4.4e10", "quantity_unit": "EUR", "quantity_bound": "eq",
                            "published": "on"})
    assert response.status_code == 302
    assert PIN_COOKIE in response.cookies  # the next requests of this browser read from the primary
    on_primary, on_replica, page = _queries(response.url, client)
    assert "44 Milliarden Euro" in page.text
    assert on_primary > 0 and on_replica == 0


@with_replica
def test_transactions_commands_and_workers_read_from_the_primary():
    seen = {}

    def view(request):
        seen["plain read"] = router.db_for_read(Claim)
        with transaction.atomic():
            seen["inside a transaction"] = router.db_for_read(Claim)
        seen["session"] = router.db_for_read(__import__("django.contrib.sessions.models").contrib.sessions
                                             .models.Session)
        return HttpResponse("ok")

    ReplicaMiddleware(view)(RequestFactory().get("/"))
    assert seen == {"plain read": "replica1", "inside a transaction": "default", "session": "default"}
    assert router.db_for_read(Claim) == "default"  # outside a request: a command or a background worker
    assert router.db_for_write(Claim) == "default"


def test_without_replicas_everything_reads_from_the_primary(client, article_factory):
    claim = _published_claim(article_factory)
    on_primary, on_replica, response = _queries(claim.get_absolute_url(), client)
    assert response.status_code == 200 and on_replica == 0 and on_primary > 0


def test_app_servers_share_the_cache_through_postgresql():
    # two app servers are two processes, each with its own cache object; the table is what they share
    server_a, server_b = DatabaseCache("factcheck_cache", {}), DatabaseCache("factcheck_cache", {})
    server_a.set("login-failures:203.0.113.7", 3, 60)
    assert server_b.get("login-failures:203.0.113.7") == 3
    assert "locmem" not in settings.CACHES["default"]["BACKEND"].lower()


def test_app_servers_share_the_cache_through_redis():
    url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    server_a = RedisCache(url, {"KEY_PREFIX": "factcheck-test"})
    server_b = RedisCache(url, {"KEY_PREFIX": "factcheck-test"})
    server_a.set("throttle:editor", 5, 30)
    assert server_b.get("throttle:editor") == 5
    server_a.delete("throttle:editor")


def test_sessions_live_in_a_shared_store():
    assert settings.SESSION_ENGINE in ("django.contrib.sessions.backends.db",
                                       "django.contrib.sessions.backends.cached_db")


@with_replica
def test_a_replica_behind_the_readers_stamp_renders_but_does_not_store(client, article_factory):
    from django.core.cache import cache

    from articles import public_cache

    claim = _published_claim(article_factory)
    stamp = cache.get(public_cache.STAMP_KEY)
    random_part, _, committed = stamp.rpartition(":")
    cache.set(public_cache.STAMP_KEY, f"{random_part}:{int(committed) + 1000}", None)  # writes not yet replayed
    for _ in range(2):
        response = client.get(claim.get_absolute_url())
        assert response.status_code == 200 and not response.has_header("X-Page-Cache")
    cache.set(public_cache.STAMP_KEY, stamp, None)  # the replica caught up
    client.get(claim.get_absolute_url())
    assert client.get(claim.get_absolute_url())["X-Page-Cache"] == "hit"


@with_replica
def test_an_editors_cached_page_is_stamped_by_the_replica_it_reads(client, editor, article_factory):
    _published_claim(article_factory)
    client.force_login(editor)
    client.get(reverse("review:claim_list"))
    with CaptureQueriesContext(connections["replica1"]) as replica:
        response = client.get(reverse("review:claim_list"))
    assert response["X-Page-Cache"] == "hit"
    assert any("factcheck_change_stamp" in q["sql"] for q in replica.captured_queries)
