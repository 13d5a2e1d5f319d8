"""Vague amounts with a clear value (issue 11, part 1): "Dutzende Millionen" / "tens of millions" as a range,
"Dutzende" / "dozens of" alone as at least two dozen. Short texts of our own."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.extraction import extract_claims


def figures(body, language):
    return [
        (c.quantity.value, c.quantity.unit, c.quantity.bound, c.quantity.high)
        for c in extract_claims(body, language=language, published_on=dt.date(2026, 6, 5))
        if c.quantity
    ]


@pytest.mark.parametrize(
    "body, language, want",
    [
        ("Der Umbau der Halle kostet Dutzende Millionen Euro.", "de", (20e6, "EUR", "range", 99e6)),
        ("The county spent tens of millions of dollars on the dam.", "en", (20e6, "USD", "range", 99e6)),
        ("Die Firma will Dutzende Milliarden Euro investieren.", "de", (20e9, "EUR", "range", 99e9)),
        ("Die Polizei zählte Dutzende Verletzte nach dem Spiel.", "de", (24, "count", "ge", None)),
        ("Dozens of residents were moved to shelters.", "en", (24, "count", "ge", None)),
    ],
)
def test_vague_amounts_with_a_clear_value(body, language, want):
    assert figures(body, language) == [want]


def test_dozens_of_times_is_no_figure():
    assert figures("Er hat das Dutzende Male gesagt.", "de") == []
