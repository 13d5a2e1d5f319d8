"""JSON objects, JSON arrays and JSON Lines: one field mapping for every exporter we have seen."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping

from .build import NoText, make_draft
from .htmlpage import fragment_to_text, looks_like_html
from .types import ArticleDraft, ImportFailed, ItemError

TITLE_KEYS = ("title", "headline", "heading", "name")
BODY_KEYS = (
    "body",
    "text",
    "content",
    "articleBody",
    "article_body",
    "fulltext",
    "full_text",
    "content_html",
    "content_text",
    "html",
    "story",
    "description",
    "summary",
    "abstract",
    "teaser",
)
URL_KEYS = ("url", "link", "href", "canonical_url", "canonicalUrl", "permalink", "webUrl", "web_url", "uri")
DATE_KEYS = (
    "published_on",
    "published",
    "published_at",
    "publishedAt",
    "datePublished",
    "date_published",
    "pubDate",
    "pub_date",
    "publication_date",
    "publicationDate",
    "date",
    "created_at",
    "createdAt",
    "created",
    "timestamp",
    "updated",
    "dateModified",
    "modified",
)
LANG_KEYS = ("language", "lang", "inLanguage", "locale")
PUBLISHER_KEYS = (
    "publisher",
    "source",
    "site",
    "site_name",
    "siteName",
    "outlet",
    "publication",
    "feed",
    "source_name",
    "sourceName",
)
CITED_KEYS = ("cited_urls", "links", "sources", "references", "citations", "urls")
LIST_KEYS = ("articles", "items", "entries", "data", "results", "posts", "documents", "docs", "stories")


def _lookup(obj: Mapping, keys: Iterable[str]):
    lowered = {k.lower(): v for k, v in obj.items() if isinstance(k, str)}
    for key in keys:
        value = obj.get(key, lowered.get(key.lower()))
        if value not in (None, "", [], {}):
            return value
    return None


def _as_text(value) -> str | None:
    """A str, a WordPress-style {"rendered": …}, a feed-style [{"value": …}] or a list of paragraphs."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, Mapping):
        for key in ("rendered", "value", "text", "html", "body", "content", "name", "title", "$date"):
            if isinstance(value.get(key), str):
                return value[key]
        return None
    if isinstance(value, list):
        parts = [_as_text(v) for v in value]
        parts = [p for p in parts if p]
        if parts and all(isinstance(v, Mapping) for v in value):
            return max(parts, key=len)
        return "\n\n".join(parts) if parts else None
    return None


def _urls(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        url = value.get("url") or value.get("href") or value.get("link")
        return [url] if isinstance(url, str) else []
    if isinstance(value, list):
        out: list[str] = []
        for item in value:
            out.extend(_urls(item))
        return out
    return []


def draft_from_mapping(obj: Mapping, source_index: int | None) -> ArticleDraft:
    title = _as_text(_lookup(obj, TITLE_KEYS))
    body = None
    for key in BODY_KEYS:
        body = _as_text(_lookup(obj, (key,)))
        if body and body.strip():
            break
    if not body or not body.strip():
        raise NoText("no article text (expected a field such as body, text, content or articleBody)")
    links: list[str] = []
    if looks_like_html(body):
        body = fragment_to_text(body, links)
    if title and looks_like_html(title):
        title = fragment_to_text(title)
    url = _lookup(obj, URL_KEYS)
    if isinstance(url, Mapping | list):
        url = (_urls(url) or [None])[0]
    publisher = _as_text(_lookup(obj, PUBLISHER_KEYS))
    language = _lookup(obj, LANG_KEYS)
    date = _lookup(obj, DATE_KEYS)
    if isinstance(date, Mapping):
        date = _as_text(date)
    cited = _urls(_lookup(obj, CITED_KEYS)) + links
    return make_draft(
        title=title,
        body=body,
        url=url,
        date=date,
        date_precision=obj.get("date_precision"),
        language=language,
        publisher=publisher,
        cited_urls=cited,
        source_index=source_index,
    )


def _item(obj, index: int, label: str) -> ArticleDraft | ItemError:
    if not isinstance(obj, Mapping):
        return ItemError(index + 1, f"{label}: not a JSON object but {type(obj).__name__}")
    try:
        return draft_from_mapping(obj, index)
    except (NoText, ValueError) as exc:
        return ItemError(index + 1, f"{label}: {exc}")


def parse_json_document(text: str) -> Iterator[ArticleDraft | ItemError] | ArticleDraft:
    """A whole JSON document: an article object, an array of them, or an object holding such an array."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        end = len(text.rstrip())
        if exc.pos >= end - 1 or exc.msg.startswith("Unterminated string"):
            why = f"the document is cut off (truncated?): {exc.msg}"
        else:
            why = exc.msg
        raise ImportFailed(f"not valid JSON: {why} (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise ImportFailed("not valid JSON: nested too deeply") from None
    items = None
    if isinstance(data, list):
        items = data
    elif isinstance(data, Mapping):
        container = _lookup(data, LIST_KEYS)
        if isinstance(container, list) and _lookup(data, BODY_KEYS) is None:
            items = container
    else:
        raise ImportFailed(f"a JSON {type(data).__name__} is not an article (expected an object or an array)")
    if items is None:
        try:
            return draft_from_mapping(data, None)
        except (NoText, ValueError) as exc:
            raise ImportFailed(f"JSON object: {exc}") from None
    if not items:
        raise ImportFailed("the JSON array holds no articles")
    return (_item(obj, n, f"item {n + 1}") for n, obj in enumerate(items))


def parse_json_line(line: str, number: int, index: int) -> ArticleDraft | ItemError:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return ItemError(number, f"line {number}: not valid JSON ({exc.msg}: column {exc.colno})")
    except RecursionError:
        return ItemError(number, f"line {number}: not valid JSON (nested too deeply)")
    if not isinstance(obj, Mapping):
        return ItemError(number, f"line {number}: not a JSON object but {type(obj).__name__}")
    try:
        return draft_from_mapping(obj, index)
    except (NoText, ValueError) as exc:
        return ItemError(number, f"line {number}: {exc}")
