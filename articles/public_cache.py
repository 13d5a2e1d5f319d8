"""Readers' pages from the shared cache: what every anonymous reader sees is rendered once per change.

Most of a public page's time is rendering (filter menus, link lists), and every anonymous reader gets the same
bytes for the same URL and language. So the rendered response is kept in Django's cache (Redis with
`REDIS_URL`, else PostgreSQL's cache table; shared by all app servers), keyed by scheme, host, full path with
query string, interface language and the HTMX headers the views look at.

Invalidation is one version stamp: `changed()` gives it a new value, and every entry stored under an older
stamp is ignored. Page and stamp are read in one round trip (`get_many`): a hit costs no SQL query with Redis
and one with the database cache. `changed()` is called by the services that publish, unpublish, edit, link
and merge claims and, as a safety net for the admin and other single-row saves, by the model signals below.
It sets the stamp at once (so the writer's own transaction and the tests see it) and again after the commit
(so no reader caches the old rows under the new stamp while the write is not yet visible).

With replicas, the stamp also records how many writes the primary had committed when it was made; a replica
that has not replayed them yet renders the page without storing it, so no reader's page is kept under a
stamp newer than what it shows.

Only anonymous requests are served from the cache: a request with a session cookie (editors, admins), a
pending message or the replica pin cookie (factcheck/dbrouter.py) is rendered fresh, so an editor always sees
their own write. Pages carry no per-request secret (no CSP nonce, no CSRF token for anonymous readers); a
response that set a cookie or used the CSRF token is never stored.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from articles import change_stamp
from articles.page_entries import MAX_BYTES, enabled, freeze, thaw
from factcheck.release import release

STAMP_KEY = "public-pages:stamp"
TTL_SECONDS = 300  # an upper bound on staleness should a write ever bypass changed() (e.g. raw SQL)
# the readers' pages, by URL name (namespace "api-v1": the JSON API's anonymous GETs)
CACHED_URL_NAMES = {
    "timeline", "claim_detail", "topic_list", "topic_detail", "speaker_list", "speaker_detail", "article_public",
    "feed_claims", "feed_topic", "feed_speaker", "outlet_list", "outlet_detail", "api_docs",
}
CACHED_NAMESPACES = {"api-v1"}
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link")


def _stamp_value() -> str:
    """A new stamp: a random part, and how many writes the primary had committed (articles/change_stamp.py), so a
    replica that has not replayed them yet can tell (see process_view)."""
    from django.db import DatabaseError

    try:
        with transaction.atomic():
            committed = change_stamp.committed(change_stamp.read())
    except DatabaseError:  # before the migration that makes the change stamp
        committed = 0
    return f"{uuid.uuid4().hex}:{committed}"


def _new_stamp() -> None:
    cache.set(STAMP_KEY, _stamp_value(), None)


def _replayed(stamp: str) -> bool:
    """Whether this request's database holds every write the stamp was made after (a replica may lag)."""
    from factcheck.dbrouter import read_alias

    alias = read_alias()
    if alias == "default":
        return True
    _, _, needed = stamp.rpartition(":")
    return change_stamp.committed(change_stamp.read(using=alias)) >= int(needed or 0)


def changed() -> None:
    """What readers see has changed: every cached page is stale from now on (and again after the commit)."""
    _new_stamp()
    transaction.on_commit(_new_stamp)


def shared(name: str, compute: Callable[[], object], ttl: int = TTL_SECONDS) -> object:
    """A value every request can share (the timeline's filter menus) until what readers see changes: read with
    the stamp in one round trip, computed and stored on a miss."""
    key = f"public-pages:value:{name}"
    found = cache.get_many([STAMP_KEY, key])
    stamp, entry = found.get(STAMP_KEY), found.get(key)
    if stamp is not None and entry is not None and entry[0] == stamp:
        return entry[1]
    value = compute()
    if stamp is not None:
        cache.set(key, (stamp, value), ttl)
    return value


# --- the middleware --------------------------------------------------------------------------------------------


