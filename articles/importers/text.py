"""Plain-text articles: optional header lines, an optional title line, then the body.

Header lines (any order, at the top, before or after the title line) are metadata, never the title and
never the body:

- a `date …` header, which may run on into the title line ("date 2025-11-14 Title…");
- date lines: "Stand: 29.10.2025", "Published: May 3, 2025", "Veröffentlicht am 3. Mai 2025",
  "Updated 2025-05-04", a date alone on its line, an ISO timestamp. A publication date wins over an
  update date ("Stand:", "Updated");
- `key: value` lines: title/titel, url/link, author/autor, by/von, source/quelle, publisher/verlag,
  language/sprache, date/datum. A `source:` that is a URL is the article's URL, otherwise its publisher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .build import make_draft
from .clean import TITLE_MAX, first_sentence, normalize_text
from .meta import MONTH_PATTERN, DateValue, clean_url, match_dateline, parse_date
from .types import ArticleDraft

# " date 2025-12-01", "date: 2025-01", "Date 2025" – may run together with the title on the same line.
_HEADER = re.compile(
    r"\A[ \t]*(?:date|datum)[ \t]*[:=]?[ \t]*"
    r"(\d{4}-\d{1,2}-\d{1,2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?|\d{4}-\d{1,2}|\d{4}|\d{1,2}\.\d{1,2}\.\d{4}"
    rf"|\d{{1,2}}\.?\s+(?:{MONTH_PATTERN})\.?\s+\d{{4}}|(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?:{MONTH_PATTERN})\s+\d{{4}})"
    r"(?=[\s,;.:|–-]|\Z)[ \t]*[,;|–-]?[ \t]*",
    re.I,
)

# `key: value` header lines; the keys newsroom exports and front matter use, German and English
_FIELDS = {
    "title": "title",
    "titel": "title",
    "headline": "title",
    "überschrift": "title",
    "url": "url",
    "link": "url",
    "permalink": "url",
    "author": "author",
    "authors": "author",
    "autor": "author",
    "autorin": "author",
    "autoren": "author",
    "by": "author",
    "von": "author",
    "source": "source",
    "quelle": "source",
    "publisher": "publisher",
    "verlag": "publisher",
    "herausgeber": "publisher",
    "outlet": "publisher",
    "medium": "publisher",
    "language": "language",
    "lang": "language",
    "sprache": "language",
    "date": "date",
    "datum": "date",
}
_KEY_LINE = re.compile(rf"^\s*({'|'.join(_FIELDS)})\s*:\s*(\S.{{0,1999}}?)\s*$", re.I)
# "Von Anna Berg", "By Jane Doe and John Roe": a byline of capitalised names on its own line
_BYLINE = re.compile(
    r"^\s*(?:[Vv]on|VON|[Bb]y|BY)\s+((?:[A-ZÄÖÜ][\w.'’-]*\s*){1,4}(?:(?:und|and|&|,)\s*(?:[A-ZÄÖÜ][\w.'’-]*\s*){1,4})*)$"
)
_HEADER_SCAN = 12  # header lines are looked for among this many first lines
_DATE_RANK = {"published": 0, "bare": 1, "updated": 2}


@dataclass
class Header:
    date: DateValue | None = None
    date_rank: int = 9
    fields: dict[str, str] = field(default_factory=dict)

    def add_date(self, value: DateValue, kind: str) -> None:
        if _DATE_RANK[kind] < self.date_rank:
            self.date, self.date_rank = value, _DATE_RANK[kind]


def split_header(text: str):
    """(date, rest) where date is the parsed `date …` header or None; the header never stays in the text."""
    m = _HEADER.match(text)
    if not m:
        return None, text
    return parse_date(m.group(1)), text[m.end() :]


def _read_header_line(line: str, header: Header) -> bool:
    """Record a header line's metadata; False when the line is not a header line."""
    s = line.strip()
    m = _HEADER.match(s)
    if m and m.end() == len(s) and parse_date(m.group(1)):  # "date 2025-03": month precision kept
        header.add_date(parse_date(m.group(1)), "published")  # type: ignore[arg-type]
        return True
    dateline = match_dateline(s, bare=True)
    if dateline:
        header.add_date(*dateline)
        return True
    m = _KEY_LINE.match(s)
    if m:
        key, value = _FIELDS[m.group(1).casefold()], m.group(2)
        if key == "date":
            found = parse_date(value)
            if not found:
                return False
            header.add_date(found, "published")
        elif key == "source" and clean_url(value):
            header.fields.setdefault("url", value)
        elif key == "source":
            header.fields.setdefault("publisher", value)
        elif key == "url" and not clean_url(value):
            return False
        else:
            header.fields.setdefault(key, value)
        return True
    m = _BYLINE.match(s)
    if m and len(s) <= 80:
        header.fields.setdefault("author", m.group(1).strip())
        return True
    return False


def read_header(lines: list[str]) -> tuple[Header, str | None, list[str]]:
    """(header, title line seen among the header lines or None, the remaining lines)."""
    header = Header()
    title = None
    used: set[int] = set()
    scan = lines[:_HEADER_SCAN]
    for n, line in enumerate(scan):
        if not line.strip():
            continue
        if _read_header_line(line, header):
            used.add(n)
            continue
        # one title line may stand among header lines ("Title\nStand: …\n\nBody")
        following = next((f for f in scan[n + 1 :] if f.strip()), None)
        if (
            title is None
            and following is not None
            and _read_header_line(following, Header())
            and _is_title_line(line, lines[n + 1 :], before_header=True)
        ):
            title = line.strip()
            used.add(n)
            continue
        break
    if not used:
        return header, None, lines
    rest = [line for n, line in enumerate(lines) if n not in used]
    return header, title, rest


def _is_title_line(line: str, following: list[str], *, before_header: bool = False) -> bool:
    s = line.strip()
    if not s or len(s) > TITLE_MAX or not re.search(r"\w", s):
        return False
    if not any(f.strip() for f in following):
        return False  # nothing after it: it is the article
    if re.search(r"[.,;:]$", s) and not s.endswith("..."):
        return False  # a sentence of the body, not a headline
    if first_sentence(s) != s:
        return False  # several sentences: the first paragraph
    nxt = next((f for f in following if f.strip()), "")
    directly_after = following[0].strip() != "" if following else False
    # a hard-wrapped paragraph continues on the next line in lower case (a header line does not count)
    return before_header or not (directly_after and nxt.strip()[:1].islower())


def parse_text(text: str) -> ArticleDraft:
    text = normalize_text(text)
    published, text = split_header(text)
    text = normalize_text(text)
    header, title, lines = read_header(text.split("\n"))
    lines = normalize_text("\n".join(lines)).split("\n")
    if published is None:
        published = header.date
    title = header.fields.get("title") or title
    body = "\n".join(lines)
    if title is None and lines and _is_title_line(lines[0], lines[1:]):
        title = lines[0].strip()
        body = "\n".join(lines[1:])
    return make_draft(
        title=title,
        body=body,
        date=published,
        url=header.fields.get("url"),
        publisher=header.fields.get("publisher"),
        language=header.fields.get("language"),
        author=header.fields.get("author"),
    )
