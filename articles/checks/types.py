"""Plain data the pure check modules take and return."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

CheckKind = Literal["currency", "units", "arithmetic"]
CheckStatus = Literal["consistent", "inconsistent", "unchecked"]


class CannotCheck(Exception):
    """A conversion or computation that cannot be made; the message says why, for the editor."""


@dataclass(frozen=True)
class Figure:
    """One figure of an article: where it stands in the body, and its normalised quantity."""

    start: int
    end: int
    value: float
    unit: str  # as stored on Claim.quantity_unit: ISO 4217, "W", "Wh", "m2", "m3", "kg", "count", "%", "d", "a"
    bound: str = "eq"
    high: float | None = None
    per_item: bool = False
    claim_id: int | None = None
    said_on: dt.date | None = None  # the claim's date said, else the article's
    text: str = ""  # the figure as written ("12 Hektar")


@dataclass
class CheckDraft:
    """A recomputation: `stated` is what the text says, `computed` what the other figures give."""

    kind: CheckKind
    expression: str  # the computation written out
    status: CheckStatus
    stated: float | None
    computed: float | None
    unit: str
    difference_pct: float | None
    claim_id: int | None  # the claim whose figure is checked (the stated one)
    operand_claim_ids: list[int] = field(default_factory=list)
    values: dict = field(default_factory=dict)  # the inputs, for the export

    @property
    def signature(self) -> str:
        """Identifies the check across re-extractions: same kind, same figures."""
        return f"{self.kind}:{self.claim_id}:{','.join(map(str, sorted(self.operand_claim_ids)))}"
