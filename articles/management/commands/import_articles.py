"""manage.py import_articles PATH [PATH ...] [--format …] [--report FILE] [--no-extract] (interfaces.md)."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles import import_runner
from articles.services import history_context

FORMATS = ["auto", "text", "html", "json", "jsonl", "feed"]
INTERRUPTED = "interrupted (Ctrl-C)"


class _FirstInterrupt:
    """The first Ctrl-C stops the import after the article being stored: the files not reached are reported,
    the claims stored get their suggestions and the summary is printed. A second one aborts (Python's own
    KeyboardInterrupt; a helper ends the batch it is on, the batches not begun are dropped). Signal handlers can
    be set in the main thread only; elsewhere it never fires."""

    def __init__(self, command: BaseCommand) -> None:
        self.command = command
        self.interrupted = False
        self.installed = threading.current_thread() is threading.main_thread()
        self.previous = None

    def __enter__(self) -> _FirstInterrupt:
        if self.installed:
            self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        self.interrupted = True
        signal.signal(signal.SIGINT, signal.default_int_handler)
        # (the signal may land while this process writes to stderr itself: a reentrant write is refused)
        with contextlib.suppress(RuntimeError):
            self.command.stderr.write("stopping after this article and making the suggestions for the claims "
                                      "stored (Ctrl-C again to abort; helpers end the batch they are on)")

    def reason(self) -> str | None:
        return INTERRUPTED if self.interrupted else None

    def __exit__(self, *exc) -> None:
        if self.installed:
            signal.signal(signal.SIGINT, self.previous if self.previous is not None else signal.default_int_handler)


class Command(BaseCommand):
    help = "Import articles from files or folders; prints a summary and optionally writes a JSON report."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="files or folders (read recursively)")
        parser.add_argument("--format", default="auto", choices=FORMATS)
        parser.add_argument("--report", help="write the JSON report to this file")
        parser.add_argument("--no-extract", action="store_true", help="store articles without claim extraction")
        parser.add_argument("--jobs", type=int, metavar="N",
                            help="processes: with 2 or more, N - 1 of them make the link suggestions while this "
                                 "one stores articles (the same suggestions as one process; started only once "
                                 "300 claims wait). Default: the number of cores + 1, fastest; 1: one process")
        # for `manage.py bench`: queries, time waiting on them and the database server's CPU, as JSON
        parser.add_argument("--stats", help=argparse.SUPPRESS)

    def handle(self, *args, **options) -> None:
        paths = [Path(p) for p in options["paths"]]
        report_path = options.get("report")
        jobs = options["jobs"] if options["jobs"] is not None else import_runner.default_jobs()
        if jobs < 1:
            raise CommandError("--jobs must be 1 or more", returncode=2)
        if report_path and Path(report_path).is_dir():
            raise CommandError(f"--report {report_path} is a folder", returncode=2)
        if report_path and not Path(report_path).absolute().parent.is_dir():
            raise CommandError(f"--report {report_path}: the folder it goes in does not exist", returncode=2)
        total = import_runner.count_input_files(paths)
        started = time.monotonic()
        stats = import_runner.QueryStats() if options["stats"] else None
        try:
            with history_context(command="import_articles"), self._progress(total) as advance, \
                    (stats.counting() if stats else contextlib.nullcontext()), _FirstInterrupt(self) as interrupt:
                report = import_runner.import_paths(
                    paths, fmt=options["format"], extract=not options["no_extract"], on_file=advance,
                    jobs=jobs, should_stop=interrupt.reason,
                )
        except KeyboardInterrupt:  # the second Ctrl-C: no traceback
            self.stderr.write("import aborted: every article stored so far stays whole; suggestions for its last "
                              "claims may be missing")
            sys.exit(130)
        elapsed = time.monotonic() - started
        helper_stats = report.pop("_helper_stats", {})
        if stats:
            stats.add(helper_stats)
            Path(options["stats"]).write_text(json.dumps(stats.as_dict()))
        report_unwritten = False
        if report_path:
            try:
                Path(report_path).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
            except OSError as exc:  # the import itself is done and stored; say so rather than a traceback
                self.stderr.write(f"the report could not be written to {report_path}: {exc.strerror or exc}")
                report_unwritten = True
        not_reached = 0
        for entry in report["files"]:
            if entry["error"] == f"not imported: {INTERRUPTED}":
                not_reached += 1  # in the report file; one line for all of them below
            elif entry["status"] in ("failed", "partial"):
                self.stderr.write(f"{entry['status']}: {entry['path']}: {entry['error']}")
                for item in entry["errors"]:
                    self.stderr.write(f"  item {item['item']}: {item['error']}")
        if not_reached:
            self.stderr.write(f"not imported: {not_reached} files not reached ({INTERRUPTED})")
        self.stdout.write(
            f"{report['imported']} imported, {report['duplicates']} duplicates, {report['failed']} failed "
            f"from {len(report['files'])} files in {elapsed:.1f}s"
        )
        if report_unwritten or any(f["status"] in ("failed", "partial") for f in report["files"]):
            sys.exit(1)

    def _progress(self, total: int):
        """A rich progress bar on a terminal; plain lines when the output is a file or pipe."""
        import contextlib

        stream = self.stdout._out  # the real stream behind Django's OutputWrapper

        if stream.isatty():
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )

            @contextlib.contextmanager
            def bar():
                counts = {"imported": 0, "duplicate": 0, "failed": 0}
                with Progress(
                    TextColumn("importing"), BarColumn(), MofNCompleteColumn(), TaskProgressColumn(),
                    TextColumn("{task.fields[counts]}"), TimeRemainingColumn(),
                ) as progress:
                    task = progress.add_task("import", total=total, counts="")

                    def advance(entry: import_runner.FileReport) -> None:
                        key = entry.status if entry.status in counts else "failed"
                        counts[key] += 1
                        rate = progress.tasks[0].speed or 0
                        progress.update(task, advance=1, counts=(
                            f"{counts['imported']} ok · {counts['duplicate']} dup · {counts['failed']} failed"
                            f" · {rate:.1f} files/s"))

                    yield advance

            return bar()

        @contextlib.contextmanager
        def lines():
            done = [0]
            started = time.monotonic()

            def advance(entry: import_runner.FileReport) -> None:
                done[0] += 1
                rate = done[0] / max(time.monotonic() - started, 1e-6)
                self.stdout.write(f"[{done[0]}/{total}] {entry.status}: {entry.path} ({rate:.1f} files/s)")

            yield advance

        return lines()
