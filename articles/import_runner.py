"""Runs an import over files: one transaction per article, one report entry per file.

Shared by `manage.py import_articles` and the browser upload task, so both report alike
(the report format is in shared docs/interfaces.md).
"""

from __future__ import annotations

import contextlib
import gc
import logging
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import BrokenExecutor
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError

from articles import services, suggest_helper
from articles.import_lookups import ImportLookups
from articles.importers import iter_input_files, read_file
from articles.importers.types import ArticleDraft, ImportFailed, ItemError

log = logging.getLogger(__name__)


@dataclass
class FileReport:
    path: str
    articles: list[int] = field(default_factory=list)
    duplicates: list[int] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    error: str | None = None
    items: int = 0

    @property
    def status(self) -> str:
        if self.error or self.errors:  # a file that broke off after some articles were stored is partial
            return "partial" if (self.articles or self.duplicates) else "failed"
        if self.articles:
            return "imported"
        if self.duplicates:
            return "duplicate"
        return "failed"

    def as_dict(self) -> dict:
        error = self.error
        if error is None and self.errors:
            error = f"{len(self.errors)} of {self.items} items failed"
        return {"path": self.path, "status": self.status, "articles": self.articles,
                "duplicates": self.duplicates, "error": error, "errors": self.errors}


def new_report() -> dict:
    return {"imported": 0, "duplicates": 0, "failed": 0, "files": []}


def add_to_report(report: dict, entry: FileReport) -> None:
    report["imported"] += len(entry.articles)
    report["duplicates"] += len(entry.duplicates)
    report["failed"] += len(entry.errors) + (1 if entry.error else 0)
    report["files"].append(entry.as_dict())


