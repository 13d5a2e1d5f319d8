"""Sentence spans of an article body: where a sentence starts and ends, abbreviations and ordinals kept inside."""

from __future__ import annotations

import re

from articles.lexicon import both

ABBREV = frozenset(both("ABBREVIATIONS"))

SENT_END = re.compile(r"[.!?…]+[\"“”»«‘’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w]+)$")


def split_sentences(body: str, language: str = "de") -> list[tuple[int, int]]:
    """Sentence spans (start, end) over the whole body.

    A line break ends a sentence, except in hard-wrapped text: a line that stops mid-sentence and is followed
    by a line going on in lower case is joined with it. In German a number with a point is an ordinal or a
    date ("21. Jahrhundert", "6. Nov.") unless it has four digits (a year ending the sentence).
    """
    german = language.startswith("de")
    spans: list[tuple[int, int]] = []
    for line_start, line in _blocks(body):
        cut = 0
        for m in SENT_END.finditer(line):
            end = m.end()
            nxt = line[end:].lstrip()
            if not nxt:
                continue
            c = nxt[0]
            if not (c.isupper() or c.isdigit() or c in "„“\"»(‚'"):
                continue
            if m.start() > 0 and line[m.start() - 1] == "(":
                continue  # "(!)" inside a sentence
            if m.group(0)[0] == ".":
                w = _WORD_BEFORE.search(line, 0, m.start())
                if w and (
                    w.group(1).lower() in ABBREV
                    or (w.group(1).isdigit() and german and len(w.group(1)) < 4)
                    or (len(w.group(1)) == 1 and w.group(1).isupper())
                ):
                    continue
            _add_span(spans, line, line_start, cut, end)
            cut = end
        _add_span(spans, line, line_start, cut, len(line))
    return spans


_WRAPPED = re.compile(r"[^\s.!?:;…\"“”»«)]\n(?=[ \t]*[a-zäöüß])")


def _blocks(body: str) -> list[tuple[int, str]]:
    """(offset, text) of each line, hard-wrapped lines joined (the newline stays inside the text)."""
    joins = {m.start() + 1 for m in _WRAPPED.finditer(body)}
    out: list[tuple[int, str]] = []
    start = 0
    for i, ch in enumerate(body):
        if ch == "\n" and i not in joins:
            out.append((start, body[start:i]))
            start = i + 1
    out.append((start, body[start:]))
    return out


BULLET = re.compile(r"^\s*(?:[-–•*|>]+\s+|\d{1,2}[.)]\s+(?=\D))?")


def _add_span(spans: list[tuple[int, int]], line: str, offset: int, a: int, b: int) -> None:
    seg = line[a:b]
    lead = BULLET.match(seg).end() if a == 0 else len(seg) - len(seg.lstrip())
    seg = seg[lead:]
    lead += len(seg) - len(seg.lstrip())
    seg = seg.strip()
    if seg:
        spans.append((offset + a + lead, offset + a + lead + len(seg)))
