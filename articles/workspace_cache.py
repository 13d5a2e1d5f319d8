"""Editors' and admins' pages from the cache: each signed-in user's page is rendered once per database change.

An editor's queue, a claim's review page or an admin list is read far more often than anything changes, and
rendering a 50-row table costs 20-60 ms at a million claims. So a signed-in user's GET of a review, import or
admin page (or of a readers' page, as that user sees it: the readers' cache serves only anonymous readers) is
kept in Django's cache (Redis with `REDIS_URL`, else PostgreSQL's cache table), keyed by the browser's session,
the release, the URL, the interface language and the HTMX headers, and stored with two checks: the database's
change stamp (articles/change_stamp.py), which PostgreSQL bumps with every committed write to any
table, whoever writes (editors, imports, the worker, the admin, raw SQL), and a digest of the session's stored
data. A page is served only while both are what they were when it was rendered, so nobody ever sees a page
older than the last write, and after their own write an editor's next page is rendered fresh.

A hit loads no user: the session row, the stamp and the page are read in one query (with PostgreSQL for both
sessions and cache; three round trips otherwise). That is safe because whatever decides what a session may
see is a write: a login, logout or password change makes or changes the session; a deactivated account, a
changed group or permission bump the stamp; the next request is then rendered (and authorised) afresh. An
expired session is not read, so it never hits.

Per-request secrets stay per request: while a page that will be stored is rendered, `csrf_token` in templates
is a placeholder, replaced on every response (hit or miss) by a freshly masked token of the requester's own
CSRF secret. A page for which anything else asked for the token, that set a cookie, or that shows or queues a
message is not stored. The admin's `Cache-Control: no-store` is kept on every response: it tells browsers
and proxies not to keep the page, which this cache honours in its own way (it never serves a page older than
the last write, and only to the session it was made for). With replicas, a request reads the stamp from the
replica it renders from (factcheck/dbrouter.py picks one per request), and that replica's copy of the stamp
counts exactly the writes it has replayed: a page is never stored under a stamp newer than what it shows.
The key carries the release (factcheck/release.py), so a deploy never serves the old code's pages.

`FACTCHECK_PAGE_CACHE=0` turns this cache (and the readers' one) off.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache, caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from articles import change_stamp, public_cache
from articles.page_entries import MAX_BYTES, enabled, freeze, thaw
from factcheck.release import release

TTL_SECONDS = 300  # an upper bound on staleness should a write ever escape the triggers (none known)
CACHED_NAMESPACES = {"review", "admin", "imports"}  # imports: a job's progress is rows the worker writes
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link", "Cache-Control", "X-Robots-Tag")
HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-Trigger", "HX-Trigger-Name", "HX-Boosted",
                "HX-History-Restore-Request", "HX-Current-URL")


def _placeholder() -> str:
    """Stands for the CSRF token in stored pages; derived from the secret key, so no user can write it into a
    page (and all app servers agree on it)."""
    digest = hmac.new(settings.SECRET_KEY.encode(), b"workspace-cache-csrf", hashlib.sha256).hexdigest()
    return f"csrf{digest[:40]}"


def csrf_placeholder(request: HttpRequest) -> dict[str, str]:
    """Context processor: while a page that will be stored renders, `csrf_token` is the placeholder."""
    if getattr(request, "_workspace_cache", None) is not None:
        return {"csrf_token": _placeholder()}
    return {}


def _eligible(request: HttpRequest) -> str | None:
    """The session key when this request's page may come from (or go to) the cache."""
    if request.method != "GET" or "messages" in request.COOKIES or not enabled():
        return None
    match = request.resolver_match
    # the workspace, and the readers' pages as a signed-in user sees them (the readers' cache is anonymous only)
    if match is None or not (set(match.namespaces) & CACHED_NAMESPACES or public_cache.cached_view(request)):
        return None
    return request.COOKIES.get(settings.SESSION_COOKIE_NAME) or None


def page_key(request: HttpRequest, session_key: str) -> str:
    """One browser session's page: the session stands for its user and login (a login or logout makes a new one,
    a password change too)."""
    parts = "\n".join([
        release(),  # a deploy never serves the old code's pages
        session_key, request.scheme or "", request.get_host(), request.get_full_path(), get_language() or "",
        *(request.headers.get(h, "") for h in HTMX_HEADERS),
    ])
    return "workspace-pages:" + hashlib.sha256(parts.encode()).hexdigest()


