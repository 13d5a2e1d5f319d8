"""The embedded PostgreSQL: started by the first manage.py process, shared, stopped by the last one."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def manage(pgdata: Path, *args: str, background: bool = False):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["FACTCHECK_PGDATA"] = str(pgdata)
    command = [sys.executable, "manage.py", *args]
    if background:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def test_embedded_server_is_shared_and_stops_with_the_last_process(tmp_path):
    pgdata = tmp_path / "pgdata"
    query = "from django.db import connection; print(connection.cursor().execute('select 1').fetchone()[0])"
    holder = manage(pgdata, "shell", "-c", f"{query}; import time; time.sleep(6)", background=True)
    try:
        pidfile = pgdata / "postmaster.pid"
        for _ in range(200):  # wait until the first process has the server up and ready
            if pidfile.exists() and "ready" in pidfile.read_text():
                break
            time.sleep(0.1)
        started_pid = (pgdata / "postmaster.pid").read_text().split()[0]
        second = manage(pgdata, "shell", "-c", query)
        assert second.returncode == 0, second.stderr[-1500:]
        assert second.stdout.strip().endswith("1")
        # the second process left, the first still holds the server: it must still run, the same one
        assert (pgdata / "postmaster.pid").read_text().split()[0] == started_pid
    finally:
        holder.communicate(timeout=60)
    assert holder.returncode == 0
    assert not (pgdata / "postmaster.pid").exists(), "the server must stop when the last process exits"
