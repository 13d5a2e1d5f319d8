"""A long word alternation written as a trie finds exactly what the plain longest-first alternation finds."""

from __future__ import annotations

import random
import re

from articles.extraction.numbers import CURRENCY_WORDS, MONEY_CONTEXT_RE, dominant_currency
from articles.extraction.word_trie import word_trie

WORDS = ["dollar", "dollars", "dollarkurs", "dinar", "us-dollar", "us", "euro", "euros", "eurocent", "pfund",
         "pfund sterling", "yen", "yuan", "franken", "schweizer franken"]


def plain(words: list[str]) -> re.Pattern:
    return re.compile(rf"\b(?:{'|'.join(re.escape(w) for w in sorted(words, key=len, reverse=True))})\b", re.I)


def found(pattern: re.Pattern, text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(0)) for m in pattern.finditer(text)]


def test_the_trie_finds_what_the_plain_alternation_finds():
    trie = re.compile(rf"\b(?:{word_trie(WORDS)})\b", re.I)
    reference = plain(WORDS)
    rng = random.Random(11)
    seps = [" ", "-", "", ",", "s ", "n ", "\n", "5 "]
    for _ in range(5000):
        words = ["".join(c.upper() if rng.random() < 0.3 else c for c in rng.choice(WORDS)) for _ in range(4)]
        text = "".join(w[: rng.randint(1, len(w))] if rng.random() < 0.3 else w + rng.choice(seps) for w in words)
        assert found(trie, text) == found(reference, text), text


def test_money_words_are_found_longest_first_in_any_case():
    text = "Australische Dollar fielen, das britische Pfund auch; der Dollarkurs nicht, aber DOLLARS."
    assert [m.group(0) for m in MONEY_CONTEXT_RE.finditer(text)] == [
        "Australische Dollar", "britische Pfund", "DOLLARS"]
    assert dominant_currency("Zwei Milliarden Dollar, dann noch einmal 300 Millionen Dollar und 5 Euro.") == "USD"
    assert {"australische dollar", "britische pfund", "dollars"} <= set(CURRENCY_WORDS)
