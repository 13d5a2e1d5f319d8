"""The pairwise judge behind link suggestions: pure functions over plain claim facts.

The database layer picks candidates through its indexes (same unit and topic, value within 10 %, same
article, same speaker, similar text); `best_suggestions` judges each pair and keeps the few best. Whether a
suggestion was dismissed before is the database's business: the judge is pure and always answers the same.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from articles.extraction.names import FUNCTION_WORDS, speaker_key
from articles.extraction.numbers import CURRENCY_WORDS, DURATION_WORDS, UNIT_WORDS, find_figures
from articles.extraction.types import Quantity
from articles.lexicon import de as _de
from articles.lexicon import en as _en

RELATIONS = ("contradicts", "same", "supports", "updates")


@dataclass
class ClaimFacts:
    """What the database gives the judge for one stored claim."""

    id: int
    article_id: int
    kind: str
    text: str
    speaker: str | None
    stated_on: dt.date | None
    published_on: dt.date | None  # the article's date
    quantity: Quantity | None
    topic: str | None
    terms: list[str] = field(default_factory=list)
    language: str = "de"


@dataclass
class Suggestion:
    relation: str  # contradicts | same | supports | updates
    score: float  # 0..1
    reason: str  # one line for an editor


MIN_SCORE = 0.5
SAME_TOL = 0.03  # "the same figure": values within 3 %
FAR_APART = 8.0  # "cannot both hold": one at least 8x the other
MAX_APART = 1000.0  # ...but not so far apart that they cannot be one measure
MAX_UPDATE = 3.0  # a later figure for the same measure moves by less than 3x
HEDGED = {"lt", "le", "approx"}  # "under 10 bn", "about 10 bn": the figure that questions a bigger one
UPPER = {"lt", "le"}
LOWER = {"gt", "ge"}
NEGATION = re.compile(
    r"\b(?:kein|keine|keinen|keinem|keiner|nicht|nie|niemals|nichts|no|not|never|none|nothing|cannot)\b|n't\b",
    re.IGNORECASE,
)
_MONEY = r"(?:geld|gelder|mittel|finanzierung|money|funds|funding|cash|financing)"
DENIAL = re.compile(
    rf"\b(?:haben|hat|has|have|had|besitzen)\b[^.;,]{{0,25}}\b{_MONEY}\b[^.;,]{{0,20}}\b(?:nicht|not)\b"
    rf"|\b(?:kein|keine|keinerlei|no|don't have|doesn't have|do not have|does not have|haven't got|lack)\b"
    rf"[^.;,]{{0,15}}\b{_MONEY}\b"
    rf"|\b{_MONEY}\b[^.;,]{{0,20}}\b(?:fehlt|fehlen|is missing|isn't there|is not there)\b",
    re.IGNORECASE,
)
# terms too common to tie two claims together
GENERIC = frozenset(
    """
        investitionen investition milliarden geld projekt plan ki usa us wert ziel unternehmen
        regierung investment investments money project plan ai government company companies
    """.split()
)


# ---------------------------------------------------------------- formatting

_PREFIX = {"approx": "about ", "lt": "under ", "le": "up to ", "gt": "over ", "ge": "at least ", "eq": ""}
_SI = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]


def _num(v: float) -> str:
    s = f"{v:.2f}".rstrip("0").rstrip(".")
    return s


def _scaled(v: float, unit: str) -> str:
    if unit in ("W", "Wh"):
        for f, p in _SI:
            if abs(v) >= f:
                return f"{_num(v / f)} {p}{unit}"
        return f"{_num(v)} {unit}"
    if unit == "%":
        return f"{_num(v)} %"
    if unit == "m2" and abs(v) >= 1e4:
        return f"{_num(v / 1e4)} ha"
    word = ""
    for f, w in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(v) >= f:
            v, word = v / f, w
            break
    num = _num(v) if word or v != int(v) else f"{int(v):,}"
    u = "" if unit == "count" else f" {unit}"
    return f"{num} {word}{u}".replace("  ", " ") if word else f"{num}{u}"


def fmt_quantity(q: Quantity) -> str:
    """ "up to 500 bn USD", "about 10 bn USD", "2–3 bn EUR", "1.5 GW", "over 100,000"."""
    if q.bound == "range" and q.high is not None:
        low = _scaled(q.value, q.unit).split(" ")[0]
        return f"{low}–{_scaled(q.high, q.unit)}"
    return _PREFIX.get(q.bound, "") + _scaled(q.value, q.unit)


def _snippet(text: str, n: int = 60) -> str:
    t = re.sub(r"\s+", " ", text).strip()
    return t if len(t) <= n else t[: n - 1].rsplit(" ", 1)[0] + "…"


def _day(d: dt.date | None) -> str:
    return d.isoformat() if d else "undated"


# ---------------------------------------------------------------- helpers


def _center(q: Quantity) -> float:
    if q.bound == "range" and q.high:
        return math.sqrt(max(q.value, 1e-12) * max(q.high, 1e-12))
    return q.value


@functools.lru_cache(maxsize=16384)
def _figures(text: str, language: str, currency: str) -> tuple:
    """The figures of a claim's text as the pair rules read them, once per text: one stored claim is a candidate
    of many new ones, and its flags are asked for under each of its figures."""
    return tuple(find_figures(text, language, money_context=True, default_currency=currency))


@functools.lru_cache(maxsize=32768)
def _flags(
    text: str, language: str, value: float, unit: str
) -> tuple[bool, bool, frozenset[str], frozenset[str]]:
    """(rate, per_item, measures, nouns) for the figure of `value` in `text`.

    rate: "jährlich", "per year"; per_item: "jeweils", "each"; measures: what the figure counts, from the
    words of its clause (funding, revenue, profit, value, cost, debt, donation); empty when unsaid. nouns: the
    content words of its clause ("Rechenzentren", "Trinkwasser"), for telling whether two figures measure one
    thing.
    """
    for m in _figures(text, language, unit if len(unit) == 3 else "USD"):
        if m.quantity.unit == unit and math.isclose(m.quantity.value, value, rel_tol=1e-6):
            a, b = _clause(text, m.start, m.end)
            nouns = _clause_nouns(text[a:b], text[m.start : m.end])
            # a count is of its noun ("11 data centres"), whatever else its clause counts ("4,200 employees")
            measures = _counted(m.noun) if m.noun else _measures(text, m.start, m.end)
            return m.rate, m.per_item, measures, nouns
    return False, False, frozenset(), frozenset()


# words of a figure's clause that say nothing about what it measures: scale and time words, bounds, verbs of
# saying
_NOT_MEASURE = frozenset(
    """
        million millionen milliarde milliarden billion billionen tausend thousand euro dollar prozent percent
        jahr jahre jahren jahres year years monat monate month months woche tag tage week day days heute today
        derzeit rund etwa about around mehr weniger more less than als unter over unter unter sagte said
        teilte mitteilte says sagt erklärte schon bereits already nach laut according gut fast nearly
    """.split()
)


UNIT_TERMS_REL = frozenset(w for w in (*UNIT_WORDS, *CURRENCY_WORDS, *DURATION_WORDS) if " " not in w)


@functools.lru_cache(maxsize=8192)
def _clause_nouns(clause: str, figure: str) -> frozenset[str]:
    words = _WORDS.findall(clause.replace(figure, " ").casefold())
    return frozenset(
        _stem(w)
        for w in words
        if len(w) >= 5 and not w.isdigit() and w not in FUNCTION_WORDS and w not in _NOT_MEASURE
        and w not in UNIT_TERMS_REL
    )


def _nouns_meet(a: frozenset[str], b: frozenset[str]) -> list[str]:
    """Content words two clauses share, a compound meeting its head ("trinkwasser" and "wasser")."""
    out = []
    for x in a:
        for y in b:
            short, long_ = (x, y) if len(x) <= len(y) else (y, x)
            if x == y or (len(short) >= 5 and long_.endswith(short)):
                out.append(short)
                break
    return sorted(out)


_COUNT_KIND_RE = [
    (kind, re.compile("|".join(re.escape(stem) for stem in stems), re.IGNORECASE))
    for lang in (_de, _en)
    for kind, stems in lang.COUNT_KINDS.items()
]


def _counted(noun: str | None) -> frozenset[str]:
    """What a count counts, from its noun, in either language: "Arbeitsplätze", "Stellen", "jobs" and "posts"
    are jobs; "Menschen" and "people" people; any other noun itself."""
    if not noun:
        return frozenset()
    noun = re.sub(r"\s+", " ", noun.casefold())
    for kind, rx in _COUNT_KIND_RE:
        if rx.search(noun):
            return frozenset({kind})
    return frozenset({"count:" + noun[:6]})


MEASURES = [
    (name, re.compile(rf"(?<!\w)(?:{p})", re.IGNORECASE))
    for name, p in [
        (
            "funding",
            r"plan|projekt|project|zusag|zugesagt|commit|gesichert|secured|finanzier"
            r"|funding|fund|bereitstell|mobilisier|pledg|raise|geld\b|mittel\b|paket|package|initiative",
        ),
        # money for a project is "funding"; what its owner invests and what the state gives towards it are two
        # kinds of it that do not measure each other ("investiert 2,8 Milliarden Euro" beside "bis zu 900
        # Millionen Euro an Fördermitteln"), though either may meet plain funding ("im Haushalt gesichert")
        ("investment", r"investi|invest|spend|ausgeben|ausgaben|capex|capital expenditure"),
        ("subsidy", r"förder|subsid|zuschuss|zuschüsse|beihilfe|grant"),
        # counted things: the noun says what is counted ("3.000 Arbeitsplätze" and "1,500 jobs" are jobs)
        ("jobs", r"arbeitspl|jobs?\b|stellen\b|beschäftigt|mitarbeiter|employ|workers\b|staff\b"),
        (
            "revenue",
            r"umsatz|umsätze|revenue|sales\b|erlös|einnahmen|eingenommen|erwirtschaft|brought in|brings? in"
            r"|took in|takes in|generat",
        ),
        ("profit", r"gewinn|profit|earnings|verlust|loss|defizit|deficit|lose\b|loses\b|losing\b|verlier"),
        (
            "value",
            r"marktkapitalisierung|börsenwert|marktwert|market cap|market value|valuation|bewertung|bewertet"
            r"|valued\b|valuing\b",
        ),
        ("cost", r"[a-zäöüß]*kosten|kostet|cost|preis|price|bill\b|rechnung|price tag"),
        # a stake in a company is neither its cost nor its funding ("Eigenkapitalspritze", "equity stake")
        ("equity", r"eigenkapital|beteilig|stake\b|equity"),
        ("debt", r"schulden|debt|kredit|loan|anleihe|bond"),
        ("donation", r"spende|donat|wahlkampf|campaign"),
        ("tax", r"steuer|tax"),
    ]
]
# a comma inside a number ("2,8 Milliarden") ends no clause
_CLAUSE_STOP = re.compile(r"(?<!\d),|,(?!\d)|[;:()–—\n]|[.!?]\s")


# "valued at $157bn", "mit 157 Milliarden Dollar bewertet": a valuation named right at the figure
_VALUE_AT = re.compile(
    r"(?:valued|valuing|valuation|bewertung|bewertet)\b[^.;,\d$€£]{0,14}$", re.IGNORECASE
)
_VALUE_AFTER = re.compile(r"^[^.;,\d]{0,6}(?:bewertet|valuation|bewertung)\b", re.IGNORECASE)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    a = start
    while a > 0 and not _CLAUSE_STOP.match(text, a - 1):
        a -= 1
    stops = _CLAUSE_STOP.search(text, end)
    return a, (stops.start() if stops else len(text))


def _measures(text: str, start: int, end: int) -> frozenset[str]:
    a, b = _clause(text, start, end)
    clause = text[a:b]
    found = frozenset(name for name, rx in MEASURES if rx.search(clause))
    if "value" in found:
        # a round and the valuation it sets share a clause ("raised $6.6bn ... that valued it at $157bn"):
        # the valuation is the figure it sits next to; the other figures measure something else
        if _VALUE_AT.search(text, max(a, start - 30), start) or _VALUE_AFTER.search(text[end:b]):
            return frozenset({"value"})
        if len(found) > 1:
            return found - {"value"}
    return found


def _stem(term: str) -> str:
    """A term without a plural or genitive ending, so a name matches across languages: "brussel" (Brüssel)
    and "brussels", "fabriken" and "fabrik"."""
    if len(term) >= 6:
        for end in ("en", "es", "s", "e", "n"):
            if term.endswith(end) and len(term) - len(end) >= 5:
                return term[: -len(end)]
    return term


# German and English names of one place, folded: both map to the English one before terms are compared
EXONYMS = {
    "osterreich": "austria", "austrian": "austria", "deutschland": "germany", "german": "germany",
    "brussel": "brussels", "munchen": "munich", "wien": "vienna", "schweiz": "switzerland",
    "swiss": "switzerland", "koln": "cologne", "nurnberg": "nuremberg", "frankreich": "france",
    "italien": "italy", "spanien": "spain", "polen": "poland", "niederlande": "netherlands",
    "belgien": "belgium", "danemark": "denmark", "schweden": "sweden", "norwegen": "norway",
    "finnland": "finland", "irland": "ireland", "grossbritannien": "britain", "tschechien": "czechia",
    "ungarn": "hungary", "griechenland": "greece", "turkei": "turkey", "russland": "russia",
    "indien": "india", "prag": "prague", "warschau": "warsaw", "rom": "rome", "mailand": "milan",
    "genf": "geneva", "lissabon": "lisbon", "kopenhagen": "copenhagen", "athen": "athens",
    "moskau": "moscow", "peking": "beijing", "europa": "europe", "amerika": "america",
    "bayern": "bavaria", "sachsen": "saxony", "hessen": "hesse", "vereinigte": "united",
    "staaten": "states", "usa": "united-states", "united-states": "united-states",
}


@functools.lru_cache(maxsize=65536)
def _key(term: str) -> str:
    """What a term is compared by: its English place name or English word if it has one (so a German claim
    meets its translation), without a plural ending."""
    return _stem(EXONYMS.get(term) or _TRANSLATIONS.get(term) or term)


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c)).casefold()


_TRANSLATIONS = {_fold(de): en for de, en in _de.SUBJECT_TRANSLATIONS.items()}


# A batch of new claims is judged against a few hundred candidates each, and one stored claim is a candidate
# of many: what the judge reads off one claim alone (its term keys, its cue words) is worked out once per claim
# text or term list and kept, never once per pair. Keyed by immutable values, so the judge stays pure.


@functools.lru_cache(maxsize=65536)
def _term_keys(terms: tuple[str, ...]) -> tuple[tuple[tuple[str, str], ...], frozenset[str], tuple[str, ...]]:
    """(the claim's own terms with their keys, GENERIC ones left out; every key; the keys of 5+ letters)."""
    keys = frozenset(_key(t) for t in terms)
    own = tuple((t, _key(t)) for t in dict.fromkeys(terms) if t not in GENERIC)
    return own, keys, tuple(k for k in keys if len(k) >= 5)


def _shared(a: ClaimFacts, b: ClaimFacts) -> list[str]:
    """Terms two claims share: the same key, or a name and a compound made from it ("arvel", "arvelsee")."""
    if not a.terms or not b.terms:
        return []
    own, _, _ = _term_keys(tuple(a.terms))
    _, b_keys, b_long = _term_keys(tuple(b.terms))
    out = []
    for t, k in own:
        if k in b_keys or (len(k) >= 5 and any(o.startswith(k) or k.startswith(o) for o in b_long)):
            out.append(t)
    return out


@functools.lru_cache(maxsize=4096)
def _topic_words(topic: str) -> frozenset[str]:
    return frozenset({topic.casefold(), *(p.casefold() for p in re.split(r"[\s-]+", topic))})


def _own_terms(shared: list[str], *topics: str | None) -> list[str]:
    """Shared terms other than the words of the topic labels (every claim of an article carries those)."""
    if not shared:
        return []
    words: set[str] = set()
    for t in topics:
        if t:
            words |= _topic_words(t)
    return [s for s in shared if s not in words]


_speaker_key = functools.lru_cache(maxsize=16384)(speaker_key)


def _same_speaker(a: ClaimFacts, b: ClaimFacts) -> bool:
    return bool(a.speaker and b.speaker and _speaker_key(a.speaker) == _speaker_key(b.speaker))


def _context(a: ClaimFacts, b: ClaimFacts, shared: list[str]) -> str:
    bits = []
    if a.topic and a.topic == b.topic:
        bits.append(f"same topic {a.topic}")
    elif shared:
        bits.append("both about " + ", ".join(shared[:3]))
    if a.article_id == b.article_id:
        bits.append("same article")
    return ", ".join(bits)


def _who(c: ClaimFacts) -> str:
    return f" ({c.speaker})" if c.kind == "quote" and c.speaker else ""


# ---------------------------------------------------------------- the judge


_FUNDING_KINDS = frozenset({"investment", "subsidy"})


def _measures_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two figures measure one thing: a measure in common, or plain funding against a kind of funding."""
    return bool(a & b or ("funding" in a and b & _FUNDING_KINDS) or ("funding" in b and a & _FUNDING_KINDS))


def _other_measures(fn: tuple, fo: tuple) -> bool:
    return bool(fn[2] and fo[2] and not _measures_meet(fn[2], fo[2]))


def _pair(new: ClaimFacts, old: ClaimFacts) -> str:
    assert new.quantity is not None and old.quantity is not None
    return f"{fmt_quantity(old.quantity)}{_who(old)} vs {fmt_quantity(new.quantity)}{_who(new)}"


def _tail(new: ClaimFacts, old: ClaimFacts, shared: list[str]) -> str:
    ctx = _context(new, old, shared)
    return f", {ctx}" if ctx else ""


def _judge_figures(new: ClaimFacts, old: ClaimFacts) -> Suggestion | None:
    # reasons are built only for the pairs that become suggestions: most candidates are turned down
    qn, qo = new.quantity, old.quantity
    assert qn is not None and qo is not None
    if qn.unit != qo.unit:
        return _judge_converted(new, old)
    cn, co = _center(qn), _center(qo)
    if cn <= 0 or co <= 0:
        return None
    same_article = new.article_id == old.article_id
    if same_article and new.text == old.text:
        return None  # two figures of one sentence: the writer sets them side by side
    shared = _shared(new, old)
    topic_eq = bool(new.topic and new.topic == old.topic)
    ratio = max(cn, co) / min(cn, co)
    fn = _flags(new.text, new.language, qn.value, qn.unit)
    fo = _flags(old.text, old.language, qo.value, qo.unit)

    if ratio <= 1 + SAME_TOL:
        if {qn.bound, qo.bound} & UPPER and {qn.bound, qo.bound} & LOWER:
            return None
        disputed = _disputed(new, old)
        if disputed is None and (fn[:2] != fo[:2] or _other_measures(fn, fo)):
            return None
        if not (same_article or topic_eq or shared or _same_speaker(new, old)):
            return None
        if disputed is not None:  # a quote saying no to a figure is not the same figure
            quote, fig = disputed
            return Suggestion(
                "contradicts",
                0.7,
                f"{quote.speaker or 'a quote'} disputes {fmt_quantity(fig.quantity)}: “{_snippet(quote.text, 50)}”"
                + _tail(new, old, shared),
            )
        score = 0.65 + 0.1 * topic_eq + 0.05 * min(len(shared), 3) + 0.05 * (qn.bound == qo.bound)
        score -= 0.1 * same_article  # repeating a figure inside one article is less news
        if qn.unit_inferred or qo.unit_inferred:
            score -= 0.02
        return Suggestion(
            "same", round(min(score, 0.95), 3), f"same figure: {_pair(new, old)}" + _tail(new, old, shared)
        )

    if fn[:2] != fo[:2] or fn[1] or _other_measures(fn, fo):
        return None  # a rate against a total, a per-item figure, profit against revenue: different measures
    own = _own_terms(shared, new.topic, old.topic)
    same_measure = _measures_meet(fn[2], fo[2])
    if same_article:
        related = topic_eq or len(shared) >= 2 or same_measure
    else:
        related = (topic_eq and bool(shared)) or len(own) >= 3
    if ratio < FAR_APART and ratio <= MAX_APART:
        # "mehr als 40 Milliarden" against "höchstens 10 Milliarden": bounds that leave no common value
        lower, upper = (qn, qo) if qn.bound in LOWER else (qo, qn)
        if lower.bound in LOWER and upper.bound in UPPER and upper.value < lower.value and related:
            score = 0.6 + 0.15 * same_article + 0.08 * topic_eq + 0.03 * min(len(shared), 4)
            return Suggestion(
                "contradicts",
                round(min(score, 0.9), 3),
                f"{_pair(new, old)}" + _tail(new, old, shared) + ": the bounds leave no common value",
            )
    if ratio < FAR_APART and same_article and not _same_speaker(new, old) and _same_years(new.text, old.text):
        # "weniger als eine Million Kubikmeter" against "rund 2,4 Millionen Kubikmeter": hedged figures whose
        # ranges (about = ±15 %) cannot both hold, for one measure (same kind of figure or a shared noun)
        nouns = _nouns_meet(fn[3], fo[3])
        if (
            qn.bound != "eq"
            and qo.bound != "eq"
            and {qn.bound, qo.bound} & (UPPER | LOWER)  # one of them sets a limit; two "abouts" may differ in scope
            and (_attributed(new) or _attributed(old))  # someone's claim against another's
            and _disjoint(qn, qo)
            and (same_measure or nouns)
        ):
            why = f"both on {', '.join(nouns[:2])}" if nouns and not same_measure else "one measure"
            score = 0.62 + 0.08 * topic_eq + 0.03 * min(len(shared), 3)
            return Suggestion(
                "contradicts",
                round(min(score, 0.85), 3),
                f"{_pair(new, old)}" + _tail(new, old, shared) + f": the ranges cannot both hold ({why})",
            )
    if (
        ratio < FAR_APART
        and not same_article
        and own
        and {qn.bound, qo.bound} & (UPPER | LOWER)
        and (_attributed(new) or _attributed(old))
        and _disjoint(qn, qo)
        and _same_years(new.text, old.text)
        and not (_revises(new) or _revises(old))
    ):
        # across articles and languages: "about 6 million m³" (a study) against "höchstens 2 Millionen
        # Kubikmeter" (the operators), both about the same named subject
        score = 0.6 + 0.08 * topic_eq + 0.03 * min(len(shared), 3)
        return Suggestion(
            "contradicts",
            round(min(score, 0.85), 3),
            f"{_pair(new, old)}" + _tail(new, old, shared) + ": the ranges cannot both hold",
        )
    if 1.5 <= ratio < FAR_APART and len(qn.unit) == 3 and qn.unit.isupper() and related:
        # "1,6 Milliarden Euro angekündigt" against "nur rund 600 Millionen im Budget gesichert"
        (big_c, big), (small_c, small) = ((new, qn), (old, qo)) if cn > co else ((old, qo), (new, qn))
        if (
            _cues(small_c.text).secured
            and _cues(big_c.text).announced
            and not _cues(big_c.text).secured
            and small.bound not in LOWER
            and big.bound != "lt"
        ):
            score = 0.62 + 0.1 * same_article + 0.06 * topic_eq + 0.03 * min(len(shared), 3)
            return Suggestion(
                "contradicts",
                round(min(score, 0.85), 3),
                f"{fmt_quantity(big)} announced vs {fmt_quantity(small)} secured"
                + _tail(new, old, shared) + f": {ratio:.1f}× apart",
            )
    if ratio >= FAR_APART:
        if ratio > MAX_APART:
            return None  # a share price against a budget: not one measure
        (big, small), small_claim = ((qn, qo), old) if cn > co else ((qo, qn), new)
        if big.bound == "lt" or small.bound in LOWER:
            return None  # "under 500" and "10", or "over 200 m" and "10 bn" can both hold
        hedged = small.bound in HEDGED or small_claim.kind == "quote"
        if not (hedged or same_measure):
            return None  # two plain figures far apart are more likely two measures than a contradiction
        if not related:
            return None
        score = 0.55 + 0.15 * same_article + 0.08 * topic_eq + 0.03 * min(len(shared), 4)
        score += 0.1 * min(max(math.log10(ratio) - 0.9, 0.0), 1.0)
        if new.kind == "quote" or old.kind == "quote":
            score += 0.03
        times = f"{ratio:.0f}×" if ratio < 1000 else f"{ratio:.0e}×".replace("e+0", "e")
        return Suggestion(
            "contradicts",
            round(min(score, 0.97), 3),
            f"{_pair(new, old)}" + _tail(new, old, shared) + f": {times} apart",
        )

    if (
        not same_article
        and new.published_on
        and old.published_on
        and new.published_on != old.published_on
        and ratio <= MAX_UPDATE
        and shared
        and _revises(new if new.published_on > old.published_on else old)
        and _bounds_comparable(qn, qo)
    ):
        # "now expects 4.2 GW", "korrigiert … nun 900 Arbeitsplätze": the later figure says it replaces one
        newer, older = (new, old) if new.published_on > old.published_on else (old, new)
        assert newer.quantity is not None and older.quantity is not None
        named = _other_values(newer.text, newer.language, newer.quantity.unit, newer.quantity.value)
        if named and not any(math.isclose(v, older.quantity.value, rel_tol=0.01) for v in named):
            return None  # "statt 1.400 nun 900": it replaces the figure it names, not this one
        score = 0.62 + 0.1 * topic_eq + 0.03 * min(len(shared), 4) + 0.1 * bool(named)
        return Suggestion(
            "updates",
            round(score, 3),
            f"later figure: {fmt_quantity(newer.quantity)} ({_day(newer.published_on)}) after "
            f"{fmt_quantity(older.quantity)} ({_day(older.published_on)}), revised" + _tail(new, old, shared),
        )
    if (
        not same_article
        and new.published_on
        and old.published_on
        and new.published_on != old.published_on
        and ratio <= MAX_UPDATE
        and (
            (topic_eq and (same_measure or len(own) >= 2))
            # across topics: the same measure of the same named thing ("Veltrion", "Schwerin"), moved moderately
            or (same_measure and ratio <= 2.0 and len(own) >= 1 and _bounds_comparable(qn, qo))
        )
        # a third party's estimate set against a figure is a dispute, not a revision
        and _cues(new.text).estimate == _cues(old.text).estimate
    ):
        newer, older = (new, old) if new.published_on > old.published_on else (old, new)
        assert newer.quantity is not None and older.quantity is not None
        score = 0.55 + 0.1 * topic_eq + 0.03 * min(len(shared), 4)
        return Suggestion(
            "updates",
            round(score, 3),
            f"later figure: {fmt_quantity(newer.quantity)} ({_day(newer.published_on)}) after "
            f"{fmt_quantity(older.quantity)} ({_day(older.published_on)})" + _tail(new, old, shared),
        )
    return None


SECURED = re.compile(
    r"\b(?:gesichert|abgesichert|tatsächlich|im budget|im haushalt|zugesagt|fest zugesagt|bewilligt|secured"
    r"|actually|in the budget|budgeted|committed|on hand|in hand|so far only|bisher nur)\b",
    re.IGNORECASE,
)
ANNOUNCED = re.compile(
    r"\b(?:angekündigt|kündigte|announced|announces|geplant|plant|plans?|planned|vorgesehen|versprochen"
    r"|versprach|promised|promises|pledged|pledges|in aussicht|earmark\w*|target|ziel)\b",
    re.IGNORECASE,
)
# a negation that is not part of a bound ("nicht mehr als", "no more than") or of "not only"
_DISPUTE = re.compile(
    r"\b(?:kein|keine|keinen|keinem|keiner|nicht|nie|niemals|no|not|never|none)\b"
    r"(?!\s+(?:mehr als|weniger als|über|unter|nur|zuletzt|more than|less than|fewer than|only|least|most)\b)"
    r"|n't\b(?!\s+(?:more|less|only)\b)",
    re.IGNORECASE,
)
ESTIMATE = re.compile(
    r"\b(?:estimat\w*|schätz\w*|geschätzt\w*|analyst\w*|kritiker\w*|critics?)\b", re.IGNORECASE
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _judge_converted(new: ClaimFacts, old: ClaimFacts) -> Suggestion | None:
    """Figures in two currencies (at the ECB rate of the later date said) or in two units of one dimension:
    the same figure once converted is `same`, with the conversion as its reason. Anything else across units is
    left to editors: a converted figure that differs is too often a different measure to call a contradiction."""
    from articles.checks.compare import comparable  # pure, but loads the rate table: only when needed

    qn, qo = new.quantity, old.quantity
    assert qn is not None and qo is not None
    if qn.bound in ("range",) or qo.bound in ("range",) or new.text == old.text:
        return None
    shared = _shared(new, old)
    if not (new.article_id == old.article_id or (new.topic and new.topic == old.topic) or shared
            or _same_speaker(new, old)):
        return None
    fn = _flags(new.text, new.language, qn.value, qn.unit)
    fo = _flags(old.text, old.language, qo.value, qo.unit)
    if fn[:2] != fo[:2] or _other_measures(fn, fo):
        return None
    comparison = comparable(qn.value, qn.unit, new.stated_on or new.published_on,
                            qo.value, qo.unit, old.stated_on or old.published_on)
    if comparison is None or not comparison.same:
        return None
    score = 0.6 + 0.1 * bool(new.topic and new.topic == old.topic) + 0.05 * min(len(shared), 3)
    return Suggestion("same", round(min(score, 0.9), 3), comparison.reason + _tail(new, old, shared))


def _disputed(a: ClaimFacts, b: ClaimFacts) -> tuple[ClaimFacts, ClaimFacts] | None:
    """(quote, figure) when one of two claims citing the same value is a quote that says no to it („Die 1,6
    Milliarden sind eine Überschrift, kein Budget“) and the other states it plainly."""
    for quote, fig in ((a, b), (b, a)):
        if (
            quote.kind == "quote"
            and fig.kind != "quote"
            and quote.quantity is not None
            and quote.quantity.unit not in ("a", "d")
            and not _same_speaker(quote, fig)
            and not NEGATION.search(fig.text)
        ):
            cited = _cited_sentence(quote.text, quote.language, quote.quantity.value, quote.quantity.unit)
            if cited and (_DISPUTE.search(cited) or _DENIAL_WORDS_RE.search(cited)):
                return quote, fig
    return None


@functools.lru_cache(maxsize=4096)
def _sentence_at(text: str, pos: int) -> str:
    a = max(text.rfind(". ", 0, pos), text.rfind("! ", 0, pos), text.rfind("? ", 0, pos))
    ends = [i for i in (text.find(". ", pos), text.find("! ", pos), text.find("? ", pos)) if i >= 0]
    return text[a + 1 : min(ends) + 1 if ends else len(text)]


_CITING = re.compile(r"\b(?:die|der|das|den|diese|diesen|dieser|jene|jenen|the|these|those|this|that)\s+$", re.I)


_NEGATED_BEFORE = re.compile(
    rf"\b(?:{'|'.join([*_de.NEGATIONS, *_en.NEGATIONS])})\b(?:\s+[\w-]+){{0,2}}\s*$|n't\s+[\w-]+\s*$", re.IGNORECASE
)
_DENIAL_WORDS_RE = re.compile(rf"\b(?:{'|'.join([*_de.DENIAL_WORDS, *_en.DENIAL_WORDS])})\b", re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _cited_sentence(text: str, language: str, value: float, unit: str) -> str | None:
    """The sentence of a quote that cites its figure (`value`, `unit`) as one already named („Die 1,6
    Milliarden sind …“, "the $4bn is …"), or None when the quote names it afresh."""
    cur = unit if len(unit) == 3 else "USD"
    for m in _figures(text, language, cur):
        if m.quantity.unit == unit and math.isclose(m.quantity.value, value, rel_tol=1e-6):
            sentence = _sentence_at(text, m.start)
            # „Die 1,6 Milliarden sind …“, "We are not cutting 2,000 posts", "… sind schlicht falsch"
            if (
                _CITING.search(text, max(0, m.start - 12), m.start)
                or _NEGATED_BEFORE.search(text, max(0, m.start - 30), m.start)
                or _DENIAL_WORDS_RE.search(sentence)
            ):
                return sentence
            return None
    return None


ATTRIBUTION = re.compile(
    r"\b(?:sagte|sagt|sagten|teilte|mitteilte|erklärte|schätzt\w*|beziffer\w*|rechnete|laut|zufolge|warnte"
    r"|said|says|told|estimates?|estimated|according to|claims?|put the|puts the|reckons?|warned)\b",
    re.IGNORECASE,
)


def _attributed(c: ClaimFacts) -> bool:
    return c.kind == "quote" or _cues(c.text).attributed


def _interval(q: Quantity) -> tuple[float, float]:
    v = q.value
    return {
        "approx": (v * 0.85, v * 1.15),
        "lt": (0.0, v),
        "le": (0.0, v),
        "gt": (v, math.inf),
        "ge": (v, math.inf),
        "range": (v, q.high if q.high is not None else v),
    }.get(q.bound, (v, v))


def _disjoint(a: Quantity, b: Quantity) -> bool:
    (a0, a1), (b0, b1) = _interval(a), _interval(b)
    return a1 < b0 or b1 < a0


def _same_years(a: str, b: str) -> bool:
    """Both texts name the same years, or none: "2,4 Millionen heute" and "4 Millionen 2030" are not at odds."""
    return _cues(a).years == _cues(b).years


def _bounds_comparable(a: Quantity, b: Quantity) -> bool:
    """An update replaces a figure of the same kind: not a cap by a floor, nor a plain figure by a cap."""
    kinds = {a.bound, b.bound}
    return not (kinds & UPPER and kinds & LOWER) and "range" not in kinds


_REVISION_RE = re.compile(
    rf"\b(?:{'|'.join(re.escape(w) for w in [*_de.REVISION_WORDS, *_en.REVISION_WORDS])})\b", re.IGNORECASE
)


@functools.lru_cache(maxsize=4096)
def _other_values(text: str, language: str, unit: str, value: float) -> tuple[float, ...]:
    """The values of the other figures of `text` in `unit` ("up from the 3.5 GW it forecast")."""
    cur = unit if len(unit) == 3 else "USD"
    return tuple(
        m.quantity.value
        for m in _figures(text, language, cur)
        if m.quantity.unit == unit and not math.isclose(m.quantity.value, value, rel_tol=1e-6)
    )


def _revises(c: ClaimFacts) -> bool:
    """The claim says it replaces an earlier figure ("revised", "now expects", "korrigiert", "nun")."""
    return _cues(c.text).revises


@dataclass(frozen=True)
class _Cues:
    """What the pair rules look for in one claim's text, found once per text."""

    attributed: bool
    revises: bool
    secured: bool
    announced: bool
    estimate: bool
    years: frozenset[str]
    denial: bool
    negated: bool


@functools.lru_cache(maxsize=65536)
def _cues(text: str) -> _Cues:
    return _Cues(
        attributed=bool(ATTRIBUTION.search(text)), revises=bool(_REVISION_RE.search(text)),
        secured=bool(SECURED.search(text)), announced=bool(ANNOUNCED.search(text)),
        estimate=bool(ESTIMATE.search(text)), years=frozenset(_YEAR.findall(text)),
        denial=bool(DENIAL.search(text)), negated=bool(NEGATION.search(text)),
    )


def _statement_date(c: ClaimFacts) -> dt.date | None:
    return c.stated_on or c.published_on


def judge(new: ClaimFacts, old: ClaimFacts) -> Suggestion | None:
    """How `new` relates to `old`, or None when the pair is not worth an editor's second."""
    if new.id == old.id:
        return None
    if new.quantity is not None and old.quantity is not None:
        got = _judge_figures(new, old)
        if got is not None:
            return got
    topic_eq = bool(new.topic and new.topic == old.topic)
    same_article = new.article_id == old.article_id

    # a figure denied in a quote: "they don't have the money" against a sum of money
    for quote, fig in ((new, old), (old, new)):
        if (
            quote.kind == "quote"
            and fig.quantity is not None
            and len(fig.quantity.unit) == 3
            and fig.quantity.unit.isupper()
            and quote.quantity is None
            and fig.quantity.bound not in LOWER | {"lt"}
            and not _same_speaker(quote, fig)
            and _cues(quote.text).denial
            and (same_article or topic_eq)
            and (topic_eq or _shared(new, old))
        ):
            return Suggestion(
                "contradicts",
                0.7,
                f"{quote.speaker or 'a quote'} denies the money: “{_snippet(quote.text, 50)}” vs "
                f"{fmt_quantity(fig.quantity)}" + (f", same topic {fig.topic}" if topic_eq else ""),
            )

    if new.kind == "figure" or old.kind == "figure":
        return None
    # a speaker reversing himself: same speaker, different days, one of them saying no
    if _same_speaker(new, old):
        if same_article:
            dn, do = new.stated_on, old.stated_on
        else:
            dn, do = _statement_date(new), _statement_date(old)
        if (
            dn
            and do
            and dn != do
            and (_cues(new.text).negated or _cues(old.text).negated)
            and (topic_eq or _shared(new, old))
            # across articles, the two quotes must at least share a word: a speaker on two subjects (hiring
            # in May, a funding round in June) is not reversing himself
            and (same_article or _content_words(new.text) & _content_words(old.text))
        ):
            first, later = (old, new) if do < dn else (new, old)
            return Suggestion(
                "contradicts",
                0.72,
                f"{new.speaker} reverses: “{_snippet(first.text, 45)}” ({_day(_statement_date(first))})"
                f" vs “{_snippet(later.text, 45)}” ({_day(_statement_date(later))})",
            )
    # two speakers of one article at odds: one says no to what the other asserts, in the same words
    # ("Wir können nicht jedem Betreiber bis 2028 einen Anschluss versprechen" / "Jeder Betreiber bekommt bis
    # 2028 seinen Anschluss")
    if (
        same_article
        and new.speaker
        and old.speaker
        and not _same_speaker(new, old)
        and _cues(new.text).negated != _cues(old.text).negated
    ):
        common = _content_words(new.text) & _content_words(old.text)
        if len(common) >= 2:
            return Suggestion(
                "contradicts",
                round(min(0.6 + 0.04 * len(common), 0.75), 3),
                f"{old.speaker} vs {new.speaker}: “{_snippet(old.text, 45)}” vs “{_snippet(new.text, 45)}”"
                f", one of them denies it (both on {', '.join(sorted(common)[:3])})",
            )
    # the same statement repeated (by the same or an unnamed speaker), or echoed by someone else
    if same_article and new.text == old.text:
        return None
    sim = _word_overlap(new.text, old.text)
    if sim < 0.6:
        return None
    score = 0.55 + 0.3 * min((sim - 0.6) / 0.4, 1.0)
    if new.speaker and old.speaker and not _same_speaker(new, old):
        return Suggestion(
            "supports",
            round(score - 0.05, 3),
            f"{new.speaker} echoes {old.speaker}: “{_snippet(new.text, 60)}”",
        )
    return Suggestion(
        "same",
        round(score + 0.05 * _same_speaker(new, old), 3),
        f"same statement{_who(new)}: “{_snippet(new.text, 60)}”",
    )


_WORDS = re.compile(r"\w+")


@functools.lru_cache(maxsize=16384)
def _content_words(text: str) -> frozenset[str]:
    """Words that carry content: four letters or more and not a function word, and four-digit numbers."""
    return frozenset(
        _stem(w)
        for w in _WORDS.findall(text.casefold())
        if (len(w) >= 4 and not w.isdigit() and w not in FUNCTION_WORDS and not NEGATION.fullmatch(w))
        or re.fullmatch(r"\d{4}", w)
    )


@functools.lru_cache(maxsize=16384)
def _long_words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORDS.findall(text.casefold()) if len(w) > 2)


