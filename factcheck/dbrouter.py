"""Reads from PostgreSQL replicas, writes (and a user's reads right after their own writes) on the primary.

A request may read from a replica only when it is a safe request (GET, HEAD, OPTIONS) from a client that has
not written within `REPLICA_PIN_SECONDS`; everything else reads from the primary: POSTs, management commands,
background workers, any read inside a transaction (select_for_update is a write), and the sessions and task
tables. After a write the response sets a short-lived cookie, so the page the browser is redirected to — and
the next few — show the change even if the replicas lag behind.

Replicas are configured with `DATABASE_REPLICA_URLS` (comma-separated); see settings.py and README.md.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

PIN_COOKIE = "fc_primary"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
PRIMARY_ONLY_APPS = {"sessions", "django_tasks_db"}  # rows that must never be read stale

# the replica this request reads from, chosen once per request (so all its reads see one consistent state), or
# None: the primary
_request_replica: ContextVar[str | None] = ContextVar("request_replica", default=None)


def replica_aliases() -> list[str]:
    return list(getattr(settings, "DATABASE_REPLICAS", []))


def read_alias() -> str:
    """Where this request's reads go: its replica, or "default" (the primary)."""
    if not replica_aliases() or connections["default"].in_atomic_block:
        return "default"
    return _request_replica.get() or "default"


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        if model._meta.app_label in PRIMARY_ONLY_APPS:
            return "default"
        return read_alias()  # inside a transaction, the primary: a transaction reads what it is about to write

    def db_for_write(self, model, **hints) -> str:
        return "default"

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # replicas hold the same rows as the primary

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool:
        return db == "default"


class ReplicaMiddleware:
    """Lets safe requests read from replicas; pins a client to the primary for a while after it writes."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        writes = request.method not in SAFE_METHODS
        replicas = replica_aliases()
        chosen = None
        if replicas and not writes and PIN_COOKIE not in request.COOKIES:
            chosen = random.choice(replicas)  # spreads load; not a security decision
        token = _request_replica.set(chosen)
        try:
            response = self.get_response(request)
        finally:
            _request_replica.reset(token)
        if writes and replica_aliases():
            response.set_cookie(PIN_COOKIE, "1", max_age=getattr(settings, "REPLICA_PIN_SECONDS", 15),
                                httponly=True, samesite="Lax", secure=request.is_secure())
        return response
