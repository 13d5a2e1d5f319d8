"""The judge's patterns come from the lexicon: both languages hold each list, and the patterns read as meant."""

from __future__ import annotations

import pytest

from articles.lexicon import de, en
from articles.linking.judge import words as w

JUDGE_LISTS = [name for name in dir(de) if name.startswith("JUDGE_")]


@pytest.mark.parametrize("name", JUDGE_LISTS)
def test_every_judge_list_exists_in_both_languages(name):
    assert getattr(en, name), name


def test_english_measures_are_kinds_the_german_list_knows():
    assert set(en.JUDGE_MEASURES) <= set(de.JUDGE_MEASURES)


def test_negation_patterns():
    assert w.NEGATION.search("They haven't got it") and w.NEGATION.search("Das stimmt nicht")
    assert w.DISPUTE.search("Das sind keine 2.000 Stellen")
    assert not w.DISPUTE.search("nicht mehr als 2.000 Stellen") and not w.DISPUTE.search("isn't only 2,000")


@pytest.mark.parametrize(
    "text", ["Die haben das Geld einfach nicht", "Es gibt kein Geld dafür", "The money is missing",
             "They don't have the funding"]
)
def test_money_denials(text):
    assert w.DENIAL.search(text)


def test_secured_announced_and_citing():
    assert w.SECURED.search("im Haushalt gesichert") and w.ANNOUNCED.search("The state pledged $2bn")
    assert w.CITING.search("Die ") and not w.CITING.search("Velmar ")
