"""RSS 2.0 and Atom feeds through feedparser: one article per entry."""

from __future__ import annotations

from collections.abc import Iterator

from .build import NoText, make_draft
from .htmlpage import fragment_to_text, looks_like_html
from .types import ArticleDraft, ImportFailed, ItemError


def _entry_body(entry) -> str:
    """content:encoded / atom:content preferred over description / summary."""
    best = ""
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        if len(value.strip()) > len(best.strip()):
            best = value
    if not best.strip():
        best = entry.get("summary") or entry.get("description") or ""
    return best


def parse_feed(data: bytes) -> Iterator[ArticleDraft | ItemError]:
    import feedparser

    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    except Exception as exc:
        raise ImportFailed(f"not a readable RSS or Atom feed ({exc})") from None
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("feed"):
            reason = parsed.get("bozo_exception")
            raise ImportFailed(f"not a readable RSS or Atom feed ({reason})")
        raise ImportFailed("the feed has no entries")
    feed = parsed.get("feed") or {}
    publisher = feed.get("title") or None
    broken = f" (the feed is not well-formed: {parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
    language = feed.get("language") or None

    def items() -> Iterator[ArticleDraft | ItemError]:
        for n, entry in enumerate(entries):
            try:
                body = _entry_body(entry)
                links: list[str] = []
                if looks_like_html(body):
                    body = fragment_to_text(body, links)
                title = entry.get("title") or None
                if title and looks_like_html(title):
                    title = fragment_to_text(title)
                date = entry.get("published") or entry.get("updated") or entry.get("created")
                yield make_draft(
                    title=title,
                    body=body,
                    url=entry.get("link"),
                    date=date,
                    language=entry.get("language") or language,
                    publisher=(entry.get("source") or {}).get("title") or publisher,
                    cited_urls=links,
                    source_index=n,
                )
            except NoText:
                yield ItemError(n + 1, f"entry {n + 1}: no article text{broken}")
            except Exception as exc:
                yield ItemError(n + 1, f"entry {n + 1}: could not be read ({exc})")

    return items()
