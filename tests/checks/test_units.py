"""Physical quantities convert and multiply through pint."""

from __future__ import annotations

import pytest

from articles.checks.types import CannotCheck
from articles.checks.units import convert, format_amount, multiply


def test_a_count_times_power_each_is_power():
    assert multiply(20e6, "count", 1000, "W", "W") == pytest.approx(2e10)
    assert format_amount(2e10, "W") == "20 GW"


def test_power_times_hours_is_energy():
    assert multiply(1.5e9, "W", 10, "h", "Wh") == pytest.approx(1.5e10)


@pytest.mark.parametrize(("value", "source", "target", "expected"), [
    (12, "ha", "m2", 120_000), (1, "km2", "m2", 1e6), (3, "t", "kg", 3000), (10, "miles", "km", 16.09344),
    (2, "m3", "l", 2000),
])
def test_conversions(value, source, target, expected):
    assert convert(value, source, target) == pytest.approx(expected)


def test_a_unit_pint_does_not_know_cannot_be_checked():
    with pytest.raises(CannotCheck, match="unknown unit 'Schock'"):
        convert(1, "Schock", "kg")


def test_different_dimensions_do_not_convert():
    with pytest.raises(CannotCheck, match="measure different things"):
        convert(1, "W", "kg")


def test_amounts_read_like_a_newsroom_writes_them():
    assert format_amount(4.383e12, "EUR") == "4.38 tn EUR"
    assert format_amount(2.77e8, "USD") == "277 m USD"
    assert format_amount(120_000, "m2") == "120,000 m²"
    assert format_amount(1e8, "count") == "100 million"
