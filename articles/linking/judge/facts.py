"""What the judge is given (ClaimFacts), what it answers (Suggestion), and the thresholds it decides by."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from articles.extraction.types import Quantity

RELATIONS = ("contradicts", "same", "supports", "updates")


@dataclass
class ClaimFacts:
    """What the database gives the judge for one stored claim."""

    id: int
    article_id: int
    kind: str
    text: str
    speaker: str | None
    stated_on: dt.date | None
    published_on: dt.date | None  # the article's date
    quantity: Quantity | None
    topic: str | None
    terms: list[str] = field(default_factory=list)
    language: str = "de"


@dataclass
class Suggestion:
    relation: str  # contradicts | same | supports | updates
    score: float  # 0..1
    reason: str  # one line for an editor


MIN_SCORE = 0.5
SAME_TOL = 0.03  # "the same figure": values within 3 %
FAR_APART = 8.0  # "cannot both hold": one at least 8x the other
MAX_APART = 1000.0  # ...but not so far apart that they cannot be one measure
MAX_UPDATE = 3.0  # a later figure for the same measure moves by less than 3x
HEDGED = {"lt", "le", "approx"}  # "under 10 bn", "about 10 bn": the figure that questions a bigger one
UPPER = {"lt", "le"}
LOWER = {"gt", "ge"}