def _digest(data: str | None) -> str | None:
    return None if data is None else hashlib.sha256(data.encode()).hexdigest()


def _database_sessions() -> bool:
    return settings.SESSION_ENGINE == "django.contrib.sessions.backends.db"


def _one_round_trip(alias: str) -> bool:
    """Session, stamp and page are all rows of the one database this request reads: one query reads them."""
    from django.core.cache.backends.db import DatabaseCache

    return alias == "default" and _database_sessions() and isinstance(caches["default"], DatabaseCache)


ONE_TRIP_SQL = """
SELECT (SELECT session_data FROM django_session WHERE session_key = %s AND expire_date > %s),
       s.n, current_setting('factcheck.changes', true),
       (SELECT value FROM {table} WHERE cache_key = %s AND expires > %s)
FROM factcheck_change_stamp s WHERE s.id = 1
"""


def _read_at_once(session_key: str, key: str) -> tuple[str | None, str, object]:
    """(session digest, stamp, page entry or None) in one query: the database cache's own row format (base64 of a
    pickle, as DatabaseCache writes it), read here so a hit is a single round trip."""
    import base64
    import pickle

    from django.db import connection
    from django.utils import timezone

    now = timezone.now()
    backend = caches["default"]
    with connection.cursor() as cur:
        cur.execute(ONE_TRIP_SQL.format(table=connection.ops.quote_name(backend._table)),
                    [session_key, now, backend.make_and_validate_key(key), now])
        session_data, committed, own, value = cur.fetchone()
    entry = pickle.loads(base64.b64decode(value.encode())) if value is not None else None  # noqa: S301 (ours)
    return _digest(session_data), change_stamp.stamp(committed, own), entry


def _read_apart(request: HttpRequest, session_key: str, key: str, alias: str) -> tuple[str | None, str, object]:
    """The same read in separate round trips: sessions elsewhere (Redis), or reads from a replica."""
    if _database_sessions():
        from django.contrib.sessions.models import Session
        from django.utils import timezone

        data = Session.objects.filter(session_key=session_key, expire_date__gt=timezone.now()).values_list(
            "session_data", flat=True).first()
        session = _digest(data)
    else:
        items = dict(request.session.items())
        session = _digest(json.dumps(items, sort_keys=True, default=str)) if items else None
    # the stamp from where the page's reads go: on a replica, it counts exactly the writes it has replayed
    return session, change_stamp.read(using=alias), cache.get(key)


def _with_token(request: HttpRequest, response: HttpResponse) -> None:
    placeholder = _placeholder().encode()
    if placeholder in response.content:
        response.content = response.content.replace(placeholder, get_token(request).encode())


class SignedInPageCacheMiddleware:
    """Serves a signed-in user's pages (review, imports, admin, readers' pages) from the cache; stores those
    rendered on a miss."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        pending = getattr(request, "_workspace_cache", None)
        if pending is not None:
            key, stamp, session = pending
            if self._storable(request, response):
                cache.set(key, (stamp, session, freeze(response, STORED_HEADERS)), TTL_SECONDS)
            if not response.streaming:
                _with_token(request, response)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        session_key = _eligible(request)
        if session_key is None:
            return None
        from factcheck.dbrouter import read_alias

        alias = read_alias()
        key = page_key(request, session_key)
        if _one_round_trip(alias):
            session, stamp, entry = _read_at_once(session_key, key)
        else:
            session, stamp, entry = _read_apart(request, session_key, key, alias)
        if session is None:
            return None  # no such session (logged out, expired): the view decides
        if entry is not None and entry[0] == stamp and entry[1] == session:
            response = thaw(entry[2])
            _with_token(request, response)
            return response
        request._workspace_cache = (key, stamp, session)
        return None

    @staticmethod
    def _storable(request: HttpRequest, response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and getattr(request, "user", None) is not None and request.user.is_authenticated
            and not request.session.modified  # the session the entry is checked against is the one read before
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a real token in the page: not ours to share
            and not getattr(getattr(request, "_messages", None), "_queued_messages", None)
            and len(response.content) <= MAX_BYTES
        )
