"""What the judge is given (ClaimFacts), what it answers (Suggestion), and the thresholds it decides by."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

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
    terms: tuple[str, ...] = ()  # a list given is kept as a tuple: the judge's caches are keyed by it
    language: str = "de"

    def __post_init__(self) -> None:
        self.terms = tuple(self.terms)


class Suggestion:
    """How a new claim relates to an earlier one: the relation (contradicts | same | supports | updates), a score
    (0..1) and the one line an editor reads.

    A rule may give the line as a function that writes it: it is written when first read. Only the few
    suggestions kept for a claim are ever read, and at scale half of the pairs judged are suggestions
    (the same round figure in many articles), so most lines would be written for nothing."""

    __slots__ = ("_reason", "relation", "score")

    def __init__(self, relation: str, score: float, reason: str | Callable[[], str]) -> None:
        self.relation, self.score, self._reason = relation, score, reason

    @property
    def reason(self) -> str:
        if not isinstance(self._reason, str):
            self._reason = self._reason()
        return self._reason

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Suggestion):
            return NotImplemented
        return (self.relation, self.score, self.reason) == (other.relation, other.score, other.reason)

    __hash__ = None  # type: ignore[assignment]  # compared by value, as the dataclass it was

    def __repr__(self) -> str:
        return f"Suggestion({self.relation!r}, {self.score!r}, {self.reason!r})"


MIN_SCORE = 0.5
SAME_TOL = 0.03  # "the same figure": values within 3 %
FAR_APART = 8.0  # "cannot both hold": one at least 8x the other
MAX_APART = 1000.0  # ...but not so far apart that they cannot be one measure
MAX_UPDATE = 3.0  # a later figure for the same measure moves by less than 3x
HEDGED = {"lt", "le", "approx"}  # "under 10 bn", "about 10 bn": the figure that questions a bigger one
UPPER = {"lt", "le"}
LOWER = {"gt", "ge"}
