"""Plain-text articles: an optional `date …` header, an optional title line, then the body."""

from __future__ import annotations

import re

from .build import make_draft
from .clean import TITLE_MAX, first_sentence, normalize_text
from .meta import MONTH_PATTERN, parse_date
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


def split_header(text: str):
    """(date, rest) where date is the parsed `date …` header or None; the header never stays in the text."""
    m = _HEADER.match(text)
    if not m:
        return None, text
    return parse_date(m.group(1)), text[m.end() :]


def _is_title_line(line: str, following: list[str]) -> bool:
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
    # a hard-wrapped paragraph continues on the next line in lower case
    return not (directly_after and nxt.strip()[:1].islower())


def parse_text(text: str) -> ArticleDraft:
    text = normalize_text(text)
    published, text = split_header(text)
    text = normalize_text(text)
    lines = text.split("\n")
    title = None
    body = text
    if published is None and len(lines) > 2 and _HEADER.match(lines[1]):
        # the header on the line after the title: "Title\ndate 2025-03-01\n\nBody"
        published, rest = split_header(lines[1])
        lines = [lines[0], *([rest] if rest.strip() else []), *lines[2:]]
    if lines and _is_title_line(lines[0], lines[1:]):
        title = lines[0].strip()
        body = "\n".join(lines[1:])
    return make_draft(title=title, body=body, date=published)
