"""Plain data produced by extraction: no ORM here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ClaimKind = Literal["figure", "quote", "statement"]
Bound = Literal["eq", "approx", "lt", "le", "gt", "ge", "range"]


@dataclass
class Quantity:
    value: float  # normalised: 5.1e12 for "5,1 Billionen"
    unit: str  # ISO 4217 for money, "%", SI symbol without prefix (W, Wh, m2, m3, kg), "d", "a", "count"
    bound: Bound = "eq"
    high: float | None = None  # only for bound == "range"
    unit_inferred: bool = False  # currency filled in from context


@dataclass
class ClaimDraft:
    kind: ClaimKind
    text: str  # the sentence (or quote) as it stands in the body
    start: int  # character span of `text` in the article body: body[start:end] == text
    end: int
    speaker: str | None = None  # canonical display name, e.g. "Mara Lindqvist"
    stated_on: dt.date | None = None
    # "stated": the text gives the day it was said; "reported": no day given, stated_on is the article's date
    stated_on_source: str = ""
    quantity: Quantity | None = None
    topic: str | None = None  # proposed topic label, e.g. "Nordhafen"; same label => same topic
    terms: list[str] = field(default_factory=list)  # salient names/terms around the claim
