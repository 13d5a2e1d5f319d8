"""Runs an import over files: one transaction per article, one report entry per file.

Shared by `manage.py import_articles` and the browser upload task, so both report alike
(the report format is in shared docs/interfaces.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, IntegrityError

from articles import services
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
        if self.error and not self.articles and not self.duplicates:
            return "failed"
        if self.errors:
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
    report["failed"] += len(entry.errors) + (1 if entry.error and entry.status == "failed" and not entry.errors else 0)
    report["files"].append(entry.as_dict())


def _store(draft: ArticleDraft, *, source: str, user, extract: bool) -> services.ImportOutcome:
    draft.body = draft.body.replace("\x00", "")
    draft.title = (draft.title or "").replace("\x00", "")
    return services.article_import(draft=draft, source_file=source, imported_by=user, extract=extract)


def import_file(path: Path, *, display: str, fmt: str = "auto", extract: bool = True, user=None) -> FileReport:
    entry = FileReport(path=display)
    try:
        for item in read_file(path, fmt=fmt, max_bytes=settings.FACTCHECK_MAX_IMPORT_BYTES):
            entry.items += 1
            if isinstance(item, ItemError):
                entry.errors.append({"item": item.item, "error": item.error})
                continue
            try:
                outcome = _store(item, source=display, user=user, extract=extract)
            except (IntegrityError, DatabaseError, ValueError) as exc:
                # one bad article fails alone; its transaction was rolled back whole
                log.warning("article %s in %s not stored: %s", entry.items, display, exc)
                reason = f"not stored: {str(exc).splitlines()[0][:200]}"
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
    return entry


def import_paths(
    paths: Iterable[str | Path],
    *,
    fmt: str = "auto",
    extract: bool = True,
    user=None,
    display_root: Path | None = None,
    on_file: Callable[[FileReport], None] | None = None,
) -> dict:
    """Import every file under `paths`; a file that fails is reported and the rest go on."""
    report = new_report()
    for path in iter_input_files(paths):
        display = str(path.relative_to(display_root)) if display_root else str(path)
        entry = import_file(path, display=display, fmt=fmt, extract=extract, user=user)
        add_to_report(report, entry)
        if on_file is not None:
            on_file(entry)
    return report


def count_input_files(paths: Iterable[str | Path]) -> int:
    return sum(1 for _ in iter_input_files(paths))
