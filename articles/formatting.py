"""Figures and dates as readers of each interface language write them: "5,1 Bio. US-Dollar" / "US$5.1 tn",
"24. Nov. 2025" / "24 Nov 2025". Words come from the translation catalogue (locale/), numbers from Django's
locale formats, so a new language needs only translations."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from django.utils import formats
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language, gettext, pgettext

from articles.models import Claim

# "M" is the month's short name; German puts a dot after the day and writes "Nov." (Django's "N").
DATE_FORMATS = {"de": "j. N Y", "en": "j M Y"}


def language() -> str:
    return (get_language() or "en").split("-")[0]


def day(value: dt.date | None) -> str:
    if value is None:
        return ""
    return date_format(value, DATE_FORMATS.get(language(), "j M Y"))


def _scales() -> list[tuple[float, str]]:
    return _scales_in(language())


@lru_cache(maxsize=8)
def _scales_in(code: str) -> list[tuple[float, str]]:  # one table per language
    return [
        (1e12, pgettext("short scale word", "tn")),
        (1e9, pgettext("short scale word", "bn")),
        (1e6, pgettext("short scale word", "m")),
    ]


def number(value: float) -> str:
    """3 significant digits with the language's separators and a short scale word."""
    for scale, word in _scales():
        if abs(value) >= scale:
            return f"{_digits(value / scale)} {word}"
    return _digits(value)


def _digits(value: float) -> str:
    text = f"{value:.3g}"
    if "e" in text:
        text = f"{value:.0f}"
    places = len(text.split(".")[1]) if "." in text else 0
    return formats.number_format(float(text), decimal_pos=places, use_l10n=True, force_grouping=True)


def _bound_words() -> dict[str, str]:
    return _bound_words_in(language())


@lru_cache(maxsize=8)
def _bound_words_in(code: str) -> dict[str, str]:  # one table per language
    return {
        "approx": pgettext("figure bound", "about"),
        "lt": pgettext("figure bound", "under"),
        "le": pgettext("figure bound", "up to"),
        "gt": pgettext("figure bound", "over"),
        "ge": pgettext("figure bound", "at least"),
    }


def money(code: str, amount: str) -> str:
    """The amount with its currency, placed as the language does."""
    if code == "USD":
        return pgettext("money", "US${amount}").format(amount=amount)
    if code == "EUR":
        return pgettext("money", "€{amount}").format(amount=amount)
    return f"{amount} {code}"


SI_PREFIXES = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]
SI_UNITS = {"W", "Wh"}  # written with prefixes as engineers and reporters do: "4,8 GW"


def si_amount(value: float, unit: str) -> str:
    for scale, prefix in SI_PREFIXES:
        if abs(value) >= scale:
            return f"{_digits(value / scale)}\u00a0{prefix}{unit}"
    return f"{_digits(value)}\u00a0{unit}"


UNIT_SYMBOLS = {"%": "%", "W": "W", "Wh": "Wh", "m2": "m²", "m3": "m³", "kg": "kg", "d": "d", "a": "a"}


def quantity(claim: Claim) -> str:
    """A claim's normalised figure for readers, with its bound ("under US$10 bn")."""
    if claim.quantity_value is None:
        return ""
    amount = number(claim.quantity_value)
    if claim.quantity_bound == "range" and claim.quantity_high is not None:
        amount = gettext("{low} to {high}").format(low=amount, high=number(claim.quantity_high))
    unit = claim.quantity_unit
    if unit in SI_UNITS:
        text = si_amount(claim.quantity_value, unit)
        if claim.quantity_bound == "range" and claim.quantity_high is not None:
            text = gettext("{low} to {high}").format(low=text, high=si_amount(claim.quantity_high, unit))
    elif unit in ("USD", "EUR"):
        text = money(unit, amount)
    elif unit in ("count", ""):
        text = amount
    else:
        text = f"{amount}\u00a0{UNIT_SYMBOLS.get(unit, unit)}" if unit != "%" else f"{amount}\u00a0%"
    bound = _bound_words().get(claim.quantity_bound, "")
    return f"{bound} {text}".strip()


def rating_label(verdict: str) -> str:
    labels = {
        "true": pgettext("rating", "True"),
        "mostly-true": pgettext("rating", "Mostly true"),
        "misleading": pgettext("rating", "Misleading"),
        "false": pgettext("rating", "False"),
        "unproven": pgettext("rating", "Unproven"),
    }
    return labels.get(verdict, "")


def relation_heading(relation: str) -> str:
    """How a claim page titles a group of related claims."""
    headings = {
        "contradicts": gettext("Contradicted by"),
        "updates": gettext("Updated by or updating"),
        "supports": gettext("Supported by"),
        "same": gettext("The same claim, elsewhere"),
    }
    return headings.get(relation, relation)
