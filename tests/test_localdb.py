"""The embedded PostgreSQL: started by the first manage.py process, shared, stopped by the last one."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def manage(pgdata: Path, *args: str, background: bool = False):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["FACTCHECK_PGDATA"] = str(pgdata)
    command = [sys.executable, "manage.py", *args]
    if background:
        return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


# Folders of our own rather than tmp_path: a concurrent pytest session prunes older tmp_path folders.
@pytest.fixture(scope="module")
def initialized_pgdata():
    """One initdb for the crash tests; each test gets a copy (cp -a keeps the owner PostgreSQL insists on)."""
    with tempfile.TemporaryDirectory(prefix="factcheck-pgtemplate-") as folder:
        pgdata = Path(folder) / "pgdata"
        first = manage(pgdata, "shell", "-c", "from django.db import connection; connection.ensure_connection()")
        assert first.returncode == 0, first.stderr[-2000:]
        yield pgdata


@pytest.fixture
def pgdata(initialized_pgdata):
    with tempfile.TemporaryDirectory(prefix="factcheck-pgdata-") as folder:
        copy = Path(folder) / "pgdata"
        subprocess.run(["cp", "-a", str(initialized_pgdata), str(copy)], check=True)
        yield copy


QUERY = "from django.db import connection; print(connection.cursor().execute('select 1').fetchone()[0])"


def start_holder(pgdata: Path, seconds: int = 60) -> subprocess.Popen:
    """A manage.py process that holds the server, and the server ready."""
    holder = manage(pgdata, "shell", "-c", f"{QUERY}; import time; time.sleep({seconds})", background=True)
    pidfile = pgdata / "postmaster.pid"
    for _ in range(300):
        if pidfile.exists() and "ready" in pidfile.read_text() and (pgdata / ".handle_pids.json").exists():
            return holder
        time.sleep(0.1)
    holder.kill()
    raise AssertionError("the embedded server did not start")


def postmaster_pid(pgdata: Path) -> int:
    return int((pgdata / "postmaster.pid").read_text().split()[0])


def wait_gone(pid: int, seconds: float = 30) -> bool:
    import psutil

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE:
            return True
        time.sleep(0.1)
    return False


def assert_next_command_works_and_stops_the_server(pgdata: Path) -> None:
    result = manage(pgdata, "shell", "-c", QUERY)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("1")
    assert not (pgdata / "postmaster.pid").exists(), "the last process must stop the server"


def test_a_killed_holder_and_an_empty_pid_list_do_not_break_the_next_start(pgdata):
    holder = start_holder(pgdata)
    holder.kill()  # kill -9: no atexit, the server keeps running with a dead pid in the list
    holder.wait()
    (pgdata / ".handle_pids.json").write_text("")  # what a kill during the wheel's write leaves
    assert_next_command_works_and_stops_the_server(pgdata)


def test_a_corrupt_pid_list_is_rebuilt(pgdata):
    holder = start_holder(pgdata)
    holder.kill()
    holder.wait()
    (pgdata / ".handle_pids.json").write_text('[12, "x", {')
    assert_next_command_works_and_stops_the_server(pgdata)


def test_kill_9_of_every_process_and_the_postmaster_is_recovered(pgdata):
    import signal

    holder = start_holder(pgdata)
    postmaster = postmaster_pid(pgdata)
    holder.kill()
    holder.wait()
    os.kill(postmaster, signal.SIGKILL)
    assert wait_gone(postmaster)
    assert (pgdata / "postmaster.pid").exists(), "a hard kill leaves postmaster.pid behind"
    assert_next_command_works_and_stops_the_server(pgdata)


def test_a_stale_postmaster_pid_naming_a_live_process_that_is_not_postgres(pgdata):
    holder = start_holder(pgdata, seconds=0)
    holder.communicate(timeout=60)
    assert not (pgdata / "postmaster.pid").exists()
    # after a reboot the old pid often belongs to another program: here, this test process
    (pgdata / "postmaster.pid").write_text(f"{os.getpid()}\n{pgdata}\n1700000000\n5432\n/tmp\n\n  1  2\nready\n")
    assert_next_command_works_and_stops_the_server(pgdata)
    (pgdata / "postmaster.pid").write_text("123")  # truncated
    assert_next_command_works_and_stops_the_server(pgdata)


def test_term_to_the_process_group_of_the_dev_server_stops_everything_and_postgres(pgdata):
    import signal
    import socket
    import urllib.request

    import psutil

    migrated = manage(pgdata, "migrate", "--noinput", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr[-2000:]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(FACTCHECK_PGDATA=str(pgdata), DJANGO_DEBUG="1")
    run = subprocess.Popen([sys.executable, "manage.py", "rundev", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                time.sleep(0.2)
        else:
            raise AssertionError("the development server did not answer")
        names = [" ".join(p.cmdline()) for p in psutil.Process(run.pid).children(recursive=True)]
        assert any("db_worker" in n for n in names), "make run must run the background worker too"
        assert any("runserver" in n for n in names)
        postmaster = postmaster_pid(pgdata)
        os.killpg(run.pid, signal.SIGTERM)  # what a supervisor sends
        assert run.wait(timeout=60) is not None
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
    assert wait_gone(postmaster), "PostgreSQL must stop when the last process is gone"
    assert not (pgdata / "postmaster.pid").exists(), "and stop cleanly, removing its pid file"


def test_embedded_server_is_shared_and_stops_with_the_last_process(pgdata):
    import signal

    holder = start_holder(pgdata, seconds=300)
    try:
        started_pid = postmaster_pid(pgdata)
        second = manage(pgdata, "shell", "-c", QUERY)
        assert second.returncode == 0, second.stderr[-1500:]
        assert second.stdout.strip().endswith("1")
        # the second process left, the first still holds the server: it must still run, the same one
        assert postmaster_pid(pgdata) == started_pid
        holder.send_signal(signal.SIGTERM)  # a supervisor's stop: a clean exit that hands the server back
        holder.communicate(timeout=60)
    finally:
        if holder.poll() is None:
            holder.kill()
    assert wait_gone(started_pid)
    assert not (pgdata / "postmaster.pid").exists(), "the server must stop when the last process exits"
