"""The figures of an article body with their positions and sentences, read with extraction's own reader.

The only place the checks call into extraction (pure functions, no ORM), so a move of the extraction
modules changes one import here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from articles.extraction import numbers
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
    body: str, language: str, stored: Sequence[StoredFigure] = ()
) -> tuple[list[Figure], list[tuple[int, int]]]:
    """Every figure in `body` in text order, each tied to the stored claim that holds it (if any), and the
    sentence spans. A figure an editor corrected no longer matches its claim and is left without one."""
    lang = "de" if (language or "de").startswith("de") else "en"
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
        figures.append(Figure(start=mention.start, end=mention.end, value=qty.value, unit=unit, bound=qty.bound,
                              high=qty.high, per_item=mention.per_item, claim_id=claim_id,
                              text=body[mention.start : mention.end]))
    return figures, split_sentences(body, lang)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(abs(a), abs(b), 1.0)


def _nearest_currency(body: str, pos: int) -> str | None:
    best = None
    for m in numbers.MONEY_CONTEXT_RE.finditer(body, max(0, pos - 800), pos):
        best = m
    return numbers.CURRENCY_WORDS.get(best.group(0).lower()) if best else None
