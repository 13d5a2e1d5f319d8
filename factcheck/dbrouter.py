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

_replica_allowed: ContextVar[bool] = ContextVar("replica_allowed", default=False)


def replica_aliases() -> list[str]:
    return list(getattr(settings, "DATABASE_REPLICAS", []))


class PrimaryReplicaRouter:
    def db_for_read(self, model, **hints) -> str | None:
        replicas = replica_aliases()
        if not replicas or not _replica_allowed.get() or model._meta.app_label in PRIMARY_ONLY_APPS:
            return "default"
        if connections["default"].in_atomic_block:  # a transaction reads what it is about to write
            return "default"
        return random.choice(replicas)  # spreads load; not a security decision

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
        token = _replica_allowed.set(bool(replica_aliases()) and not writes and PIN_COOKIE not in request.COOKIES)
        try:
            response = self.get_response(request)
        finally:
            _replica_allowed.reset(token)
        if writes and replica_aliases():
            response.set_cookie(PIN_COOKIE, "1", max_age=getattr(settings, "REPLICA_PIN_SECONDS", 15),
                                httponly=True, samesite="Lax", secure=request.is_secure())
        return response
