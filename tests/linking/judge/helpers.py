"""Claim facts for the judge's unit tests: short sentences in our own words about invented places and firms
(the Velmar group, the town of Korrin, the lake Arnsee)."""

from __future__ import annotations

import datetime as dt

from articles.extraction.types import Quantity
from articles.linking.judge import ClaimFacts

MARCH = dt.date(2024, 3, 12)
JUNE = dt.date(2024, 6, 12)
OCTOBER = dt.date(2024, 10, 8)


def claim(
    id: int,
    article: int,
    value: float | None = None,
    unit: str = "EUR",
    bound: str = "eq",
    *,
    kind: str = "figure",
    text: str = "",
    speaker: str | None = None,
    stated_on: dt.date | None = None,
    published_on: dt.date | None = JUNE,
    topic: str | None = "Velmar",
    terms: tuple[str, ...] = ("velmar", "korrin"),
    language: str = "de",
    high: float | None = None,
) -> ClaimFacts:
    q = Quantity(value, unit, bound, high) if value is not None else None
    return ClaimFacts(
        id=id, article_id=article, kind=kind, text=text or f"Satz {id}.", speaker=speaker, stated_on=stated_on,
        published_on=published_on, quantity=q, topic=topic, terms=list(terms), language=language,
    )
