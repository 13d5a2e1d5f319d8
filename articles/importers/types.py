"""Plain data passed from the importers to services: no ORM here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

DatePrecision = Literal["day", "month", "year"]


class ImportFailed(Exception):
    """A whole file cannot be imported; the message is shown to the user as is."""


@dataclass
class ArticleDraft:
    title: str  # never empty, at most 200 characters
    body: str  # the article's own text, boilerplate removed, no markup, no NUL bytes
    url: str | None = None
    published_on: dt.date | None = None
    date_precision: DatePrecision | None = None  # None exactly when published_on is None
    language: str = ""  # ISO 639-1, e.g. "de", "en"; "" when undetectable
    publisher: str | None = None
    cited_urls: list[str] = field(default_factory=list)
    source_index: int | None = None  # 0-based position inside a many-article file, else None
    author: str | None = None  # a byline or `author:` header; not stored yet (Article has no author field)


@dataclass
class ItemError:
    """One entry of a many-article file failed; item counts from 1 (JSONL line, feed entry)."""

    item: int
    error: str
