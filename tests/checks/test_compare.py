"""The judge compares figures across currencies and units with the converted values and says how."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.checks.compare import comparable


def test_euros_and_dollars_days_apart_are_the_same_figure():
    cmp = comparable(480e6, "EUR", dt.date(2026, 6, 10), 554e6, "USD", dt.date(2026, 6, 12))
    assert cmp is not None and cmp.same
    assert cmp.unit == "EUR"
    assert cmp.b_value == pytest.approx(479e6, rel=0.01)
    assert cmp.reason.startswith("480 m EUR ≈ 554 m USD")
    assert "ECB rate of 12 June 2026" in cmp.reason and cmp.reason.endswith("same figure")


def test_a_real_difference_across_currencies_is_reported_with_its_size():
    cmp = comparable(480e6, "EUR", dt.date(2026, 6, 10), 800e6, "USD", dt.date(2026, 6, 10))
    assert cmp is not None and not cmp.same
    assert "differs by +44" in cmp.reason


def test_hectares_and_square_metres_compare():
    cmp = comparable(120_000, "m2", None, 12, "ha", None)
    assert cmp is not None and cmp.same


def test_money_and_power_do_not_compare():
    assert comparable(1e9, "EUR", dt.date(2026, 1, 5), 1e9, "W", dt.date(2026, 1, 5)) is None


def test_money_without_any_date_or_before_the_euro_does_not_compare():
    assert comparable(1e6, "EUR", None, 1e6, "USD", None) is None
    assert comparable(1e6, "EUR", dt.date(1990, 1, 1), 1e6, "USD", None) is None


def test_which_units_can_be_compared():
    from articles.checks.compare import convertible

    assert convertible("EUR", "USD") and convertible("m2", "ha") and convertible("W", "W")
    assert not convertible("EUR", "W") and not convertible("EUR", "VEF") and not convertible("kg", "m3")