class PendingSuggestions:
    """Claims stored but not yet compared with the others.

    Each article is stored (with its claims) in a transaction of its own; suggestions are derived data,
    made for a batch of new claims at once so a batch costs a handful of queries, not a handful per article.

    With `helpers` > 0 the batches are judged by that many helper processes while this one goes on storing
    articles (`import_articles --jobs N` has N - 1 of them): a batch is handed over only after its claims are
    committed, and a batch looks only at claims older than its own (`c.id < m.id`), all committed by then, so
    every batch finds what it would have found in this process and the links are the same as a serial run's.
    The helpers start with the first full batch: a small import never starts them.
    """

    BATCH = 300

    def __init__(self, *, helpers: int = 0) -> None:
        self.claim_ids: list[int] = []
        self.errors: list[str] = []
        self.helpers = helpers
        self._pool = None
        self._running: list = []
        self.helper_stats = QueryStats()  # the helpers' queries and PostgreSQL CPU, for `import_articles --stats`

    def add(self, ids: list[int]) -> None:
        self.claim_ids += ids
        if len(self.claim_ids) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        ids, self.claim_ids = self.claim_ids, []
        if not ids:
            return
        if self._pool is None and self.helpers and len(ids) >= self.BATCH:
            self._start_helpers()
        if self._pool is not None:
            try:
                future = self._pool.submit(suggest_helper.suggest_batch, ids, _history_metadata(), helper=True)
                self._running.append((ids, future))
                return
            except BrokenExecutor:  # a helper died: this process makes the suggestions from here on
                log.warning("a suggestion helper stopped; the import makes its suggestions itself")
                self.helpers = 0
        self._suggest_here(ids)

    def _suggest_here(self, ids: list[int]) -> None:
        error, _ = suggest_helper.suggest_batch(ids, None)
        if error:
            self.errors.append(error)

    def wait(self) -> None:
        """Hand over what is left and wait for the helpers (a no-op without them). A batch whose helper died
        is done here, so every batch gets its suggestions whatever happened to the helpers."""
        self.flush()
        if self._pool is None:
            return
        for ids, future in self._running:  # an abort on the way is import_paths' to handle (_aborts)
            try:
                error, stats = future.result()
            except BrokenExecutor:
                self._suggest_here(ids)
                continue
            self.helper_stats.add(stats)
            if error:
                self.errors.append(error)
        self._pool.shutdown()
        self._pool, self._running = None, []

    def abort(self) -> None:
        """The run is aborted (a second Ctrl-C): batches not begun are dropped, not waited for; a helper ends
        with the batch it is on."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool, self._running = None, []

    def _start_helpers(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        from django.db import connection

        if connection.in_atomic_block:  # a caller's transaction: the helpers could not see our claims
            self.helpers = 0
            return
        from articles.linking.candidates import common_terms

        # spawned, not forked: this process may hold threads (a progress bar) and an open connection. The helpers
        # take this process's reading of the common terms, so every batch leaves out the same ones
        self._pool = ProcessPoolExecutor(
            max_workers=self.helpers, mp_context=multiprocessing.get_context("spawn"),
            initializer=suggest_helper.start, initargs=(connection.settings_dict["NAME"], common_terms()),
        )


def _store(draft: ArticleDraft, *, source: str, user, extract: bool, pending: PendingSuggestions | None,
           lookups: ImportLookups) -> services.ImportOutcome:
    draft.body = draft.body.replace("\x00", "")
    draft.title = (draft.title or "").replace("\x00", "")

    def store() -> services.ImportOutcome:
        return services.article_import(draft=draft, source_file=source, imported_by=user, extract=extract,
                                       suggest=pending is None, lookups=lookups)

    try:
        outcome = store()
    except Exception as exc:
        # the article's transaction was rolled back with any row it made (a new topic, say): the run forgets
        # what it remembered. A publisher, topic or speaker it remembered may have been merged away meanwhile
        # (a foreign key then fails at commit): the article is stored again with every name looked up afresh
        retry = isinstance(exc, IntegrityError) and lookups.knows_any()
        lookups.forget()
        if not retry:
            raise
        try:
            outcome = store()
        except Exception:
            lookups.forget()
            raise
    if pending is not None:
        pending.add(outcome.claim_ids)
    return outcome


def import_file(path: Path, *, display: str, fmt: str = "auto", extract: bool = True, user=None,
                pending: PendingSuggestions | None = None, should_stop: Callable[[], str | None] | None = None,
                lookups: ImportLookups | None = None) -> FileReport:
    """`should_stop` is asked before each article (a worker's time limit, a Ctrl-C); when it gives a reason, the
    file stops there with that reason and the articles stored so far stay. `lookups`: the run's memory of
    publishers, topics and speakers (one for the file when not given)."""
    lookups = lookups if lookups is not None else ImportLookups()
    entry = FileReport(path=display)
    try:
        for item in read_file(path, fmt=fmt, max_bytes=settings.FACTCHECK_MAX_IMPORT_BYTES,
                              max_document_bytes=settings.FACTCHECK_MAX_DOCUMENT_BYTES):
            reason = should_stop() if should_stop is not None else None
            if reason:
                entry.error = f"stopped after {entry.items} items: {reason}"
                break
            entry.items += 1
            if isinstance(item, ItemError):
                entry.errors.append({"item": item.item, "error": item.error})
                continue
            try:
                outcome = _store(item, source=display, user=user, extract=extract, pending=pending, lookups=lookups)
            except Exception as exc:
                # one bad article fails alone; its transaction was rolled back whole. A database refusal is
                # the input's fault; anything else is our bug, still reported without a traceback on stderr
                expected = isinstance(exc, IntegrityError | DatabaseError | ValueError)
                log.warning("article %s in %s not stored: %r", entry.items, display, exc)
                log.debug("article %s in %s not stored", entry.items, display, exc_info=True)
                message = (str(exc).splitlines() or [""])[0][:200]
                if not expected:
                    message = f"internal error ({type(exc).__name__}: {message})"
                reason = f"not stored: {message}"
                if item.source_index is None:
                    entry.error = reason
                else:
                    entry.errors.append({"item": item.source_index + 1, "error": reason})
                continue
            (entry.duplicates if outcome.duplicate else entry.articles).append(outcome.article_id)
    except ImportFailed as exc:
        entry.error = str(exc)
    except OSError as exc:
        entry.error = f"cannot read file: {exc.strerror or exc}"
    except Exception as exc:  # the importers promise ImportFailed only; should one slip, the file fails alone
        log.warning("%s could not be read: %r", display, exc)
        log.debug("%s could not be read", display, exc_info=True)
        entry.error = f"could not be read ({type(exc).__name__}: {exc})"
    return entry


def display_name(path: Path, root: Path | None = None) -> str:
    """The path as shown in the report and stored as source_file. A name that is not UTF-8 (a file from an old
    Windows zip, say) arrives with surrogate escapes, which neither PostgreSQL nor a UTF-8 report or terminal
    accept; its odd bytes are shown as \\xNN instead."""
    shown = str(path.relative_to(root)) if root else str(path)
    return shown.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def default_jobs() -> int:
    """`import_articles`' processes when not told: the cores this process may use, + 1. The importer waits on
    PostgreSQL part of the time, and on two cores one helper is the slower side (README, issue 13)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) + 1


