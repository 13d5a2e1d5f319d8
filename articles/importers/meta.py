"""Metadata helpers: publication dates, language, publisher, cited links."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import threading
from collections.abc import Iterable
from urllib.parse import urlsplit

from .types import DatePrecision

DateValue = tuple[dt.date, DatePrecision]

# --- dates -------------------------------------------------------------------------------------------

MONTHS = {
    # German
    "januar": 1,
    "jänner": 1,
    "jan": 1,
    "februar": 2,
    "feber": 2,
    "feb": 2,
    "märz": 3,
    "maerz": 3,
    "mär": 3,
    "mrz": 3,
    "april": 4,
    "apr": 4,
    "mai": 5,
    "juni": 6,
    "jun": 6,
    "juli": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "november": 11,
    "nov": 11,
    "dezember": 12,
    "dez": 12,
    # English
    "january": 1,
    "february": 2,
    "march": 3,
    "mar": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
    "oct": 10,
    "december": 12,
    "dec": 12,
}
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_DE = r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)"
_WEEKDAY_EN = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"

# Offset in days from the date named in the text to the publication date.
_RELATIVE = {"heute": 0, "heutigen": 0, "today": 0, "gestern": 1, "gestrigen": 1, "yesterday": 1, "vorgestern": 2}

_REL_DE = re.compile(
    rf"\b(heute|gestern|vorgestern|heutigen|gestrigen)\b\s*(?:\(|,)?\s*(?:am|dem|den)?\s*(?:{_WEEKDAY_DE}\s*,?\s*(?:dem|den)?\s*)?"
    rf"(?:(\d{{1,2}})\.\s*(?:({MONTH_PATTERN})\.?|(\d{{1,2}})\.)\s*(\d{{4}}))",
    re.I,
)
_REL_EN = re.compile(
    rf"\b(today|yesterday)\b\s*(?:\(|,)?\s*(?:on\s+)?(?:the\s+)?(?:{_WEEKDAY_EN}\s*,?\s*)?"
    rf"(?:({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})"
    rf"|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_PATTERN})\.?,?\s+(\d{{4}}))",
    re.I,
)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        if not 1900 <= year <= 2200:
            return None
        return dt.date(year, month, day)
    except ValueError:
        return None


# Words that open a line saying when the text appeared ("Veröffentlicht am …", "Published: …") or when
# it was last changed ("Stand: …", "Updated …"). German and English; the common forms of news sites and
# newsroom text exports, written for this project.
_PUBLISHED_WORDS = (
    r"veröffentlicht(?:\s+am)?|erschienen(?:\s+am)?|publiziert(?:\s+am)?|erstellt(?:\s+am)?|datum|date|"
    r"published(?:\s+on)?|first\s+published(?:\s+on)?|posted(?:\s+on)?|created(?:\s+on)?"
)
_UPDATED_WORDS = (
    r"stand|aktualisiert(?:\s+am)?|zuletzt\s+aktualisiert(?:\s+am)?|geändert(?:\s+am)?|"
    r"updated(?:\s+on)?|last\s+updated(?:\s+on)?|last\s+modified(?:\s+on)?|modified(?:\s+on)?"
)
_DATE_ONLY = (
    r"(\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}\.\s*\d{1,2}\.\s*\d{4}|\d{1,2}/\d{1,2}/\d{4}"
    rf"|\d{{1,2}}\.?\s+(?:{MONTH_PATTERN})\.?\s+\d{{4}}"
    rf"|(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})"
)
_TIME_TAIL = r"(?:\s*[,|–-]?\s*(?:um\s+|at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.|[a-z]{2,4}))?)?"
_WEEKDAY = rf"(?:(?:{_WEEKDAY_DE}|{_WEEKDAY_EN}),?\s*(?:den\s+|the\s+)?)?"
_DATELINE = re.compile(
    rf"^\s*(?:({_PUBLISHED_WORDS})|({_UPDATED_WORDS}))\s*[:,]?\s*(?:am\s+|on\s+)?{_WEEKDAY}{_DATE_ONLY}{_TIME_TAIL}"
    r"\s*\.?\s*$",
    re.I,
)
_BARE_DATELINE = re.compile(rf"^\s*{_WEEKDAY}{_DATE_ONLY}{_TIME_TAIL}\s*$", re.I)


def match_dateline(line: str, *, bare: bool = False) -> tuple[DateValue, str] | None:
    """(date, kind) for a line that only says when: kind "published", "updated" or "bare" (a date alone on
    its line, only looked for when `bare`)."""
    m = _DATELINE.match(line)
    if m:
        found = parse_date(m.group(3))
        return (found, "published" if m.group(1) else "updated") if found else None
    if bare:
        m = _BARE_DATELINE.match(line)
        if m:
            found = parse_date(m.group(1))
            return (found, "bare") if found else None
    return None


def find_dateline(text: str) -> tuple[DateValue, int, str] | None:
    """A line that only says when the article appeared, among the first 8 or last 5 lines: (date, line index,
    kind). A publication line wins over an update line ("Stand:"); a date alone on a line counts near the top."""
    lines = text.split("\n")
    best: tuple[int, DateValue, int, str] | None = None
    rank = {"published": 0, "bare": 1, "updated": 2}
    for n in [*range(min(8, len(lines))), *range(max(8, len(lines) - 5), len(lines))]:
        found = match_dateline(lines[n], bare=n < 8)
        if found and (best is None or rank[found[1]] < best[0]):
            best = (rank[found[1]], found[0], n, found[1])
    return (best[1], best[2], best[3]) if best else None


def date_from_text(text: str) -> DateValue | None:
    """A publication date only where the text dates itself relative to its publication.

    "gestern, am 29. Oktober 2025" means the article appeared on 30 October 2025; "heute, am …" that very day.
    Dates merely mentioned in the text (events, links) are never taken.
    """
    best: tuple[int, dt.date] | None = None
    for m in _REL_DE.finditer(text):
        word, day, month_name, month_num, year = m.groups()
        month = MONTHS.get(month_name.casefold().rstrip(".")) if month_name else int(month_num)
        found = _safe_date(int(year), month or 0, int(day))
        if found:
            best = (m.start(), found + dt.timedelta(days=_RELATIVE[word.casefold()]))
            break
    for m in _REL_EN.finditer(text):
        if best and m.start() > best[0]:
            break
        word = m.group(1)
        if m.group(2):
            month, day, year = MONTHS.get(m.group(2).casefold()), m.group(3), m.group(4)
        else:
            day, month, year = m.group(5), MONTHS.get(m.group(6).casefold()), m.group(7)
        found = _safe_date(int(year), month or 0, int(day))
        if found:
            best = (m.start(), found + dt.timedelta(days=_RELATIVE[word.casefold()]))
            break
    return (best[1], "day") if best else None


_ISO = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*$")
_ISO_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:T.*)?\s*$")
_DOTTED = re.compile(r"^\s*(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})\b")
_NAMED_DE = re.compile(rf"^\s*(?:{_WEEKDAY_DE},?\s*)?(\d{{1,2}})\.?\s*({MONTH_PATTERN})\.?\s+(\d{{4}})\b", re.I)
_NAMED_EN = re.compile(
    rf"^\s*(?:{_WEEKDAY_EN},?\s*)?({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I
)
_MONTH_YEAR = re.compile(rf"^\s*({MONTH_PATTERN})\.?\s+(\d{{4}})\s*$", re.I)


_NUMERIC = re.compile(r"^\s*(\d{1,2})([-/.])\s*(\d{1,2})\2\s*(\d{4})\b")


def _numeric_date(m: re.Match, day_first: bool | None) -> dt.date | None:
    """"01-11-2023": day first unless the numbers say otherwise; slashes are month first unless told."""
    a, sep, b, year = int(m.group(1)), m.group(2), int(m.group(3)), int(m.group(4))
    if a > 12:
        return _safe_date(year, b, a)
    if b > 12:
        return _safe_date(year, a, b)
    if day_first is None:
        day_first = sep != "/"
    return _safe_date(year, b, a) if day_first else _safe_date(year, a, b)


def parse_date(value: object, *, day_first: bool | None = None) -> DateValue | None:
    """A date field as found in JSON, feeds or HTML metadata; the calendar date as written, which for a
    timestamp with an offset is the local date where it was written ("2025-03-01T00:30+01:00" is 1 March).

    Numeric dates with dots are day first (German); with dashes or slashes the numbers decide when they
    can, else `day_first` (None: dashes day first, slashes month first as in American English)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date(), "day"
    if isinstance(value, dt.date):
        return value, "day"
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date(), "day"
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()[:100]
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        year, month, day = m.groups()
        if day:
            d = _safe_date(int(year), int(month), int(day))
            return (d, "day") if d else None
        if month:
            d = _safe_date(int(year), int(month), 1)
            return (d, "month") if d else None
        d = _safe_date(int(year), 1, 1)
        return (d, "year") if d else None
    m = _ISO_COMPACT.match(text)
    if m:
        d = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return (d, "day") if d else None
    m = _DOTTED.match(text)
    if m:
        d = _safe_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        return (d, "day") if d else None
    m = _NUMERIC.match(text)
    if m:
        d = _numeric_date(m, day_first)
        return (d, "day") if d else None
    m = _NAMED_DE.match(text)
    if m:
        d = _safe_date(int(m.group(3)), MONTHS[m.group(2).casefold()], int(m.group(1)))
        return (d, "day") if d else None
    m = _NAMED_EN.match(text)
    if m:
        d = _safe_date(int(m.group(3)), MONTHS[m.group(1).casefold()], int(m.group(2)))
        return (d, "day") if d else None
    m = _MONTH_YEAR.match(text)
    if m:
        d = _safe_date(int(m.group(2)), MONTHS[m.group(1).casefold()], 1)
        return (d, "month") if d else None
    try:  # RFC 822 as in RSS: "Wed, 22 Jan 2025 10:00:00 +0100"
        parsed = email.utils.parsedate_to_datetime(text)
        if parsed is not None:
            return parsed.date(), "day"
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser_span(text)


