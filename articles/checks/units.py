"""Physical quantities through `pint`: the stored units mapped to pint's, products, and readable amounts."""

from __future__ import annotations

import functools
import math

import pint

from .currency import is_currency
from .types import CannotCheck

# Claim.quantity_unit (SI symbols without prefixes, see interfaces.md) → pint's spelling; anything else is
# handed to pint as written ("km", "mi", "t"), so an editor's own unit works when pint knows it.
_STORED = {"W": "watt", "Wh": "watt_hour", "m2": "meter**2", "m3": "meter**3", "kg": "kilogram", "t": "tonne",
           "km": "kilometer", "m": "meter", "d": "day", "a": "year", "count": "dimensionless", "%": "percent",
           "miles": "mile", "mi": "mile", "h": "hour", "km2": "kilometer**2", "ha": "hectare", "l": "liter"}
# the unit a result is written in, per dimension (pint's compact SI prefixes are added on top)
_DISPLAY = {"W": "W", "Wh": "Wh", "m2": "m²", "m3": "m³", "kg": "kg", "count": "", "%": "%", "d": "days",
            "a": "years"}


@functools.cache
def registry() -> pint.UnitRegistry:
    return pint.UnitRegistry()


@functools.lru_cache(maxsize=1024)
def _pint_units(unit: str) -> pint.Unit | str:
    """pint's unit for a stored unit, or why there is none (parsing it costs ~0.5 ms; the judge asks per pair)."""
    ureg = registry()
    if is_currency(unit):
        return f"{unit} is money: convert it with the ECB rates, not as a unit"
    try:
        return ureg(_STORED.get(unit, unit)).units
    except (pint.errors.UndefinedUnitError, AttributeError, ValueError, TypeError):
        return f"unknown unit {unit!r}"


def quantity(value: float, unit: str) -> pint.Quantity:
    """A stored figure as a pint quantity; a currency is a unit of its own (never converted here)."""
    units = _pint_units(unit)
    if isinstance(units, str):
        raise CannotCheck(units)
    return registry().Quantity(value, units)


def same_dimension(a_unit: str, b_unit: str) -> bool:
    try:
        return quantity(1, a_unit).dimensionality == quantity(1, b_unit).dimensionality
    except CannotCheck:
        return False


@functools.lru_cache(maxsize=1024)
def _convertible(source: str, target: str) -> bool:
    """Whether pint converts `source` into `target` at all (whatever the value); raises CannotCheck for a unit
    it does not know. Cached: most pairs the judge asks about are of different dimensions (W and jobs)."""
    try:
        quantity(1, source).to(quantity(1, target).units)
    except pint.errors.DimensionalityError:
        return False
    return True


def convert(value: float, source: str, target: str) -> float:
    """`value` in `source` expressed in `target` ("12 ha" → 120000 m2); CannotCheck when they do not convert."""
    if not _convertible(source, target):
        raise CannotCheck(f"{source} and {target} measure different things")
    return float(quantity(value, source).to(quantity(1, target).units).magnitude)


def multiply(a_value: float, a_unit: str, b_value: float, b_unit: str, target: str) -> float:
    """(a × b) in `target`: "20 million cars × 1 kW" in W; CannotCheck when the product is not a `target`."""
    product = quantity(a_value, a_unit) * quantity(b_value, b_unit)
    try:
        return float(product.to(quantity(1, target).units).magnitude)
    except pint.errors.DimensionalityError as error:
        raise CannotCheck(f"{a_unit} × {b_unit} is not a {target}") from error


_MONEY_SCALES = [(1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")]
_COUNT_SCALES = [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")]  # "3,000 jobs", not "3 thousand"


def _digits(value: float) -> str:
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    text = f"{value:.3g}" if abs(value) < 1000 else f"{value:,.0f}"
    return text.replace("e+0", "e").replace("e+", "e")


def format_amount(value: float, unit: str) -> str:
    """A figure as an editor reads it: "4.38 tn EUR", "20 GW", "120,000 m²", "20 million"."""
    if is_currency(unit) or unit == "count":
        scales = _MONEY_SCALES if unit != "count" else _COUNT_SCALES
        for factor, word in scales:
            if abs(value) >= factor:
                amount = f"{_digits(value / factor)} {word}"
                break
        else:
            amount = _digits(value)
        return amount if unit == "count" else f"{amount} {unit}"
    if unit in ("W", "Wh"):
        for factor, prefix in [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]:
            if abs(value) >= factor:
                return f"{_digits(value / factor)} {prefix}{unit}"
        return f"{_digits(value)} {unit}"
    return f"{_digits(value)} {_DISPLAY.get(unit, unit)}".strip()
