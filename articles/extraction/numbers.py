"""Figures in German and English text: value, unit and bound, normalised.

A bare number is never a figure: a figure needs a unit (currency, percent, SI unit, duration with a
deadline or delay cue) or a counted noun, or a scale word (Milliarden, billion) in a story that speaks of money.
That one rule keeps years, dates, ordinals, list labels and numbers inside names out.

Counted nouns: a known list ("Arbeitsplätze", "GPUs"), a German compound ending in one ("Grafikprozessoren"),
or any plural noun after a number that can count many things (three digits, or a thousands separator:
"50.000 Beschleunigern"), unless a label stands before the number ("Paragraf 7", "Allee 107") or the noun
measures ("300 Kilometer"). A count may also name its measure before the number ("headcount would stay at
about 76,000"). Of two numbers set against each other ("statt 2.500 nur noch 1.800 Stellen", "von 2,8 auf 2,1
Milliarden Euro") the first takes the unit and scale of the second, when both are of one magnitude.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from articles import lexicon as _lexicon
from articles.lexicon import currencies as _currencies
from articles.lexicon import de as _de
from articles.lexicon import en as _en
from articles.lexicon import units as _units

from .numerals import rewrite
from .types import Quantity
from .word_trie import word_trie

NUMBER_WORDS: dict[str, int] = {**_en.NUMBER_WORDS, **_de.NUMBER_WORDS}
# "ein"/"one" alone is too common: a number word for 1 counts only before a scale word.
WEAK_WORDS = frozenset(_lexicon.both("WEAK_NUMBER_WORDS"))

_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUM = rf"(?:\d+(?:[.,]\d+)*|(?:{_WORDS})(?![a-zäöüß]))"

# scale words; value None means "depends on the language" (Billion)
SCALES: list[tuple[str, float | None]] = [
    (r"milliarden|milliarde|mrd\.?", 1e9),
    (r"billionen|billion|billions|bio\.", None),
    (r"millionen|million|millions|mio\.?|mln\.?", 1e6),
    (r"trillions|trillion|tn", 1e12),
    (r"tausend|thousand|tsd\.", 1e3),
    (r"bn|b", 1e9),
    (r"mn|m", 1e6),
    (r"k", 1e3),
]
_SCALE_RE = "|".join(f"(?:{p})" for p, _ in SCALES)
_SHORT_SCALES = {"bn", "b", "mn", "m", "k", "tn"}



def _qualified_currencies() -> dict[str, str]:
    """ "syrische pfund", "singapur-dollar", "singapore dollars": a currency noun fixed by its country."""
    out: dict[str, str] = {}
    for (adj, noun), code in _de.QUALIFIED_CURRENCIES.items():
        for end in ("", "e", "en", "er", "es"):
            out[f"{adj}{end} {noun}"] = code
        out[f"{adj}-{noun}"] = code
    for (adj, noun), code in _en.QUALIFIED_CURRENCIES.items():
        out[f"{adj} {noun}"] = code
        out[f"{adj} {noun.removesuffix('s')}"] = code
    return out


QUALIFIED_CURRENCIES = _qualified_currencies()
# ISO codes that are also words ("try", "cop") are read only in capitals, before a number ("TRY 5")
_WORD_CODES = frozenset({"try", "cop", "pen", "ars", "sar", "won", "rand", "real", "all"})
CURRENCY_WORDS = {
    **{c.lower(): c for c in _currencies.CODES},
    **_lexicon.both_map("CURRENCY_WORDS"),
    **_currencies.SYMBOLS,
    **QUALIFIED_CURRENCIES,
}
MINOR_UNITS = frozenset(_currencies.MINOR_UNITS)
# the nouns whose currency the article decides ("Pfund" in a Syrian story is the Syrian pound)
AMBIGUOUS = {"pfund": "pfund", "pound": "pound", "pounds": "pound", "dollar": "dollar", "dollars": "dollar",
             "$": "dollar", "franken": "franken", "francs": "franken", "kronen": "kronen", "krone": "kronen",
             "peso": "peso", "pesos": "peso", "rupien": "rupie", "rupees": "rupie", "cents": "cent", "cent": "cent"}
_SYMBOL_ALT = "|".join(re.escape(s) for s in sorted(_currencies.SYMBOLS, key=len, reverse=True))
# a currency before the amount: a sign ("S$", "€") or an ISO code in capitals ("CHF 5", "EUR 49")
_PRE = rf"(?:{_SYMBOL_ALT}|(?-i:{'|'.join(_currencies.CODES)})(?=[ \u00a0]?\d))"
# unit word or symbol -> (unit, factor); ordered longest first in the regex
UNIT_WORDS: dict[str, tuple[str, float]] = {**_units.SYMBOLS, **_lexicon.both_map("UNIT_WORDS")}
DURATION_WORDS: dict[str, tuple[str, float]] = _lexicon.both_map("DURATION_WORDS")
_DIRECTIONS = frozenset(_lexicon.both("DIRECTION_WORDS"))
# counted things: a number before one of these is a count
COUNT_NOUNS = "|".join([*_de.COUNT_NOUNS, *_en.COUNT_NOUNS])
# A German compound ending in a counted noun ("Grafikprozessoren", "Leistungschips") is counted too; these
# endings are not: "Millisekunden" ends in "kunden" but measures time
_COMPOUND_COUNT = re.compile(rf"[a-zäöüß]{{3,}}(?:{COUNT_NOUNS})$")
_NOT_COUNTED_END = re.compile(rf"(?:{'|'.join(_lexicon.both('TIME_ENDINGS'))})$", re.IGNORECASE)
# multi-word nouns ("data centres") need explicit spaces: FIGURE_RE is a VERBOSE pattern
_COUNT_RE = COUNT_NOUNS.replace(" ", r"[ \u00a0]+")
DEADLINE_CUE = re.compile(rf"(?:{'|'.join(_lexicon.both('DEADLINE_CUES'))})\W{{0,3}}(?:\w+\W+){{0,2}}$", re.IGNORECASE)

_UNIT_ALT = "|".join(
    re.escape(u)
    for u in sorted(
        [*(w for w in CURRENCY_WORDS if (w not in _WORD_CODES and w.isalpha()) or " " in w or "-" in w),
         *MINOR_UNITS, *UNIT_WORDS, *DURATION_WORDS],
        key=len,
        reverse=True,
    )
)

# A range may name its scale once ("2 bis 3 Milliarden") or on both ends ("$2bn and $3bn").
_RANGE_PART = (
    rf"""(?:(?:[ \u00a0-]*(?P<scale1>{_SCALE_RE})(?![\w]))?"""
    rf"""[ \u00a0]*(?P<rsep>-|–|bis|to|und|and)[ \u00a0]*(?P<pre2>{_PRE})?(?P<num2>"""
    rf"""{_NUM}))?"""
)
_FIGURE = rf"""
    (?<![\w.,])(?<![^\W\d]-)
    (?:(?P<pre>{_PRE})[ \u00a0]?)?
    (?P<num>{_NUM})
    {{range}}
    (?:[ \u00a0-]*(?P<scale>{_SCALE_RE})(?![\w]))?
    (?:[ \u00a0-]*(?:\(\W{{{{1,3}}}}\)[ \u00a0]*)?(?P<unit>{_UNIT_ALT})(?![\w²³$€£]))?
    (?:[ \u00a0]+(?P<adj>[a-zäöüß]+[ \u00a0]+)?(?P<count>(?:[^\W_]+-)*(?:{_COUNT_RE}))\b)?
    """
FIGURE_RE = re.compile(_FIGURE.format(range=_RANGE_PART), re.IGNORECASE | re.VERBOSE)
# the same without the range part: the first number of "5 und 6 Prozent" read on its own
SINGLE_RE = re.compile(
    _FIGURE.format(range="(?P<scale1>(?!))?(?P<rsep>(?!))?(?P<pre2>(?!))?(?P<num2>(?!))?"),
    re.IGNORECASE | re.VERBOSE,
)
# "ab 2029 Chips", "since 2020 users": a year before a counted noun is a date, not a count
YEAR_LEAD = re.compile(rf"(?:^|[^\w])(?:{'|'.join(_lexicon.both('YEAR_LEADS'))})[ \u00a0]*$", re.IGNORECASE)

# the words before a figure that set its bound (lexicon BOUNDS), tried in this order
BOUND_RE: list[tuple[str, re.Pattern[str]]] = [
    (b, re.compile(rf"(?:^|[^\w])(?:{p})[ \u00a0]*(?:{_PRE})?[ \u00a0]*$", re.IGNORECASE))
    for b, p in [
        (bound, "|".join(w.replace(" ", r"\s+") for w in [*_de.BOUNDS[bound], *_en.BOUNDS[bound]]))
        for bound in ("lt", "le", "ge", "gt", "approx")
    ]
]
RANGE_LEAD = re.compile(rf"(?:{'|'.join(_lexicon.both('RANGE_LEADS'))})[ \u00a0]*(?:{_PRE})?[ \u00a0]*$", re.IGNORECASE)
RATE_RE = re.compile(rf"\b(?:{'|'.join(_lexicon.both('RATE_WORDS'))})\b", re.IGNORECASE)
PER_ITEM_RE = re.compile(rf"\b(?:{'|'.join(_lexicon.both('PER_ITEM_WORDS'))})\b[^.;:!?]{{0,20}}$", re.IGNORECASE)
_NOT_ITEM = (
    r"(?!\s+(?:jahr|monat|woche|tag|quartal|stunde|minute|sekunde|year|month|week|day|annum|quarter|hour"
    r"|minute|second)\b)"
)
# "pro Werk", "per plant", "for each site" after the figure; "a single campus", "allein ein Werk" in its clause
# before it: a figure for one item of many, not the total ("höchstens 5 Milliarden Euro pro Werk")
PER_ITEM_AFTER_RE = re.compile(
    rf"^[^.;:!?,]{{0,25}}?\b(?:(?:jeweils|je|pro|per|apiece){_NOT_ITEM}|für jede[nsm]?|for (?:each|every)"
    r"|to (?:any|each|every)(?: single)?|in each|an jede[nsm]?)\b",
    re.IGNORECASE,
)
PART_RE = re.compile(
    rf"\b(?:(?:jeweils|je|pro|per){_NOT_ITEM}\s+[a-zäöüß]*\w+|ein(?:e[nm]?|er)?\s+(?:einzelne[nmrs]?|einzige[nmrs]?)"
    r"|allein\s+(?:ein|eine|einer|der|die|das)|a single|one single|any single|each single)\b",
    re.IGNORECASE,
)
_CLAUSE_BEFORE = re.compile(r"[^,;:()\n.!?]*$")
# (the ~300 currency words as a trie: asked of every article in full, as a plain alternation this alone took
# ~15 % of extraction)
MONEY_CONTEXT_RE = re.compile(
    rf"(?:{_SYMBOL_ALT}|\b(?:{word_trie(w for w in CURRENCY_WORDS if w[:1].isalpha() and w not in _WORD_CODES)})\b)",
    re.IGNORECASE,
)
# where the article itself says which pound or dollar it means ("syrische Pfund", "S$", "Singapore dollars")
_CURRENCY_NOUN_RE = re.compile(
    rf"\b(?:{'|'.join(sorted({re.split(r'[ -]', w)[-1] for w in QUALIFIED_CURRENCIES}, key=len, reverse=True))})\b",
    re.IGNORECASE,
)
_QUALIFIERS = frozenset(re.split(r"[ -]", w)[0][:6] for w in QUALIFIED_CURRENCIES)
_WORDS_BEFORE = re.compile(r"(?:([A-Za-zÄÖÜäöüß]+)[ ])?([A-Za-zÄÖÜäöüß]+)[ -]$")
_DOLLAR_SIGN_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]{1,2}\$")


def article_currencies(text: str) -> dict[str, str]:
    """The meaning the article gives its ambiguous currency nouns: {"pfund": "SYP"} when it speaks of
    "syrische Pfund", {"dollar": "SGD", "cent": "SGD"} when its amounts are in "S$"; the most named wins."""
    counts: dict[tuple[str, str], int] = {}
    found: list[tuple[str, str]] = []
    low = text.casefold()
    if "$" not in text and not any(q in low for q in _QUALIFIERS):
        return {}  # no country word and no dollar sign: nothing to fix (a cheap test before the patterns)
    for m in _CURRENCY_NOUN_RE.finditer(text):
        noun = m.group(0).lower()
        w = _WORDS_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if not w:
            continue
        sep = text[m.start() - 1]
        for words in ((w.group(1), w.group(2)), (w.group(2),)):
            if None in words:
                continue
            key = " ".join(words).lower() + (" " if sep == " " else "-") + noun
            if key in QUALIFIED_CURRENCIES:
                found.append((noun, QUALIFIED_CURRENCIES[key]))
                break
    for m in _DOLLAR_SIGN_RE.finditer(text):
        code = _currencies.SYMBOLS.get(m.group(0).lower())
        if code:
            found.append(("$", code))
    for word, code in found:
        noun = AMBIGUOUS.get(word, "dollar")
        counts[(noun, code)] = counts.get((noun, code), 0) + 1
        if noun == "dollar":
            counts[("cent", code)] = counts.get(("cent", code), 0) + 1
    out: dict[str, str] = {}
    for (noun, code), _n in sorted(counts.items(), key=lambda kv: kv[1]):
        out[noun] = code
    return out
_NEXT_WORD_RE = re.compile(r"[ \u00a0]*([\w-]+|[^\w\s]|$)")
_EN_NEXT_OK = re.compile(
    r"^(?:in|of|for|to|from|and|or|by|at|on|was|were|is|are|has|have|had|so|as|than|with|into|over|"
    r"so\s?far|already|yet|\w+ed|\w+ly)$",
    re.IGNORECASE,
)


@dataclass
class Mention:
    start: int
    end: int
    quantity: Quantity
    rate: bool = False  # per year / per month
    per_item: bool = False  # "jeweils 1 Kilowatt", "per car"
    noun: str | None = None  # the counted noun of a count ("Arbeitsplätze", "data centres")


def parse_number(raw: str, language: str) -> float | None:
    word = NUMBER_WORDS.get(raw.lower())
    if word is not None:
        return float(word)
    s = raw
    thousands = "." if language.startswith("de") else ","
    decimal = "," if thousands == "." else "."
    groups = re.split(r"[.,]", s)
    seps = re.findall(r"[.,]", s)
    if not seps:
        pass
    elif all(sep == thousands for sep in seps) and all(len(g) == 3 for g in groups[1:]):
        s = "".join(groups)
    elif len(seps) == 1 and seps[0] == decimal:
        s = s.replace(decimal, ".")
    elif len(seps) == 1:
        # the other separator, once: "1.5" in a German text is a decimal point, "5.000" is thousands
        s = "".join(groups) if len(groups[1]) == 3 else s.replace(",", ".")
    else:
        # mixed "1.234,5" / "1,234.5"
        last = seps[-1]
        s = s.replace("." if last == "," else ",", "").replace(last, ".")
    try:
        return float(s)
    except ValueError:
        return None


def _scale_value(token: str, language: str) -> float:
    t = token.lower()
    for pattern, value in SCALES:
        if re.fullmatch(pattern, t):
            if value is None:  # Billion: 10^12 in German, 10^9 in English
                if t == "bio.":
                    return 1e12
                return 1e12 if language.startswith("de") and token[:1] == "B" else 1e9
            return value
    return 1.0


def _bound(before: str) -> str:
    for bound, pattern in BOUND_RE:
        if pattern.search(before):
            return bound
    return "eq"


# where a figure may be: a number or a number word; FIGURE_RE is only tried a few characters before one (a
# currency sign or code stands before it), far cheaper than searching with it through the whole text
_ANCHOR_RE = re.compile(rf"\d+(?:[.,]\d+)*|(?<![\w])(?:{_WORDS})(?![\w])", re.IGNORECASE)


_PRE_HINT = re.compile(r"[$€£¥₹₩₺₽₪₱฿]|[A-Z]{3}|zł", re.IGNORECASE)


def _search_figure(text: str, pos: int, endpos: int | None = None) -> re.Match[str] | None:
    """FIGURE_RE.search(text, pos[, endpos]), looking only near numbers."""
    end = len(text) if endpos is None else endpos
    while True:
        a = _ANCHOR_RE.search(text, pos, end)
        if a is None:
            return None
        lead = max(pos, a.start() - 6)
        starts = range(lead, a.start() + 1) if _PRE_HINT.search(text, lead, a.start()) else (a.start(),)
        for start in starts:
            m = FIGURE_RE.match(text, start, end)
            if m is not None:
                return m
        pos = a.end()


def find_figures(
    text: str, language: str, *, money_context: bool | None = None, default_currency: str | None = None
) -> list[Mention]:
    """All figures in `text`, in order. `default_currency` is used for "10 Milliarden" with no unit."""
    out: list[Mention] = []
    if money_context is None:
        money_context = bool(MONEY_CONTEXT_RE.search(text))
    numerals = rewrite(text, language)  # "vier" -> "4", "30 000" -> "30.000"; positions mapped back below
    text = numerals.text
    fixed = article_currencies(text)
    pos = 0
    while True:
        m = _search_figure(text, pos)
        if m is None:
            break
        if m.group("num2") and not _is_range(m, text, language):
            m = SINGLE_RE.match(text, m.start())  # "€2bn and 1,500 jobs": read the first figure alone
            assert m is not None
        pos = m.end()
        m_end = m.end()
        num_raw = m.group("num")
        scale1_raw = m.group("scale1")
        scale_raw = m.group("scale") or scale1_raw
        unit_raw = m.group("unit")
        count_raw = m.group("count")
        pre = m.group("pre")
        if not (scale_raw or unit_raw or count_raw or pre) and not m.group("num2"):
            # a bare number: a count of the plural noun after it ("50.000 Beschleunigern"), of the measure
            # before it ("headcount would stay at about 76,000"), or the first of two figures sharing one
            # unit ("statt 2.500 nur noch 1.800 Stellen", "von 2,8 auf 2,1 Milliarden Euro")
            borrowed = _borrowed_unit(text, m, language)
            if borrowed is not None:
                scale_raw, unit_raw, count_raw, pre = borrowed
            else:
                counted = _bare_count(text, m, language)
                if counted is None:
                    continue
                count_raw, m_end = counted
        if not (scale_raw or unit_raw or count_raw or pre):
            continue
        if num_raw.lower() in WEAK_WORDS and not scale_raw:
            continue
        if scale_raw and scale_raw.lower() in _SHORT_SCALES and not (pre or unit_raw or count_raw):
            continue  # "bn", "m", "k" are scale words only with a currency or a counted noun ("5m people")
        if scale_raw and not re.match(r"[A-Za-zÄÖÜäöü]", scale_raw):
            continue
        value = parse_number(num_raw, language)
        if value is None:
            continue
        num2 = m.group("num2")
        high = None
        before = text[max(0, m.start() - 40) : m.start()]
        scale = _scale_value(scale_raw, language) if scale_raw else 1.0
        scale_low = _scale_value(scale1_raw, language) if scale1_raw else scale
        if num2:
            high = parse_number(num2, language)
        if count_raw and not (scale_raw or unit_raw or pre or num2) and _is_year(num_raw, before):
            continue  # "ab 2029 Chips": a year
        unit: str | None = None
        factor = 1.0
        inferred = False
        unit_key = re.sub(r"[ \u00a0]+", " ", (unit_raw or "").lower())
        cur = pre.lower() if pre else None
        if cur:
            unit = CURRENCY_WORDS.get(cur) or CURRENCY_WORDS.get(cur.strip())
            if cur == "$" and "dollar" in fixed:
                unit = fixed["dollar"]
        if unit_key in MINOR_UNITS or unit_key.endswith(" cents"):
            # "5.5 cents", "20 Cent": a hundredth of the article's currency
            unit = CURRENCY_WORDS.get(unit_key) or fixed.get("cent") or default_currency or (
                "EUR" if language.startswith("de") else "USD")
            factor = 0.01
        elif unit_key in CURRENCY_WORDS:
            unit = CURRENCY_WORDS[unit_key]
            if unit_key in AMBIGUOUS and AMBIGUOUS[unit_key] in fixed:
                unit = fixed[AMBIGUOUS[unit_key]]
        elif unit_key in UNIT_WORDS and unit is None:
            unit, factor = UNIT_WORDS[unit_key]
            nxt = _NEXT_WORD_RE.match(text, m_end)
            if unit == "m" and nxt and nxt.group(1).casefold() in _DIRECTIONS:
                continue  # "300 Kilometer nördlich der Stadt": where a place is, not a measure
        elif unit_key in DURATION_WORDS and unit is None:
            lead = text[max(0, m.start() - 40) : m.start()]
            if not (
                DEADLINE_CUE.search(lead)
                or _delay_cue(text, m.start(), m_end)
                or _LENGTH_BEFORE.search(lead)
                or _LENGTH_AFTER.match(text, m_end)
                or text[m.start("unit") - 1 : m.start("unit")] == "-"  # "a 14-day quarantine"
            ):
                continue
            unit, factor = DURATION_WORDS[unit_key]
        if unit is None and count_raw and _PER_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "250 crimes per 100,000 residents": the base of a rate, not a count
        if unit is None and count_raw:
            unit = "count"
            if value != int(value) and re.fullmatch(r"\d{1,3}[.,]\d{3}", num_raw):
                value = float(num_raw.replace(".", "").replace(",", ""))  # "1.200 jobs": nobody counts 1.2 jobs
            if value * scale < 2:
                continue
            if value * scale == 2 and not (num2 or _bound(before) != "eq"):
                continue  # "two firms", "zwei Schritte": a pair is mentioned, rarely claimed
        if unit is None:
            if not scale_raw or scale < 1e6:
                continue
            # "10 Milliarden" with no unit: money only in a money story, and not before another noun
            nxt = _NEXT_WORD_RE.match(text, m_end)
            word = nxt.group(1) if nxt else ""
            if language.startswith("de"):
                if word[:1].isupper():
                    continue
            elif word and word[0].isalpha() and not _EN_NEXT_OK.match(word):
                continue
            if not (money_context and default_currency):
                continue
            unit, inferred = default_currency, True
        bound = "range" if high is not None else _bound(before)
        val = value * scale_low * factor
        q = Quantity(
            value=_clean(val),
            unit=unit,
            bound=bound,
            high=_clean(high * scale * factor) if high is not None else None,
            unit_inferred=inferred,
        )
        end = m_end
        # drop trailing spaces/hyphens of the match
        while end > m.start() and text[end - 1] in " \u00a0-":
            end -= 1
        after = text[end : end + 120]
        sent_after = re.split(r"[.;!?]\s", after, maxsplit=1)[0]
        rate = bool(RATE_RE.search(sent_after) or RATE_RE.search(before[-30:]))
        per_item = bool(PER_ITEM_RE.search(before)) or _part_of_many(text, m.start(), after)
        noun = count_raw.rsplit("-", 1)[-1].strip() if unit == "count" and count_raw else None
        out.append(
            Mention(numerals.to_text(m.start()), numerals.to_text(end), q, rate=rate, per_item=per_item, noun=noun)
        )
    return out


_THOUSANDS = {"de": re.compile(r"\d{1,3}(?:\.\d{3})+"), "en": re.compile(r"\d{1,3}(?:,\d{3})+")}
_YEARLIKE = re.compile(r"(?:1[89]|20)\d\d")
# a capitalised German noun after the number, perhaps after declined adjectives ("50.000 neue Stellen")
_DE_NOUN_AFTER = re.compile(
    r"[ \u00a0]+(?P<adj>(?:[a-zäöüß]+(?:e|en|er|es|em)[ \u00a0]+){0,2})"
    r"(?P<noun>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜa-zäöüß]+)*)(?![\w-])"
)
# an English plural after the number, perhaps after one or two modifiers ("four major hurricanes", "67,000
# research staff")
_EN_NOUN_AFTER = re.compile(
    r"[ \u00a0]+(?P<adj>(?:[a-z][a-z-]+[ \u00a0]+){0,2}?)"
    rf"(?P<noun>[a-z]{{3,}}[^s\W]s|(?:{'|'.join(_en.IRREGULAR_PLURALS)}))(?![\w-])"
)
_NOT_MODIFIERS = frozenset([*_lexicon.both("FUNCTION_WORDS"), "than", "per", "more", "less", "were", "are", "was",
                            "have", "had", "has", "been", "will", "would"])
_REMAINDER = frozenset(_lexicon.both("REMAINDER_ADJECTIVES"))
_NOT_COUNTED_NOUNS = frozenset(_lexicon.both("NOT_COUNTED_NOUNS"))
# "12 von 30 Stimmen", "3 out of 10 people": the second number of a share counts nothing by itself
_SHARE_BEFORE = re.compile(r"\d[ \u00a0]+(?:von|of|out of|aus)[ \u00a0]+$", re.IGNORECASE)
# nouns after a number that measure rather than count ("300 Kilometer", "200 Punkte", "100 Mal")
NOT_COUNTED = re.compile(rf"(?:{'|'.join(_lexicon.both('MEASURE_NOUNS'))})$", re.IGNORECASE)
# a number right after a label is a label: "Paragraf 7", "Platz 1", "Typ 200", "Allee 107", "Road 12"
_LABEL_BEFORE = re.compile(
    rf"(?:^|[^\w.])(?:{'|'.join(_lexicon.both('LABEL_WORDS'))})\.?[ \u00a0]*$",
    re.IGNORECASE,
)
# what a count may be said of before the number: "headcount would stay at about 76,000"
_COUNT_MEASURE_BEFORE = re.compile(
    rf"(?:^|[^\w-])(?P<noun>{'|'.join(_lexicon.both('COUNT_MEASURES'))})\b"
    r"[^\d.;:!?()\n]{0,45}$",
    re.IGNORECASE,
)
_TIME_NOUN = re.compile(
    # month names written out (an abbreviation is the start of a longer name), nouns of time, weekdays
    "|".join([*(m for m in _de.MONTHS if not any(o != m and o.startswith(m) for o in _de.MONTHS)),
              *_de.TIME_NOUNS, *_de.WEEKDAYS]),
    re.IGNORECASE,
)
_SENTENCE_START = re.compile(r"(?:^|[.!?:„“\"»]\s*|\n\s*)$")


# capitalised English words before a number that are no label: months, bounds and words opening a sentence
_NOT_LABELS = frozenset([*_en.MONTHS, *_en.WEEKDAYS, *(w for ws in _en.BOUNDS.values() for w in ws), "than", "and",
                         "the", "about", "some", "nearly", "almost", "only", "just", "all", "another", "at", "of"])


def _label_number(text: str, start: int, language: str) -> bool:
    """ "Paragraf 7", "Heinrich-Mann-Allee 107", "Windows 11": a number right after a label, or right after a
    capitalised word that does not open the sentence, names a thing; it counts nothing."""
    before = text[max(0, start - 40) : start]
    if _LABEL_BEFORE.search(before):
        return True
    w = re.search(r"([\w-]+)[ \u00a0]+$", before)
    if not (w and w.group(1)[:1].isupper()):
        return False
    if language.startswith("en") and (w.group(1).casefold() in _NOT_LABELS or _THOUSANDS["en"].match(text, start)):
        return False  # "More than 100 men", "June 1"
    if _THOUSANDS["de"].match(text, start) or _TIME_NOUN.fullmatch(w.group(1)):
        return False  # "im März 2.000 neue Stellen": no label has a thousands separator or follows a month
    return not _SENTENCE_START.search(before[: w.start(1)])


def _countable_number(raw: str, language: str) -> bool:
    """A number that can count things: up to three digits from 2, or any with a thousands separator. Years,
    postcodes and phone numbers (four or five digits without a separator) stay out."""
    if _THOUSANDS["de" if language.startswith("de") else "en"].fullmatch(raw):
        return True
    return bool(re.fullmatch(r"[2-9]|[1-9]\d{1,2}", raw))


_PER_BEFORE = re.compile(r"(?:^|[^\w])(?:per|pro|je)[ \u00a0]+$", re.IGNORECASE)
_PER_BASE = re.compile(r"[ \u00a0]+(?:per|pro|je)[ \u00a0]+\d[\d.,]*(?:[ \u00a0]+(?P<noun>[A-Za-zÄÖÜäöüß]+))?",
                       re.IGNORECASE)


def _bare_count(
    text: str, m: re.Match[str], language: str, raw: str | None = None, end: int | None = None
) -> tuple[str, int] | None:
    """(noun, end) when the bare number of `m` counts something: a plural noun right after it ("50.000
    Beschleunigern", "12,000 accelerators"), or a measure of people named before it ("the workforce will shrink
    to 1,800")."""
    raw = raw or m.group("num")
    start, end = m.start(), (end if end is not None else m.end())
    if not re.fullmatch(r"[\d.,]+", raw) or _label_number(text, m.start(), language):
        return None
    if _PER_BEFORE.search(text, max(0, start - 12), start):
        return None  # "per 100,000 residents": the base of a rate, not a count
    rate = _PER_BASE.match(text, end)
    if rate and rate.group("noun"):
        return rate.group("noun"), end  # "458 per 100,000 residents": the rate is the figure
    german = language.startswith("de")
    nm = (_DE_NOUN_AFTER if german else _EN_NOUN_AFTER).match(text, end)
    modifiers = (nm.group("adj") or "").casefold().split() if nm else []
    if (
        nm
        and not any(w in _FUNCTION_ADJ or w in _NOT_MODIFIERS or w in _REMAINDER for w in modifiers)
        and not _SHARE_BEFORE.search(text, max(0, start - 20), start)
        and nm.group("noun").casefold() not in _NOT_COUNTED_NOUNS
    ):
        noun = nm.group("noun")
        if german and _COMPOUND_COUNT.search(noun) and not _NOT_COUNTED_END.search(noun):
            return noun, nm.end()
        plural = re.search(r"(?:en|er|ern|e|n|s)$", noun) if german else True
        if plural and _countable_number(raw, language) and not NOT_COUNTED.search(noun):
            return noun, nm.end()
    if _YEARLIKE.fullmatch(raw) or (parse_number(raw, language) or 0) < 10:
        return None
    before = text[max(0, m.start() - 80) : m.start()]
    cm = _COUNT_MEASURE_BEFORE.search(before)
    if cm:
        nxt = _NEXT_WORD_RE.match(text, m.end())
        word = nxt.group(1) if nxt else ""
        if not word or not word[0].isalnum() or (word[0].islower() and (german or _EN_NEXT_OK.match(word))):
            return cm.group("noun"), m.end()
    return None


# words that end like an adjective but are not one ("2.500 sollen Stellen")
_FUNCTION_ADJ = frozenset(_lexicon.both("NOT_ADJECTIVES"))
# "statt 2.500 sollen nur noch 1.800 Stellen", "1.800 statt 2.500 Stellen", "von 2,8 auf 2,1 Milliarden Euro",
# "from 40 to 55 percent": the first number of the pair takes the unit of the second
_PAIR_LEAD = re.compile(
    r"(?:^|[^\w])(?P<lead>statt|anstatt|anstelle von|instead of|rather than|von|from)"
    r"(?:[ \u00a0]+[a-zäöü]+\.?){0,2}[ \u00a0]*$",
    re.IGNORECASE,
)
_PAIR_GAP_FROM = re.compile(r"^[ \u00a0]+(?:auf|to)\b[^\d.;:!?()\n]{0,25}$", re.IGNORECASE)
_PAIR_AFTER_WORD = re.compile(
    r"[ \u00a0]+(?:statt|anstatt|instead|rather|nach|after|down|up|gegenüber|compared|versus|vs)\b", re.IGNORECASE
)
_PAIR_GAP_INSTEAD = re.compile(r"^[^\d.;:!?()\n]{0,50}$")
_PAIR_GAP_AFTER = re.compile(
    r"^[ \u00a0]+(?:statt|anstatt|instead of|rather than|nach zuvor|nach bisher|nach|after|down from|up from"
    r"|gegenüber|compared with|versus|vs\.?)\b[^\d.;:!?()\n]{0,20}$",
    re.IGNORECASE,
)


def _borrowed_unit(
    text: str, m: re.Match[str], language: str
) -> tuple[str | None, str | None, str | None, str | None] | None:
    """(scale, unit, count, currency sign) of the figure that follows a bare number it is set against, or None.
    The two must be of one magnitude: "von 800 auf 1,2 Milliarden" is not 800 billion."""
    raw = m.group("num")
    if _YEARLIKE.fullmatch(raw) or not re.fullmatch(r"[\d.,]+", raw) or _label_number(text, m.start(), language):
        return None
    lead = _PAIR_LEAD.search(text, max(0, m.start() - 40), m.start())
    if lead is None and not _PAIR_AFTER_WORD.match(text, m.end()):
        return None
    nxt = _search_figure(text, m.end(), m.end() + 90)
    if nxt is None:
        return None
    gap = text[m.end() : nxt.start()]
    if lead and lead.group("lead").lower() in ("von", "from"):
        ok = bool(_PAIR_GAP_FROM.match(gap))
    elif lead:
        ok = bool(_PAIR_GAP_INSTEAD.match(gap))
    else:
        ok = bool(_PAIR_GAP_AFTER.match(gap))
    if not ok or nxt.group("num2"):
        return None
    scale, unit, count, pre = nxt.group("scale"), nxt.group("unit"), nxt.group("count"), nxt.group("pre")
    if not (scale or unit or count or pre):
        got = _bare_count(text, nxt, language)
        if got is None:
            return None
        count = got[0]
    if (unit or "").lower() in DURATION_WORDS:
        return None
    a, b = parse_number(raw, language), parse_number(nxt.group("num"), language)
    if not a or not b or not 0.2 <= a / b <= 5:
        return None
    return scale, unit, count, pre


# a delay or a wait: "verschiebt den Bau um mindestens zwei Jahre", "wartet im Schnitt 7 Jahre auf einen
# Anschluss", "was pushed back by 18 months"; a duration after one of these states a fact
_DELAY_BEFORE = re.compile(
    r"\b(?:verschieb\w*|verschob\w*|verschoben|verzöger\w*|aufgeschoben|verspät\w*|wartet|warten|wartezeit"
    r"|delay\w*|postpon\w*|push(?:es|ed|ing)? back|wait(?:s|ed|ing)?|waiting time)\b[^\d.;:!?()\n]{0,70}$",
    re.IGNORECASE,
)
_DELAY_AFTER = re.compile(
    r"^[ \u00a0]*(?:[\w-]+[ \u00a0]+){0,2}?(?:verschoben|verzögert|verspätet|in verzug|behind schedule|delayed"
    r"|postponed|pushed back|verspätung|verzögerung)\b",
    re.IGNORECASE,
)


# a length of time said as one: "seit 15 Jahren", "for 36 hours", "25 Jahre lang", "at least 40 years"
_LENGTH_BEFORE = re.compile(r"(?:^|[^\w])(?:seit|for|mindestens|at least|over the past|in den vergangenen)[ \u00a0]*$",
                            re.IGNORECASE)
_LENGTH_AFTER = re.compile(r"[ \u00a0]+(?:lang|long)\b", re.IGNORECASE)


# "vor zwei Jahren verschoben", "nach 18 Monaten": a point in time, not the length of a delay
_POINT_IN_TIME = re.compile(r"(?:^|[^\w])(?:vor|nach|seit|in|im|ago|before|after|since|in)[ \u00a0]+$", re.IGNORECASE)


def _delay_cue(text: str, start: int, end: int) -> bool:
    if _POINT_IN_TIME.search(text, max(0, start - 8), start):
        return False
    return bool(
        _DELAY_BEFORE.search(text, max(0, start - 90), start) or _DELAY_AFTER.match(text[end : end + 60])
    )


def _part_of_many(text: str, start: int, after: str) -> bool:
    """ "5 Milliarden Euro pro Werk", "€5bn to any single plant", "Allein ein Campus soll 480 MW beziehen": the
    figure is for one item of several, so it does not measure the same thing as a total."""
    if PER_ITEM_AFTER_RE.search(after):
        return True
    clause = _CLAUSE_BEFORE.search(text, max(0, start - 160), start)
    return bool(clause and PART_RE.search(clause.group(0)))


def _is_range(m: re.Match[str], text: str, language: str) -> bool:
    """ "2 bis 3", "2-3", "$2bn to $3bn", "zwischen 2 und 3": a range when the second number is the larger."""
    low, high = parse_number(m.group("num"), language), parse_number(m.group("num2"), language)
    if low is None or high is None:
        return False
    s1, s2 = m.group("scale1"), m.group("scale")
    low *= _scale_value(s1 or s2, language) if (s1 or s2) else 1.0
    high *= _scale_value(s2 or s1, language) if (s1 or s2) else 1.0
    if high <= low:
        return False
    before = text[max(0, m.start() - 40) : m.start()]
    if m.group("rsep").lower() in ("und", "and"):
        return bool(RANGE_LEAD.search(before))
    return True


def _is_year(raw: str, before: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", raw)) and bool(YEAR_LEAD.search(before))


def _clean(v: float) -> float:
    r = round(v, 6)
    return float(int(r)) if r == int(r) and abs(r) < 1e18 else r


def dominant_currency(text: str) -> str | None:
    """The currency a text speaks of most (used to fill in "10 Milliarden")."""
    counts: dict[str, int] = {}
    for m in MONEY_CONTEXT_RE.finditer(text):
        code = CURRENCY_WORDS.get(m.group(0).lower())
        if code:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    return max(sorted(counts), key=lambda c: counts[c])