def _dateparser_span(text: str) -> DateValue | None:
    """Last resort for a short date field, languages fixed (dateparser misreads words on long texts)."""
    if len(text) > 60 or not re.search(r"\d{4}", text):
        return None
    try:
        import dateparser

        parsed = dateparser.parse(
            text,
            languages=["en", "de"],
            settings={
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False,
            },
        )
    except Exception:
        return None
    return (parsed.date(), "day") if parsed else None


# --- language ----------------------------------------------------------------------------------------

# py3langid's full model (97+ languages). Its codes are ISO 639-1 where one exists; regional varieties it
# tells apart are folded into their macro-language, and "zxx" (no language) means none.
_FOLD = {"ary": "ar", "arz": "ar", "uzs": "uz", "gug": "gn", "wuu": "zh", "yue": "zh", "sdh": "ku", "ltg": "lv"}
_identifier = None
_lock = threading.Lock()


def _get_identifier():
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return _identifier


def _sample(text: str) -> str:
    return re.sub(r"https?://\S+", " ", text[:2500])


def language_ranking(text: str) -> list[tuple[str, float]]:
    """(code, probability) best first; [] when there is too little text to tell."""
    sample = _sample(text)
    if len(re.findall(r"[^\W\d_]{2,}", sample)) < 3:
        return []
    ranked: dict[str, float] = {}
    for lang, prob in _get_identifier().rank(sample)[:8]:
        code = _FOLD.get(str(lang), str(lang))
        if code != "zxx":
            ranked[code] = ranked.get(code, 0.0) + float(prob)
    return sorted(ranked.items(), key=lambda item: -item[1])


