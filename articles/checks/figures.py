"""The figures of an article body with their positions and sentences, read with extraction's own reader.

The only place the checks call into extraction (pure functions, no ORM), so a move of the extraction
modules changes one import here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from articles.extraction import numbers
from articles.extraction.dates import find_date
from articles.extraction.extract import split_sentences

from .types import Figure


@dataclass(frozen=True)
class StoredFigure:
    """A claim's quantity as stored: the claim's span holds the figure."""

    claim_id: int
    span_start: int
    span_end: int
    value: float
    unit: str


def read_figures(
    body: str, language: str, stored: Sequence[StoredFigure] = (), published_on: dt.date | None = None
) -> tuple[list[Figure], list[tuple[int, int]]]:
    """Every figure in `body` in text order, each tied to the stored claim that holds it (if any), and the
    sentence spans. A figure an editor corrected no longer matches its claim and is left without one.

    A figure's `said_on` is the day its sentence names ("gestern, am 29. Oktober"), never after the article's
    date; None when the sentence names none (the caller falls back to the claim's or the article's date)."""
    lang = "de" if (language or "de").startswith("de") else "en"
    sentences = split_sentences(body, lang)
    sentence_dates: dict[int, dt.date | None] = {}
    default_cur = numbers.dominant_currency(body)
    figures: list[Figure] = []
    for mention in numbers.find_figures(body, lang, money_context=default_cur is not None,
                                        default_currency=default_cur or "USD"):
        qty = mention.quantity
        unit = qty.unit
        if qty.unit_inferred:
            unit = _nearest_currency(body, mention.start) or unit
        claim_id = next((s.claim_id for s in stored
                         if s.span_start <= mention.start < s.span_end and s.unit == unit
                         and _close(s.value, qty.value)), None)
        span = next(((s, e) for s, e in sentences if s <= mention.start < e), None)
        if span is not None and span[0] not in sentence_dates:
            sentence_dates[span[0]] = _named_date(body[span[0] : span[1]], lang, published_on)
        figures.append(Figure(start=mention.start, end=mention.end, value=qty.value, unit=unit, bound=qty.bound,
                              high=qty.high, per_item=mention.per_item, claim_id=claim_id,
                              text=body[mention.start : mention.end],
                              said_on=sentence_dates.get(span[0]) if span else None))
    return figures, sentences


def _named_date(sentence: str, language: str, published_on: dt.date | None) -> dt.date | None:
    found = find_date(sentence, language, published_on)
    if found is None or (published_on is not None and found > published_on):
        return None  # a deadline ahead ("bis Ende 2030") is not when the figure was said
    return found


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _nearest_currency(body: str, pos: int) -> str | None:
    best = None
    for m in numbers.MONEY_CONTEXT_RE.finditer(body, max(0, pos - 800), pos):
        best = m
    return numbers.CURRENCY_WORDS.get(best.group(0).lower()) if best else None
