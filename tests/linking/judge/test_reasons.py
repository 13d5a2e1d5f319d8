"""The one-line reasons editors read: figures written short and plain."""

from __future__ import annotations

import pytest

from articles.extraction.types import Quantity
from articles.linking.judge import fmt_quantity, reasons

from .helpers import JUNE, MARCH, claim


@pytest.mark.parametrize(
    "q, want",
    [
        (Quantity(5e11, "USD", "le"), "up to 500 bn USD"),
        (Quantity(1e10, "USD", "approx"), "about 10 bn USD"),
        (Quantity(2e9, "EUR", "range", 3e9), "2–3 bn EUR"),
        (Quantity(1.5e9, "W"), "1.5 GW"),
        (Quantity(1e5, "count", "gt"), "over 100,000"),
        (Quantity(12.5, "%", "ge"), "at least 12.5 %"),
        (Quantity(1.2e5, "m2", "lt"), "under 12 ha"),
    ],
)
def test_fmt_quantity(q, want):
    assert fmt_quantity(q) == want


def test_snippets_end_on_a_word():
    assert reasons.snippet("Das Werk in Korrin wird im Herbst eröffnet", 20) == "Das Werk in Korrin…"
    assert reasons.snippet("kurz\n  und  gut") == "kurz und gut"


def test_the_tail_says_what_ties_two_claims():
    a = claim(1, 1, terms=("arnsee",), topic=None)
    b = claim(2, 1, terms=("arnsee",), topic=None)
    assert reasons.tail(a, b, ["arnsee"]) == ", both about arnsee, same article"
    assert reasons.tail(claim(3, 1), claim(4, 2), []) == ", same topic Velmar"


def test_a_later_figure_names_both_days():
    older = claim(1, 1, 1.2e9, published_on=MARCH)
    newer = claim(2, 2, 1.5e9, published_on=JUNE)
    assert reasons.later_figure(newer, older, "", revised=True) == (
        "later figure: 1.5 bn EUR (2024-06-12) after 1.2 bn EUR (2024-03-12), revised"
    )
