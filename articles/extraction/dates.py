"""When a statement was made: explicit dates, weekdays and relative words near a quote."""

from __future__ import annotations

import datetime as dt
import functools
import re

MONTHS = {
    "jan": 1,
    "januar": 1,
    "january": 1,
    "feb": 2,
    "februar": 2,
    "february": 2,
    "mär": 3,
    "märz": 3,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "mai": 5,
    "may": 5,
    "jun": 6,
    "juni": 6,
    "june": 6,
    "jul": 7,
    "juli": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "okt": 10,
    "oktober": 10,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dez": 12,
    "dezember": 12,
    "dec": 12,
    "december": 12,
}
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"(?<![\w.])(?:(?P<d1>\d{{1,2}})\.?\s?(?P<m1>{_MONTH_ALT})\b\.?(?:\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH_ALT})\b\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))",
    re.IGNORECASE,
)
WEEKDAYS = {
    "montag": 0,
    "dienstag": 1,
    "mittwoch": 2,
    "donnerstag": 3,
    "freitag": 4,
    "samstag": 5,
    "sonntag": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_RE = re.compile(
    r"\b(?:am|on|last|vergangenen|letzten)?\s*(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE
)
RELATIVE = {
    "gestern": -1,
    "yesterday": -1,
    "vorgestern": -2,
    "heute": 0,
    "today": 0,
}
RELATIVE_RE = re.compile(r"\b(" + "|".join(RELATIVE) + r")\b", re.IGNORECASE)
NEXT_DAY_RE = re.compile(
    r"\b(?:the next day|the following day|am nächsten tag|am folgetag|tags darauf)\b", re.IGNORECASE
)


YEAR_GRACE = dt.timedelta(days=31)


@functools.lru_cache(maxsize=4096)
def _dateparser(span: str, language: str) -> dt.date | None:
    """dateparser on one short candidate span, language fixed; cached."""
    try:
        import dateparser
    except ImportError:  # pragma: no cover - dateparser is a project dependency
        return None
    got = dateparser.parse(
        span,
        languages=[language[:2]],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
    )
    return got.date() if got else None


def parse_explicit(m: re.Match[str], language: str, published_on: dt.date | None) -> dt.date | None:
    if m.group("iso"):
        try:
            return dt.date.fromisoformat(m.group("iso"))
        except ValueError:
            return None
    day = int(m.group("d1") or m.group("d2"))
    month = MONTHS[(m.group("m1") or m.group("m2")).lower()]
    year_s = m.group("y1") or m.group("y2")
    if year_s:
        got = _dateparser(m.group(0).strip(), language)
        if got is not None:
            return got
        year = int(year_s)
    elif published_on is not None:
        # the year that puts the date on or before the article's date; a month's grace, since a date given
        # to the month ("date 2026-06") stands for its first day and the article may be from late June
        year = published_on.year
        try:
            if dt.date(year, month, day) > published_on + YEAR_GRACE:
                year -= 1
        except ValueError:
            return None
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(
    context: str, language: str, published_on: dt.date | None, previous: dt.date | None = None
) -> dt.date | None:
    """The date a statement was made, from the words around it; None when unknown."""
    m = DATE_RE.search(context)
    if m:
        got = parse_explicit(m, language, published_on)
        if got is not None:
            return got
    if published_on is not None:
        m = RELATIVE_RE.search(context)
        if m:
            return published_on + dt.timedelta(days=RELATIVE[m.group(1).lower()])
        m = WEEKDAY_RE.search(context)
        if m:
            wd = WEEKDAYS[m.group(1).lower()]
            return published_on - dt.timedelta(days=(published_on.weekday() - wd) % 7)
    if previous is not None and NEXT_DAY_RE.search(context):
        return previous + dt.timedelta(days=1)
    return None
