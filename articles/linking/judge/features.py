"""What the judge reads off one claim or a pair of claims: what a figure measures, the terms two claims share,
whether a quote cites a figure to deny it, whether a claim revises an earlier figure. Pure and cached."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re

from articles.extraction.names import FUNCTION_WORDS, speaker_key
from articles.extraction.numbers import CURRENCY_WORDS, DURATION_WORDS, UNIT_WORDS, Mention, find_figures
from articles.extraction.types import Quantity

from . import words as w
from .facts import LOWER, UPPER, ClaimFacts

UNIT_TERMS_REL = frozenset(x for x in (*UNIT_WORDS, *CURRENCY_WORDS, *DURATION_WORDS) if " " not in x)
_FUNDING_KINDS = frozenset({"investment", "subsidy"})

Flags = tuple[bool, bool, frozenset[str], frozenset[str]]


# ---------------------------------------------------------------- one figure


@functools.lru_cache(maxsize=16384)
def figures_of(text: str, language: str, currency: str) -> tuple[Mention, ...]:
    """The figures of a claim's text (money read as such, `currency` for a sum without one), read once: a sentence
    with several figures is the text of several claims (an import's claims had 3.7 figures a sentence), and each
    claim's features read it. Callers must not change the mentions."""
    return tuple(find_figures(text, language, money_context=True, default_currency=currency))


def center(q: Quantity) -> float:
    """A figure's value; a range's geometric middle."""
    if q.bound == "range" and q.high:
        return math.sqrt(max(q.value, 1e-12) * max(q.high, 1e-12))
    return q.value


# (65,536: an import batch judges ~6,000 claims, many of them again in the next batches. Over 40 batches at a million
# claims, a new claim cost 2.1 readings of a text with 8,192 entries and 1.5 with 65,536, for 12 MB more)
@functools.lru_cache(maxsize=65536)
def flags(text: str, language: str, value: float, unit: str) -> Flags:
    """(rate, per_item, measures, nouns) for the figure of `value` in `text`.

    rate: "jährlich", "per year"; per_item: "jeweils", "each"; measures: what the figure counts, from the
    words of its clause (funding, revenue, profit, value, cost, debt, donation); empty when unsaid. nouns: the
    content words of its clause ("Rechenzentren", "Trinkwasser"), for telling whether two figures measure one
    thing.
    """
    for m in figures_of(text, language, unit if len(unit) == 3 else "USD"):
        if m.quantity.unit == unit and math.isclose(m.quantity.value, value, rel_tol=1e-6):
            a, b = clause(text, m.start, m.end)
            nouns = clause_nouns(text[a:b], text[m.start : m.end])
            # a count is of its noun ("11 data centres"), whatever else its clause counts ("4,200 employees")
            measures = counted(m.noun) if m.noun else measures_at(text, m.start, m.end)
            return m.rate, m.per_item, measures, nouns
    return False, False, frozenset(), frozenset()


def flags_of(c: ClaimFacts) -> Flags:
    assert c.quantity is not None
    return flags(c.text, c.language, c.quantity.value, c.quantity.unit)


def clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause around text[start:end]: up to the nearest comma, semicolon, bracket or sentence end."""
    a = start
    while a > 0 and not w.CLAUSE_STOP.match(text, a - 1):
        a -= 1
    stops = w.CLAUSE_STOP.search(text, end)
    return a, (stops.start() if stops else len(text))


@functools.lru_cache(maxsize=8192)
def clause_nouns(clause_text: str, figure: str) -> frozenset[str]:
    """Content words of a figure's clause, stemmed, without the figure, scale, unit and saying words."""
    found = w.WORDS.findall(clause_text.replace(figure, " ").casefold())
    return frozenset(
        stem(x)
        for x in found
        if len(x) >= 5 and not x.isdigit() and x not in FUNCTION_WORDS and x not in w.NOT_MEASURE
        and x not in UNIT_TERMS_REL
    )


def nouns_meet(a: frozenset[str], b: frozenset[str]) -> list[str]:
    """Content words two clauses share, a compound meeting its head ("trinkwasser" and "wasser")."""
    out = []
    for x in a:
        for y in b:
            short, long_ = (x, y) if len(x) <= len(y) else (y, x)
            if x == y or (len(short) >= 5 and long_.endswith(short)):
                out.append(short)
                break
    return sorted(out)


def counted(noun: str | None) -> frozenset[str]:
    """What a count counts, from its noun, in either language: "Arbeitsplätze", "Stellen", "jobs" and "posts"
    are jobs; "Menschen" and "people" people; any other noun itself."""
    if not noun:
        return frozenset()
    noun = re.sub(r"\s+", " ", noun.casefold())
    for kind, rx in w.COUNT_KINDS:
        if rx.search(noun):
            return frozenset({kind})
    return frozenset({"count:" + noun[:6]})


def measures_at(text: str, start: int, end: int) -> frozenset[str]:
    """What the sum at text[start:end] measures, from the words of its clause (funding, revenue, value …)."""
    a, b = clause(text, start, end)
    found = frozenset(name for name, rx in w.MEASURES if rx.search(text[a:b]))
    if "value" in found:
        # a round and the valuation it sets share a clause ("raised $6.6bn ... that valued it at $157bn"):
        # the valuation is the figure it sits next to; the other figures measure something else
        if w.VALUE_AT.search(text, max(a, start - 30), start) or w.VALUE_AFTER.search(text[end:b]):
            return frozenset({"value"})
        if len(found) > 1:
            return found - {"value"}
    return found


def measures_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two figures measure one thing: a measure in common, or plain funding against a kind of funding."""
    return bool(a & b or ("funding" in a and b & _FUNDING_KINDS) or ("funding" in b and a & _FUNDING_KINDS))


def other_measures(fn: Flags, fo: Flags) -> bool:
    """Both figures say what they measure, and it is not one thing (profit against revenue)."""
    return bool(fn[2] and fo[2] and not measures_meet(fn[2], fo[2]))


def interval(q: Quantity) -> tuple[float, float]:
    """The values a figure allows: "about" is ±15 %, a bound is open on one side."""
    v = q.value
    return {
        "approx": (v * 0.85, v * 1.15),
        "lt": (0.0, v),
        "le": (0.0, v),
        "gt": (v, math.inf),
        "ge": (v, math.inf),
        "range": (v, q.high if q.high is not None else v),
    }.get(q.bound, (v, v))


def disjoint(a: Quantity, b: Quantity) -> bool:
    """No value satisfies both figures."""
    (a0, a1), (b0, b1) = interval(a), interval(b)
    return a1 < b0 or b1 < a0


def bounds_comparable(a: Quantity, b: Quantity) -> bool:
    """An update replaces a figure of the same kind: not a cap by a floor, nor a plain figure by a cap."""
    kinds = {a.bound, b.bound}
    return not (kinds & UPPER and kinds & LOWER) and "range" not in kinds


@functools.lru_cache(maxsize=4096)
def other_values(text: str, language: str, unit: str, value: float) -> tuple[float, ...]:
    """The values of the other figures of `text` in `unit` ("up from the 3.5 GW it forecast")."""
    cur = unit if len(unit) == 3 else "USD"
    return tuple(
        m.quantity.value
        for m in figures_of(text, language, cur)
        if m.quantity.unit == unit and not math.isclose(m.quantity.value, value, rel_tol=1e-6)
    )


# ---------------------------------------------------------------- one claim


@functools.lru_cache(maxsize=16384)
def _says(pattern: str, text: str) -> bool:
    """Whether `text` holds words of the pattern `pattern` names; each claim is asked once per batch, not per pair."""
    return bool(getattr(w, pattern).search(text))


def revises(c: ClaimFacts) -> bool:
    """The claim says it replaces an earlier figure ("revised", "now expects", "korrigiert", "nun")."""
    return _says("REVISION", c.text)


def estimate(c: ClaimFacts) -> bool:
    """A third party's estimate ("analysts estimate", "Kritiker schätzen")."""
    return _says("ESTIMATE", c.text)


def attributed(c: ClaimFacts) -> bool:
    """Someone's claim: a quote, or a figure with a verb of saying or "laut"/"according to"."""
    return c.kind == "quote" or _says("ATTRIBUTION", c.text)


def sourced(c: ClaimFacts) -> bool:
    """Someone's figure: attributed, or given as someone's own count ("nach Angaben des Betriebsrats")."""
    return attributed(c) or _says("SOURCE", c.text)


def negated(c: ClaimFacts) -> bool:
    return _says("NEGATION", c.text)


def money(q: Quantity | None) -> bool:
    """A sum of money (its unit an ISO 4217 code)."""
    return q is not None and len(q.unit) == 3 and q.unit.isupper()


def statement_date(c: ClaimFacts) -> dt.date | None:
    return c.stated_on or c.published_on


@functools.lru_cache(maxsize=4096)
def sentence_at(text: str, pos: int) -> str:
    a = max(text.rfind(". ", 0, pos), text.rfind("! ", 0, pos), text.rfind("? ", 0, pos))
    ends = [i for i in (text.find(". ", pos), text.find("! ", pos), text.find("? ", pos)) if i >= 0]
    return text[a + 1 : min(ends) + 1 if ends else len(text)]


@functools.lru_cache(maxsize=4096)
def cited_sentence(text: str, language: str, value: float, unit: str) -> str | None:
    """The sentence of a quote that cites its figure (`value`, `unit`) as one already named („Die 1,6
    Milliarden sind …“, "the $4bn is …"), or None when the quote names it afresh."""
    cur = unit if len(unit) == 3 else "USD"
    for m in figures_of(text, language, cur):
        if m.quantity.unit == unit and math.isclose(m.quantity.value, value, rel_tol=1e-6):
            sentence = sentence_at(text, m.start)
            # „Die 1,6 Milliarden sind …“, "We are not cutting 2,000 posts", "… sind schlicht falsch"
            if (
                w.CITING.search(text, max(0, m.start - 12), m.start)
                or w.NEGATED_BEFORE.search(text, max(0, m.start - 30), m.start)
                or w.DENIAL_WORDS.search(sentence)
            ):
                return sentence
            return None
    return None


def denies_cited_figure(quote: ClaimFacts) -> bool:
    """A quote that cites its own figure and says no to it („Die 1,6 Milliarden sind … kein Budget“)."""
    assert quote.quantity is not None
    if not (_says("NEGATION", quote.text) or _says("DENIAL_WORDS", quote.text)):
        return False  # saying no takes a negation or a word of denial: no need to read the figures again
    cited = cited_sentence(quote.text, quote.language, quote.quantity.value, quote.quantity.unit)
    return bool(cited and (w.DISPUTE.search(cited) or w.DENIAL_WORDS.search(cited)))


def content_words(text: str) -> set[str]:
    """Words that carry content: four letters or more and not a function word, and four-digit numbers."""
    return {
        stem(x)
        for x in w.WORDS.findall(text.casefold())
        if (len(x) >= 4 and not x.isdigit() and x not in FUNCTION_WORDS and not w.NEGATION.fullmatch(x))
        or re.fullmatch(r"\d{4}", x)
    }


# ---------------------------------------------------------------- a pair


def same_years(a: str, b: str) -> bool:
    """Both texts name the same years, or none: "2,4 Millionen heute" and "4 Millionen 2030" are not at odds."""
    return set(w.YEAR.findall(a)) == set(w.YEAR.findall(b))


def years_agree(a: str, b: str) -> bool:
    """The texts name the same years, or one of them names none ("bis Ende 2027 rund 800" and "bis zu 1.200")."""
    ya, yb = set(w.YEAR.findall(a)), set(w.YEAR.findall(b))
    return ya == yb or not ya or not yb


_speaker_key = functools.lru_cache(maxsize=8192)(speaker_key)  # asked per pair, of a batch's few speakers


def same_speaker(a: ClaimFacts, b: ClaimFacts) -> bool:
    return bool(a.speaker and b.speaker and _speaker_key(a.speaker) == _speaker_key(b.speaker))


def same_topic(a: ClaimFacts, b: ClaimFacts) -> bool:
    return bool(a.topic and a.topic == b.topic)


def stem(term: str) -> str:
    """A term without a plural or genitive ending, so a name matches across languages: "brussel" (Brüssel)
    and "brussels", "fabriken" and "fabrik"."""
    if len(term) >= 6:
        for end in ("en", "es", "s", "e", "n"):
            if term.endswith(end) and len(term) - len(end) >= 5:
                return term[: -len(end)]
    return term


@functools.lru_cache(maxsize=65536)
def key(term: str) -> str:
    """What a term is compared by: its English place name or English word if it has one (so a German claim
    meets its translation), without a plural ending."""
    return stem(w.PLACE_NAMES.get(term) or w.TRANSLATIONS.get(term) or term)


def _prefixes(k: str) -> frozenset[str]:
    """k's beginnings of five letters or more, k itself included ("arvelsee": "arvel", "arvels", …)."""
    return frozenset(k[:i] for i in range(5, len(k) + 1))


@functools.lru_cache(maxsize=65536)
def _keys_of(terms: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """A claim's term keys; those of five letters or more (what a compound can be made from); and every
    beginning of five letters or more of those (what can be a name a compound of this claim is made from)."""
    keys = frozenset(key(t) for t in terms)
    long = frozenset(k for k in keys if len(k) >= 5)
    return keys, long, frozenset().union(*map(_prefixes, long))


@functools.lru_cache(maxsize=65536)
def _keyed_terms(terms: tuple[str, ...]) -> tuple[tuple[str, str, frozenset[str]], ...]:
    """(term, key, the key's beginnings) of a claim's terms, once each, in order, the generic ones left out."""
    return tuple((t, k, _prefixes(k)) for t in dict.fromkeys(terms) if t not in w.GENERIC for k in (key(t),))


def shared_terms(a: ClaimFacts, b: ClaimFacts) -> list[str]:
    """Terms two claims share: the same key, or a name and a compound made from it ("arvel", "arvelsee").

    (Asked per pair: a key of five letters or more that begins a key of the other claim is one of that key's
    beginnings; one the other claim's key begins has that key among its own beginnings. Set lookups, where
    comparing every key with every other took a sixth of the judge's time.)"""
    b_keys, b_long, b_starts = _keys_of(b.terms)
    out = []
    for t, k, starts in _keyed_terms(a.terms):
        if k in b_keys or (len(k) >= 5 and (k in b_starts or not starts.isdisjoint(b_long))):
            out.append(t)
    return out


@functools.lru_cache(maxsize=4096)
def _label_words(topic: str | None) -> frozenset[str]:
    """A topic label and its words, folded: "KI-Rechenzentren" gives "ki-rechenzentren", "ki", "rechenzentren"."""
    if not topic:
        return frozenset()
    return frozenset({topic.casefold(), *(p.casefold() for p in re.split(r"[\s-]+", topic))})


def own_terms(shared: list[str], *topics: str | None) -> list[str]:
    """Shared terms other than the words of the topic labels (every claim of an article carries those)."""
    if not shared:
        return []
    found = frozenset().union(*map(_label_words, topics))
    return [s for s in shared if s not in found]


def word_overlap(a: str, b: str) -> float:
    """Share of the shorter text's words (3+ letters) the other has; 0 when either has fewer than four."""
    wa = {x for x in w.WORDS.findall(a.casefold()) if len(x) > 2}
    wb = {x for x in w.WORDS.findall(b.casefold()) if len(x) > 2}
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb)) if min(len(wa), len(wb)) >= 4 else 0.0


