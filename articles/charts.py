"""The figure chart of a topic: every claimed figure as a mark at its date and normalised value, one panel per
unit, bounds drawn as arrows ("under", "over") or ranges, colour by rating, contradicting claims joined.

Pure geometry: claims in, panels of coordinates out; `templates/charts/figure_chart.html` draws them as
inline SVG (no script, no inline style: colours come from classes in site.css) followed by a data table,
its text alternative. The editors' topic workspace can include the same template.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from articles import formatting
from articles.models import Claim

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 84, 24, 16, 36
ARROW = 22  # length of a bound's arrow, in pixels
UNIT_ORDER = ["USD", "EUR", "%"]


@dataclass
class Mark:
    claim: Claim
    x: float
    y: float
    y_high: float | None = None  # a range's upper end
    arrow: str = ""  # "up" (over / at least) or "down" (under / up to)
    figure: str = ""  # the claim's figure and date as readers of the language write them
    day: str = ""

    @property
    def css(self) -> str:
        return f"mark verdict-{self.claim.verdict or 'none'}"

    @property
    def arrow_end(self) -> float:
        return self.y - ARROW if self.arrow == "up" else self.y + ARROW

    @property
    def arrow_head(self) -> str:
        tip = self.arrow_end + (-4 if self.arrow == "up" else 4)
        base = self.arrow_end
        return f"{self.x - 5:.1f},{base:.1f} {self.x + 5:.1f},{base:.1f} {self.x:.1f},{tip:.1f}"


@dataclass
class Tick:
    pos: float
    label: str


@dataclass
class Panel:
    unit: str
    title: str
    marks: list[Mark] = field(default_factory=list)
    joins: list[tuple[Mark, Mark]] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    log_scale: bool = False
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT
    top: int = TOP
    bottom_edge: int = HEIGHT - BOTTOM


def _unit_title(unit: str) -> str:
    from django.utils.translation import gettext

    names = {"USD": gettext("US dollars"), "EUR": gettext("euros"), "%": gettext("per cent"),
             "count": gettext("count")}
    return names.get(unit, unit)


def _value_label(unit: str, value: float) -> str:
    if unit in formatting.SI_UNITS:
        return formatting.si_amount(value, unit)
    amount = formatting.number(value)
    if unit in ("USD", "EUR"):
        return formatting.money(unit, amount)
    if unit in ("count", ""):
        return amount
    return f"{amount}\u00a0{formatting.UNIT_SYMBOLS.get(unit, unit)}"


def _scale(values: list[float]) -> tuple[bool, float, float]:
    low, high = min(values), max(values)
    if low > 0 and high / low >= 20:
        return True, 10 ** math.floor(math.log10(low)), 10 ** math.ceil(math.log10(high))
    low = min(0.0, low)
    if high == low:
        high = low + 1 if high == 0 else high * 1.2
    return False, low, high * 1.1


def _y_ticks(log: bool, low: float, high: float) -> list[float]:
    if log:
        return [10.0**e for e in range(round(math.log10(low)), round(math.log10(high)) + 1)]
    step = 10 ** math.floor(math.log10((high - low) / 4 or 1))
    for factor in (1, 2, 5, 10):
        if (high - low) / (step * factor) <= 5:
            step *= factor
            break
    first = math.ceil(low / step) * step
    return [first + i * step for i in range(int((high - first) / step) + 1)]


def _panel(unit: str, claims: list[Claim], contradictions: set[frozenset[int]]) -> Panel:
    panel = Panel(unit=unit, title=_unit_title(unit))
    dates = [c.said_on for c in claims]
    first, last = min(dates), max(dates)
    pad = dt.timedelta(days=max(2, (last - first).days // 12))  # keep marks off the axes
    first, last = first - pad, last + pad
    span = (last - first).days
    values = [c.quantity_value for c in claims] + [c.quantity_high for c in claims if c.quantity_high is not None]
    log, low, high = _scale(values)
    panel.log_scale = log
    plot_w, plot_h = panel.right_edge - panel.left, panel.bottom_edge - panel.top

    def x_of(day: dt.date) -> float:
        return panel.left + plot_w * (day - first).days / span

    def y_of(value: float) -> float:
        if log:
            share = (math.log10(value) - math.log10(low)) / (math.log10(high) - math.log10(low))
        else:
            share = (value - low) / (high - low)
        return panel.bottom_edge - plot_h * share

    by_id: dict[int, Mark] = {}
    for claim in claims:
        mark = Mark(claim=claim, x=round(x_of(claim.said_on), 1), y=round(y_of(claim.quantity_value), 1),
                    figure=formatting.quantity(claim), day=formatting.day(claim.said_on))
        if claim.quantity_bound == "range" and claim.quantity_high is not None:
            mark.y_high = round(y_of(claim.quantity_high), 1)
        elif claim.quantity_bound in ("lt", "le"):
            mark.arrow = "down"
        elif claim.quantity_bound in ("gt", "ge"):
            mark.arrow = "up"
        panel.marks.append(mark)
        by_id[claim.pk] = mark
    for pair in contradictions:
        a, b = sorted(pair)
        if a in by_id and b in by_id:
            panel.joins.append((by_id[a], by_id[b]))
    panel.y_ticks = [Tick(round(y_of(v), 1), _value_label(unit, v)) for v in _y_ticks(log, low, high)]
    shown = sorted({min(dates), max(dates), min(dates) + (max(dates) - min(dates)) / 2})
    panel.x_ticks = [Tick(round(x_of(d), 1), formatting.day(d)) for d in shown]
    return panel


def figure_chart(claims: list[Claim], contradicting_pairs: list[tuple[int, int]]) -> list[Panel]:
    """One panel per unit for the claims that have a figure and a date; oldest first left to right."""
    pairs = {frozenset(p) for p in contradicting_pairs}
    by_unit: dict[str, list[Claim]] = {}
    for claim in sorted(claims, key=lambda c: (c.said_on or dt.date.min, c.pk)):
        if claim.quantity_value is None or claim.said_on is None:
            continue
        if not (math.isfinite(claim.quantity_value)):
            continue
        by_unit.setdefault(claim.quantity_unit or "count", []).append(claim)
    order = sorted(by_unit, key=lambda u: (UNIT_ORDER.index(u) if u in UNIT_ORDER else len(UNIT_ORDER), u))
    return [_panel(unit, by_unit[unit], pairs) for unit in order]
