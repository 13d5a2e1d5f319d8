"""Turn the fields found by a format reader into a clean ArticleDraft."""

from __future__ import annotations

from collections.abc import Iterable

from .clean import make_title, normalize_text, one_line, remove_boilerplate, strip_markup
from .meta import (
    DateValue,
    choose_language,
    clean_url,
    date_from_text,
    dedupe_urls,
    find_dateline,
    parse_date,
    site_of,
    urls_in_text,
)
from .types import ArticleDraft


class NoText(ValueError):
    """The item has no article text left after cleaning."""


def make_draft(
    *,
    title: str | None,
    body: str,
    url: object = None,
    date: object = None,
    date_precision: object = None,
    language: object = None,
    publisher: object = None,
    cited_urls: Iterable[object] = (),
    source_index: int | None = None,
    clean: bool = True,
    author: object = None,
) -> ArticleDraft:
    """Normalise, strip markup and boilerplate, and fill in whatever metadata the fields do not give."""
    title_text = one_line(title)
    text = normalize_text(strip_markup(normalize_text(body or "")))
    if clean:
        text = remove_boilerplate(text, title_text or None)
    if not text.strip():
        raise NoText("no article text")

    page_url = clean_url(url)
    # a tuple was already parsed by the reader (text header)
    published: DateValue | None = date if isinstance(date, tuple) else parse_date(date)
    if published and date_precision in ("day", "month", "year"):
        published = (published[0], date_precision)  # type: ignore[assignment]
    # a line that only says when ("Stand: …", "Veröffentlicht am …") is metadata, never body text; it dates
    # the article when the fields did not
    dateline = find_dateline(text)
    if dateline:
        found, line, _kind = dateline
        lines = text.split("\n")
        text = "\n".join(lines[:line] + lines[line + 1 :]).strip() or text
        if published is None:
            published = found
    if published is None:
        published = date_from_text(text)

    pub = one_line(publisher if isinstance(publisher, str) else None) or site_of(page_url)
    cited = dedupe_urls([clean_url(u) for u in cited_urls] + urls_in_text(text), exclude=page_url)

    return ArticleDraft(
        title=make_title(title_text, text),
        body=text,
        url=page_url,
        published_on=published[0] if published else None,
        date_precision=published[1] if published else None,
        language=choose_language(language, text),
        publisher=pub[:200] if pub else None,
        cited_urls=cited,
        source_index=source_index,
        author=one_line(author if isinstance(author, str) else None)[:200] or None,
    )
