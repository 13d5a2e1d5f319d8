"""The judge's patterns, built from the word lists of articles/lexicon (de.py, en.py: the section "linking
judge" at the end of each, and the shared NEGATIONS, DENIAL_WORDS, REVISION_WORDS, COUNT_KINDS,
SUBJECT_TRANSLATIONS, GENERIC_TERMS). No word is written here; only how the words are put together."""

from __future__ import annotations

import re
import unicodedata

from articles.lexicon import both, both_map
from articles.lexicon import de as _de
from articles.lexicon import en as _en


def _alt(words, *, escape: bool = False) -> str:
    return "|".join(re.escape(w) if escape else w for w in words)


_I = re.IGNORECASE
_CLITIC = re.escape(_en.JUDGE_NEGATION_CLITIC)
_NEGATIONS = _alt(both("NEGATIONS"))

# any negation word, or a contracted one ("isn't")
NEGATION = re.compile(rf"\b(?:{_NEGATIONS})\b|{_CLITIC}\b", _I)

# "they don't have the money", "kein Geld", "das Geld fehlt"
_MONEY = rf"(?:{_alt(both('JUDGE_MONEY_WORDS'))})"
DENIAL = re.compile(
    rf"\b(?:{_alt(both('JUDGE_HAVE_VERBS'))})\b[^.;,]{{0,25}}\b{_MONEY}\b[^.;,]{{0,20}}\b(?:{_alt(both('JUDGE_NOT'))})\b"
    rf"|\b(?:{_alt(both('JUDGE_LACK_WORDS'))})\b[^.;,]{{0,15}}\b{_MONEY}\b"
    rf"|\b{_MONEY}\b[^.;,]{{0,20}}\b(?:{_alt(both('JUDGE_MISSING_WORDS'))})\b",
    _I,
)

# a negation that is not part of a bound ("nicht mehr als", "no more than") or of "not only"
DISPUTE = re.compile(
    rf"\b(?:{_NEGATIONS})\b(?!\s+(?:{_alt(both('JUDGE_BOUND_AFTER_NEGATION'))})\b)"
    rf"|{_CLITIC}\b(?!\s+(?:{_alt(_en.JUDGE_BOUND_AFTER_CLITIC)})\b)",
    _I,
)
# a negation up to two words before a figure ("not cutting 2,000 posts")
NEGATED_BEFORE = re.compile(rf"\b(?:{_NEGATIONS})\b(?:\s+[\w-]+){{0,2}}\s*$|{_CLITIC}\s+[\w-]+\s*$", _I)
DENIAL_WORDS = re.compile(rf"\b(?:{_alt(both('DENIAL_WORDS'))})\b", _I)
REVISION = re.compile(rf"\b(?:{_alt(both('REVISION_WORDS'), escape=True)})\b", _I)
ESTIMATE = re.compile(rf"\b(?:{_alt(both('JUDGE_ESTIMATE'))})\b", _I)
SECURED = re.compile(rf"\b(?:{_alt(both('JUDGE_SECURED'))})\b", _I)
ANNOUNCED = re.compile(rf"\b(?:{_alt(both('JUDGE_ANNOUNCED'))})\b", _I)
ATTRIBUTION = re.compile(rf"\b(?:{_alt(both('JUDGE_ATTRIBUTION'))})\b", _I)
SOURCE = re.compile(rf"\b(?:{_alt(both('JUDGE_SOURCE'))})\b", _I)
CITING = re.compile(rf"\b(?:{_alt(both('JUDGE_CITING'))})\s+$", _I)

# what a sum measures, by kind: each kind's stems of both languages, matched at a word start
MEASURES = [
    (kind, re.compile(rf"(?<!\w)(?:{_alt([*_de.JUDGE_MEASURES[kind], *_en.JUDGE_MEASURES.get(kind, [])])})", _I))
    for kind in _de.JUDGE_MEASURES
]
# "valued at $157bn", "mit 157 Milliarden Dollar bewertet": a valuation named right at the figure
VALUE_AT = re.compile(rf"(?:{_alt(both('JUDGE_VALUATION_BEFORE'))})\b[^.;,\d$€£]{{0,14}}$", _I)
VALUE_AFTER = re.compile(rf"^[^.;,\d]{{0,6}}(?:{_alt(both('JUDGE_VALUATION_AFTER'))})\b", _I)

# what a count counts, by kind, in either language
COUNT_KINDS = [
    (kind, re.compile("|".join(re.escape(stem) for stem in stems), _I))
    for lang in (_de, _en)
    for kind, stems in lang.COUNT_KINDS.items()
]

NOT_MEASURE = frozenset(both("JUDGE_NOT_MEASURE"))
GENERIC = frozenset(both("GENERIC_TERMS"))
PLACE_NAMES = both_map("JUDGE_PLACE_NAMES")


def fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


TRANSLATIONS = {fold(de): en for de, en in _de.SUBJECT_TRANSLATIONS.items()}
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
WORDS = re.compile(r"\w+")
# a comma inside a number ("2,8 Milliarden") ends no clause
CLAUSE_STOP = re.compile(r"(?<!\d),|,(?!\d)|[;:()–—\n]|[.!?]\s")
