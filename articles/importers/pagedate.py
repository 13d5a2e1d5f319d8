"""The publication date of an HTML page: the page's own structured metadata, then htmldate's search.

Structured fields that name the original publication (JSON-LD datePublished, article:published_time,
itemprop=datePublished, Dublin Core issued) are trusted first: they are written by the publisher's CMS
for exactly this purpose. Everything else — bylines, "Stand:" lines, URL paths, generic `date` metas,
`<time>` elements — is left to htmldate (original_date, extensive_search), which weighs them across the
whole page far better than a first-match rule (a sidebar teaser's `<time>` comes first on many pages).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Callable

from .meta import DateValue, parse_date

log = logging.getLogger(__name__)

# meta names/properties that state the original publication, strongest first
_PUBLISHED_METAS = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "dc.date.issued",
    "dcterms.issued",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
)


# a time of day in UTC: "…T02:18:11Z", "…T02:18:11.000+00:00"
_UTC_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00|UTC|GMT)\s*$", re.I)


def page_date(
    search: Callable[[], DateValue | None],
    *,
    meta: dict[str, str],
    ld_dates: list[str],
    itemprop_dates: list[str],
    time_dates: list[str] = (),
    dateline: tuple[DateValue, str] | None = None,
    lang: str,
) -> DateValue | None:
    """The page's publication date as a reader there saw it.

    The publisher's structured fields come first; then a line of the article text that says when
    ("Published: May 2, 2024", "Stand: 2.5.2024"), which a generic `date` meta (often the last change)
    must not outvote; then `search` (htmldate's). An update line ("Stand:", "Aktualisiert am") gives way to
    an earlier date the search finds: that one is the original.

    A UTC timestamp's calendar date is not the local one for a page written far from Greenwich (an evening
    article in New York carries tomorrow's UTC date): then the date the page shows (its dateline, else the
    one htmldate reads from the page) wins when it is within a day of it."""
    stated = structured_date(meta, ld_dates, itemprop_dates, lang) or structured_date({}, list(time_dates), [], lang)
    line_date, line_kind = dateline if dateline else (None, "")
    if stated is None:
        if line_date and line_kind != "updated":
            return line_date
        searched = search()
        if line_date and (searched is None or searched[0] > line_date[0]):
            return line_date
        return searched
    value, in_utc = stated
    if in_utc:
        for shown in (line_date, search()):
            if shown and abs((shown[0] - value[0]).days) <= 1:
                return shown
    return value


def structured_date(
    meta: dict[str, str], ld_dates: list[str], itemprop_dates: list[str], lang: str
) -> tuple[DateValue, bool] | None:
    """The first original-publication date the page's metadata states outright, and whether it is UTC."""
    for value in [*ld_dates, *(meta.get(k) for k in _PUBLISHED_METAS), *itemprop_dates]:
        found = parse_date(value, day_first=lang != "en") if value else None
        if found and found[1] == "day" and _plausible(found[0]):
            return found, bool(_UTC_TIME.search(value or ""))
    return None


def _plausible(day: dt.date) -> bool:
    return dt.date(1995, 1, 1) <= day <= dt.datetime.now(dt.UTC).date() + dt.timedelta(days=2)


def htmldate_search(html, url: str | None) -> DateValue | None:
    """htmldate's original-date search over the whole page (markup or a parsed tree it may change); None
    when it finds nothing or fails."""
    try:
        from htmldate import find_date

        found = find_date(html, original_date=True, extensive_search=True, url=url or None)
    except Exception as exc:  # a library failure on a strange page must not lose the article
        log.debug("htmldate failed: %r", exc)
        return None
    if not found or not re.match(r"^\d{4}-\d{2}-\d{2}$", found):
        return None
    return parse_date(found)
