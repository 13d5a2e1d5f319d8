"""Editors' and admins' pages from the cache: each signed-in user's page is rendered once per database change.

An editor's queue, a claim's review page or an admin list is read far more often than anything changes, and
rendering a 50-row table costs 20-60 ms at a million claims. So a signed-in user's GET of a review or admin
page is kept in Django's cache (Redis with `REDIS_URL`, else PostgreSQL's cache table), keyed by the user, the
session's login (auth hash and two-factor device), the URL, the interface language and the HTMX headers, and
stored under the database's change stamp (articles/change_stamp.py): PostgreSQL bumps it with every committed
write to any table, whoever writes (editors, imports, the worker, the admin, raw SQL). A page is served only
under the stamp it was rendered at, so nobody ever sees a page older than the last write; after their own
write an editor's next page is rendered fresh.

A hit reads the session (to know the user), the stamp and the page: it loads no user. That is safe because
whatever decides what a user may see is a write too: a new password, a deactivated account, a changed group or
permission bump the stamp, and the next request is rendered (and authorised) afresh. A session that was logged
out or expired has no user, so it never hits.

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
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.translation import get_language

from articles import change_stamp
from factcheck.release import release

TTL_SECONDS = 300  # an upper bound on staleness should a write ever escape the triggers (none known)
MAX_BYTES = 2 * 1024 * 1024
CACHED_NAMESPACES = {"review", "admin"}
STORED_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link", "Cache-Control", "X-Robots-Tag")
HTMX_HEADERS = ("HX-Request", "HX-Target", "HX-Trigger", "HX-Trigger-Name", "HX-Boosted",
                "HX-History-Restore-Request", "HX-Current-URL")
OTP_SESSION_KEY = "otp_device_id"  # django_otp.DEVICE_ID_SESSION_KEY: which device verified this login


def enabled() -> bool:
    return getattr(settings, "FACTCHECK_PAGE_CACHE", True)


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
    """The signed-in user's id when this request's page may come from (or go to) the cache."""
    if request.method != "GET" or "messages" in request.COOKIES or not enabled():
        return None
    match = request.resolver_match
    if match is None or not set(match.namespaces) & CACHED_NAMESPACES:
        return None
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return None
    session = request.session
    user_id = session.get(SESSION_KEY)
    if user_id is None or "_messages" in session:  # a message waiting in the session is shown once
        return None
    return str(user_id)


def page_key(request: HttpRequest, user_id: str) -> str:
    session = request.session
    parts = "\n".join([
        release(),  # a deploy never serves the old code's pages
        user_id, session.get(HASH_SESSION_KEY, ""), str(session.get(OTP_SESSION_KEY, "")),
        request.scheme or "", request.get_host(), request.get_full_path(), get_language() or "",
        *(request.headers.get(h, "") for h in HTMX_HEADERS),
    ])
    return "workspace-pages:" + hashlib.sha256(parts.encode()).hexdigest()


def _with_token(request: HttpRequest, response: HttpResponse) -> None:
    placeholder = _placeholder().encode()
    if placeholder in response.content:
        response.content = response.content.replace(placeholder, get_token(request).encode())


class SignedInPageCacheMiddleware:
    """Serves a signed-in user's review and admin pages from the cache; stores those rendered on a miss."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        pending = getattr(request, "_workspace_cache", None)
        if pending is not None:
            key, stamp = pending
            if self._storable(request, response):
                headers = [(h, response[h]) for h in STORED_HEADERS if response.has_header(h)]
                cache.set(key, (stamp, response.status_code, headers, response.content), TTL_SECONDS)
            if not response.streaming:
                _with_token(request, response)
        return response

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        user_id = _eligible(request)
        if user_id is None:
            return None
        from factcheck.dbrouter import read_alias

        key = page_key(request, user_id)
        # read where the page's own reads go: on a replica, its stamp counts exactly the writes it has replayed
        stamp = change_stamp.read(using=read_alias())
        entry = cache.get(key)
        if entry is not None and entry[0] == stamp:
            _, status, headers, content = entry
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            _with_token(request, response)
            return response
        request._workspace_cache = (key, stamp)
        return None

    @staticmethod
    def _storable(request: HttpRequest, response: HttpResponse) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # a real token in the page: not ours to share
            and not getattr(getattr(request, "_messages", None), "_queued_messages", None)
            and len(response.content) <= MAX_BYTES
        )