def _word_overlap(a: str, b: str) -> float:
    wa, wb = _long_words(a), _long_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb)) if min(len(wa), len(wb)) >= 4 else 0.0


def best_suggestions(
    new: ClaimFacts, candidates: Iterable[ClaimFacts], limit: int = 3
) -> list[tuple[int, Suggestion]]:
    """The few best suggestions for `new` among `candidates`: [(candidate id, suggestion)], best first.

    The best of each relation is kept first (so a strong "same" does not crowd out the contradiction), then
    the rest by score; pairs scoring under MIN_SCORE are dropped.
    """
    judged: list[tuple[float, int, Suggestion]] = []
    seen: set[int] = set()
    for old in candidates:
        if old.id in seen or old.id == new.id:
            continue
        seen.add(old.id)
        s = judge(new, old)
        if s is not None and s.score >= MIN_SCORE:
            judged.append((s.score, old.id, s))
    judged.sort(key=lambda t: (-t[0], t[1]))
    picked: list[tuple[float, int, Suggestion]] = []
    for rel in RELATIONS:
        for item in judged:
            if item[2].relation == rel:
                picked.append(item)
                break
    picked.sort(key=lambda t: (-t[0], t[1]))
    picked = picked[:limit]
    for item in judged:
        if len(picked) >= limit:
            break
        if item not in picked:
            picked.append(item)
    picked.sort(key=lambda t: (-t[0], t[1]))
    return [(oid, s) for _, oid, s in picked]