def import_paths(
    paths: Iterable[str | Path],
    *,
    fmt: str = "auto",
    extract: bool = True,
    user=None,
    display_root: Path | None = None,
    on_file: Callable[[FileReport], None] | None = None,
    jobs: int = 1,
    should_stop: Callable[[], str | None] | None = None,
) -> dict:
    """Import every file under `paths`; a file that fails is reported and the rest go on.

    `jobs` > 1: suggestions are made by jobs - 1 helper processes beside this one (see PendingSuggestions).
    `should_stop` is asked before each article: once it gives a reason, the run stops there, the files not
    reached are reported as not imported for that reason, and the claims stored so far still get their
    suggestions."""
    report = new_report()
    pending = PendingSuggestions(helpers=max(jobs - 1, 0))
    lookups = ImportLookups()
    with services.imports_without_flush_wait(), objects_so_far_left_out_of_gc(), _aborts(pending):
        for path in iter_input_files(paths):
            display = display_name(path, display_root)
            reason = should_stop() if should_stop is not None else None
            if reason:
                entry = FileReport(path=display, error=f"not imported: {reason}")
            else:
                entry = import_file(path, display=display, fmt=fmt, extract=extract, user=user, pending=pending,
                                    lookups=lookups, should_stop=should_stop)
            add_to_report(report, entry)
            if on_file is not None:
                on_file(entry)
        pending.wait()
    if pending.helpers:
        report["_helper_stats"] = pending.helper_stats.as_dict()  # taken out by the command, never written
    if pending.errors:
        report["warnings"] = pending.errors
    return report


@contextlib.contextmanager
def _aborts(pending: PendingSuggestions):
    try:
        yield
    except BaseException:
        pending.abort()
        raise


@contextlib.contextmanager
def objects_so_far_left_out_of_gc():
    """The objects that exist now (Django, the word lists, the models: ~100,000) are set aside from Python's
    cyclic garbage collector for the run (gc.freeze): its oldest generation was walking through all of them on
    every full collection, while the judge and the extraction keep allocating. Put back at the end, so a worker
    running one import after another collects them as before. (Helpers: suggest_helper.start.)"""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _history_metadata() -> dict | None:
    """The history context this import runs in (`history_context(command=…)`), for the helpers' writes."""
    import pghistory.runtime

    tracked = getattr(pghistory.runtime._tracker, "value", None)
    return dict(tracked.metadata) if tracked is not None else None


class QueryStats:
    """Queries sent, seconds spent waiting on them, and the CPU seconds of this connection's PostgreSQL backend
    (read from /proc when the server runs on this machine): `manage.py bench` shows them per article."""

    def __init__(self) -> None:
        self.queries = 0
        self.db_wall = 0.0
        self.db_cpu: float | None = None

    def _wrap(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.db_wall += time.perf_counter() - started
            self.queries += 1

    @staticmethod
    def _backend_cpu() -> float | None:
        from django.db import connection

        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pid = cursor.fetchone()[0]
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError, ValueError, DatabaseError):
            return None

    @contextlib.contextmanager
    def counting(self):
        from django.db import connection

        before = self._backend_cpu()
        with connection.execute_wrapper(self._wrap):
            yield self
        after = self._backend_cpu()
        if before is not None and after is not None:
            self.db_cpu = after - before

    def add(self, other: dict) -> None:
        self.queries += other.get("queries", 0)
        self.db_wall += other.get("db_wall", 0.0)
        if other.get("db_cpu") is not None:
            self.db_cpu = (self.db_cpu or 0.0) + other["db_cpu"]

    def as_dict(self) -> dict:
        return {"queries": self.queries, "db_wall": self.db_wall, "db_cpu": self.db_cpu}


def count_input_files(paths: Iterable[str | Path]) -> int:
    return sum(1 for _ in iter_input_files(paths))