def _private(request: HttpRequest) -> bool:
    """A request whose page may differ from an anonymous reader's, or must come from the primary."""
    from factcheck.dbrouter import PIN_COOKIE

    cookies = request.COOKIES
    return (
        request.method not in ("GET", "HEAD")
        or settings.SESSION_COOKIE_NAME in cookies
        or "messages" in cookies
        or PIN_COOKIE in cookies
        or "HTTP_AUTHORIZATION" in request.META
    )


def cached_view(request: HttpRequest) -> bool:
    """Whether the request is for one of the readers' pages this cache keeps."""
    match = request.resolver_match
    return match is not None and ((match.url_name in CACHED_URL_NAMES and not match.namespace)
                                  or match.namespace in CACHED_NAMESPACES)


def page_key(request: HttpRequest) -> str:
    parts = "\n".join([
        release(),  # a deploy never serves the old code's pages
        request.scheme or "", request.get_host(), request.get_full_path(), get_language() or "",
        request.headers.get("HX-Request", ""), request.headers.get("HX-Target", ""),
    ])
    return "public-pages:" + hashlib.sha256(parts.encode()).hexdigest()


class PublicPageCacheMiddleware:
    """Serves anonymous readers' pages from the cache; stores the ones rendered on a miss."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        pending = getattr(request, "_public_cache", None)
        if pending is not None:
            key, stamp = pending
            patch_vary_headers(response, ("Cookie",))
            if stamp is not None and self._storable(request, response):
                cache.set(key, (stamp, freeze(response, STORED_HEADERS)), TTL_SECONDS)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if _private(request) or not cached_view(request) or not enabled():
            return None
        key = page_key(request)
        found = cache.get_many([STAMP_KEY, key])
        stamp, entry = found.get(STAMP_KEY), found.get(key)
        if stamp is None:  # a fresh cache: start a stamp; this page is stored from the next miss on
            cache.add(STAMP_KEY, _stamp_value(), None)
        elif entry is not None and entry[0] == stamp:
            return thaw(entry[1])
        # the stamp read before rendering: a change during rendering leaves this entry stale at once; a replica
        # that has not yet replayed the write behind the stamp renders the page but does not store it
        if stamp is not None and not _replayed(stamp):
            return None
        request._public_cache = (key, stamp)
        return None

    @staticmethod
    def _storable(request: HttpRequest, response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not getattr(getattr(request, "_messages", None), "_queued_messages", None)  # one reader's message
            and "private" not in response.get("Cache-Control", "")
            and len(response.content) <= MAX_BYTES
        )


# --- what changes readers' pages ------------------------------------------------------------------------------


def _shown(sender, instance) -> bool:
    """Whether a row being added or deleted is on a reader's page (topics, speakers, articles: always)."""
    from articles.models import Check, Claim, ClaimLink, LinkState

    if sender is Claim or sender is Check:
        return bool(instance.published)
    if sender is ClaimLink:
        return instance.state == LinkState.CONFIRMED
    return True


def _on_save(sender, instance, created: bool, **kwargs) -> None:
    from articles.models import Check, Claim, ClaimLink

    # any update may hide what was shown (unpublish, dismiss); a new row only matters when shown at once (a new
    # topic, speaker or article has no published claim yet)
    if not created or (sender in (Claim, ClaimLink, Check) and _shown(sender, instance)):
        changed()


def _on_delete(sender, instance, **kwargs) -> None:
    if _shown(sender, instance):
        changed()


def _on_m2m(sender, instance, action: str, **kwargs) -> None:
    if action.startswith("post_"):
        changed()


def connect_signals() -> None:
    from articles.models import Article, Check, Claim, ClaimLink, Publisher, Source, Speaker, Topic

    for model in (Claim, ClaimLink, Topic, Speaker, Article, Publisher, Source, Check):
        post_save.connect(_on_save, sender=model, dispatch_uid=f"public_cache_save_{model.__name__}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"public_cache_delete_{model.__name__}")
    m2m_changed.connect(_on_m2m, sender=Claim.sources.through, dispatch_uid="public_cache_sources")
