"""`make run`: the development server and the background worker, started and stopped together.

Ctrl-C (or a TERM to this process or its group) stops both; the embedded PostgreSQL stops with the last
process that uses it. If either child dies, the other is stopped too, so a half-running site never lingers.
"""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand

MANAGE = Path(__file__).resolve().parents[3] / "manage.py"
STOP_GRACE_S = 30


class Command(BaseCommand):
    help = "Run the development server and the background worker together (Ctrl-C stops both)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, *args, addrport: str, **options) -> None:
        stopping = False

        def stop(signum, frame) -> None:
            nonlocal stopping
            stopping = True

        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, stop)
        children = {
            "worker": subprocess.Popen([sys.executable, str(MANAGE), "db_worker", "--interval", "0.5"]),
            "web": subprocess.Popen([sys.executable, str(MANAGE), "runserver", addrport]),
        }
        self.stdout.write(f"Serving http://{addrport}/ with a background worker; Ctrl-C stops both.")
        exited = None
        while not stopping and exited is None:
            exited = next((name for name, child in children.items() if child.poll() is not None), None)
            time.sleep(0.2)
        if exited:
            self.stderr.write(f"The {exited} process stopped (exit {children[exited].returncode}); stopping the rest.")
        self._stop(children.values())
        if exited:
            sys.exit(1)

    @staticmethod
    def _stop(children) -> None:
        """TERM the children and wait for their whole trees (both run an autoreloader with a child of its own):
        this process must exit last, so it is the one that finds the database unused and stops it."""
        import psutil

        tree = []
        for child in children:
            with contextlib.suppress(psutil.NoSuchProcess):
                tree += [psutil.Process(child.pid), *psutil.Process(child.pid).children(recursive=True)]
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        _, alive = psutil.wait_procs(tree, timeout=STOP_GRACE_S)
        for process in alive:
            process.kill()
        psutil.wait_procs(alive, timeout=5)
        for child in children:
            child.wait()