# ---------------------------------------------------------------- subject terms for the candidate query

_ENDINGS = ("", "s", "e", "n", "en", "es")
_MIN_SUBJECT = 4


@functools.lru_cache(maxsize=1)
def _other_language() -> dict[str, tuple[str, ...]]:
    """English word or place -> the German terms that mean it (the reverse of TRANSLATIONS and PLACE_NAMES)."""
    out: dict[str, list[str]] = {}
    for de, en in [*w.TRANSLATIONS.items(), *w.PLACE_NAMES.items()]:
        if " " not in en:
            out.setdefault(en, []).append(de)
    return {en: tuple(des) for en, des in out.items()}


@functools.lru_cache(maxsize=65536)
def term_forms(term: str) -> tuple[str, ...]:
    """The stored forms a claim on the same subject may carry for `term`: its own, its English and German word
    (folded as terms are), and the inflections of their stem ("stelle", "stellen"; "fabrik", "fabriken";
    "wasser", "water"). Empty for a generic word, a function word or a word of fewer than four letters."""
    if len(term) < _MIN_SUBJECT or term in w.GENERIC or term in FUNCTION_WORDS:
        return ()
    english = w.PLACE_NAMES.get(term) or w.TRANSLATIONS.get(term)
    words = {term, *([english] if english and " " not in english else [])}
    words.update(_other_language().get(english or term, ()))
    forms = {term}
    for word in words:
        bases = {stem(word), word[:-1] if word.endswith("s") else word}
        forms.update(base + end for base in bases for end in _ENDINGS if len(base + end) >= _MIN_SUBJECT)
        forms.add(word)
    return tuple(sorted(forms - set(w.GENERIC)))


def subject_keys(terms: list[str], limit: int = 120) -> list[str]:
    """Every stored form of a claim's subject terms (see term_forms), at most `limit`, the claim's first terms
    (its own sentence's names come before the article's) first."""
    out: dict[str, None] = {}
    for t in terms:
        for form in term_forms(t):
            out.setdefault(form, None)
        if len(out) >= limit:
            break
    return list(out)[:limit]
