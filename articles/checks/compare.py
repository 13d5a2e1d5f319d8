"""One figure against another across currencies and units, for the judge that suggests links.

comparable(480e6, "EUR", date(2026, 6, 10), 554e6, "USD", date(2026, 6, 12)) gives b in a's unit and a reason
such as "€480m ≈ $554m at the ECB rate of 10 June 2026 — same figure"; None when the two do not measure the
same kind of thing (or a currency has no ECB rate on that day). Pure: the judge calls it with stored values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from . import currency, units
from .arithmetic import EXACT_TOLERANCE
from .types import CannotCheck

SAME_WITHIN = EXACT_TOLERANCE * 2  # two articles round a converted figure each their own way


@dataclass(frozen=True)
class Comparison:
    a_value: float
    b_value: float  # b converted into a's unit
    unit: str  # a's unit
    difference_pct: float | None  # (b − a) / a, after conversion
    rate: float | None  # the exchange rate used (a's currency per b's), None for units
    rate_date: dt.date | None
    reason: str  # one line for the suggestion

    @property
    def same(self) -> bool:
        return self.difference_pct is not None and abs(self.difference_pct) <= SAME_WITHIN * 100


def _day(d: dt.date | None) -> str:
    return f"{d.day} {d:%B %Y}" if d else ""


def comparable(a_value: float, a_unit: str, a_date: dt.date | None,
               b_value: float, b_unit: str, b_date: dt.date | None, *, reason: bool = True) -> Comparison | None:
    """b in a's unit; money converted at the ECB rate of the later date said (the rate both could know).
    `reason=False`: the comparison without its one-line reason (left empty), for the judge, which reads the reason
    only of figures that are the same (an import batch compares thousands of pairs across units; most differ)."""
    found = _compare(a_value, a_unit, a_date, b_value, b_unit, b_date)
    if found is None:
        return None
    cmp, how = found
    if not reason:
        return cmp
    return _with_reason(cmp, units.format_amount(a_value, a_unit), units.format_amount(b_value, b_unit), how())


def _compare(a_value: float, a_unit: str, a_date: dt.date | None, b_value: float, b_unit: str,
             b_date: dt.date | None) -> tuple[Comparison, Callable[[], str]] | None:
    """The comparison, and how b was converted (written only when asked)."""
    if a_unit == b_unit:
        diff = round((b_value - a_value) / abs(a_value) * 100, 1) if a_value else None
        return Comparison(a_value, b_value, a_unit, diff, None, None, ""), lambda: ""
    if currency.is_currency(a_unit) and currency.is_currency(b_unit):
        dates = [d for d in (a_date, b_date) if d is not None]
        if not dates:
            return None
        on = max(dates)
        try:
            conv = currency.convert_money(b_value, b_unit, a_unit, on)
        except CannotCheck:
            return None
        diff = round((conv.value - a_value) / abs(a_value) * 100, 1) if a_value else None
        note = f" ({conv.note})" if conv.note else ""
        return (Comparison(a_value, conv.value, a_unit, diff, conv.rate, conv.rate_date, ""),
                lambda: f"at the ECB rate of {_day(conv.rate_date)}{note}")
    if currency.is_currency(a_unit) or currency.is_currency(b_unit):
        return None
    try:
        converted = units.convert(b_value, b_unit, a_unit)
    except CannotCheck:
        return None
    diff = round((converted - a_value) / abs(a_value) * 100, 1) if a_value else None
    return (Comparison(a_value, converted, a_unit, diff, None, None, ""),
            lambda: f"= {units.format_amount(converted, a_unit)}")


def _with_reason(cmp: Comparison, a_text: str, b_text: str, how: str) -> Comparison:
    if cmp.same:
        verdict = "same figure"
    elif cmp.difference_pct is None:
        verdict = "cannot compare with zero"
    else:
        verdict = f"differs by {cmp.difference_pct:+.1f} %"
    sign = "≈" if cmp.same else "vs"
    converted = "" if cmp.rate is None else f" ({units.format_amount(cmp.b_value, cmp.unit)})"
    middle = f" {how}" if how else ""
    reason = f"{a_text} {sign} {b_text}{converted}{middle} — {verdict}"
    return Comparison(cmp.a_value, cmp.b_value, cmp.unit, cmp.difference_pct, cmp.rate, cmp.rate_date, reason)


def convertible(a_unit: str, b_unit: str) -> bool:
    """Whether figures in these units can be compared at all: two ECB currencies, or one physical dimension.
    For the candidate query, which today asks for the same unit."""
    if a_unit == b_unit:
        return True
    if currency.is_currency(a_unit) and currency.is_currency(b_unit):
        return currency.known_currency(a_unit) and currency.known_currency(b_unit)
    if currency.is_currency(a_unit) or currency.is_currency(b_unit):
        return False
    return units.same_dimension(a_unit, b_unit)