def detect_language(text: str) -> tuple[str, float]:
    """ISO 639-1 code and confidence, from a prefix of the text; ("", 0.0) when there is too little text."""
    ranking = language_ranking(text)
    return ranking[0] if ranking else ("", 0.0)


def normalize_language(value: object) -> str:
    """'de-DE', 'de_DE', 'German'? → 'de'; '' when not a language code."""
    if not isinstance(value, str):
        return ""
    m = re.match(r"^\s*([A-Za-z]{2})(?:[-_][A-Za-z0-9]+)*\s*$", value)
    return m.group(1).lower() if m else ""


def choose_language(declared: object, body: str) -> str:
    """The language the text is written in. The declared one (a page's `lang`, a feed's or JSON field) is
    a hint: it decides a close call between related languages (Bosnian or Croatian) and stands for texts
    too short to tell, but a template's default never outvotes the text."""
    code = normalize_language(declared)
    ranking = language_ranking(body)
    if not ranking:
        return code
    best, best_prob = ranking[0]
    if not code or code == best:
        return best
    declared_prob = dict(ranking).get(code, 0.0)
    if declared_prob >= best_prob / 3 or (len(body) < 200 and best_prob < 0.99):
        return code
    return best


# --- publisher and links -----------------------------------------------------------------------------


def site_of(url: str | None) -> str | None:
    """'spiegel.de' from 'https://www.spiegel.de/…'."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    host = host.lower().rstrip(".")
    for prefix in ("www.", "www2.", "m.", "amp.", "mobile."):
        if host.startswith(prefix) and host.count(".") >= 2:
            host = host[len(prefix) :]
            break
    return host or None


_URL = re.compile(r"https?://[^\s<>\"'`\]\[{}|\\^]+", re.I)
_TRAIL = ".,;:!?…)»«“”„‘’'\""


def clean_url(url: object) -> str | None:
    """An absolute http(s) URL or None. NUL bytes are dropped (PostgreSQL refuses them in text, as the body's
    are); any other control character makes the URL invalid."""
    if not isinstance(url, str):
        return None
    url = url.replace("\x00", "").strip().rstrip(_TRAIL)
    if not re.match(r"^https?://[^/\s]+\.[^/\s]+", url, re.I) or re.search(r"[\s\x00-\x1f\x7f]", url):
        return None
    if url.count(")") > url.count("(") and url.endswith(")"):
        url = url.rstrip(")")
    try:
        if not urlsplit(url).hostname:
            return None
    except ValueError:
        return None
    return url[:2000]


def urls_in_text(text: str) -> list[str]:
    out = []
    for m in _URL.finditer(text):
        url = m.group(0)
        while url and url[-1] in _TRAIL:
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
        cleaned = clean_url(url)
        if cleaned:
            out.append(cleaned)
    return out


def dedupe_urls(urls: Iterable[str | None], exclude: str | None = None) -> list[str]:
    seen: set[str] = set()
    out = []
    for url in urls:
        if not url:
            continue
        key = url.rstrip("/")
        if key in seen or (exclude and key == exclude.rstrip("/")):
            continue
        seen.add(key)
        out.append(url)
    return out
