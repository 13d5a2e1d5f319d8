"""Recompute figures an article states as equal, a product, a sum or a share of other figures.

Pure: takes the body, its figures (articles.checks.figures.read_figures) and sentence spans, returns
CheckDraft rows. What is recognised, each only between figures of one sentence (or a sentence and the one
before it, where the words point back: "Davon …", "Of that, half …"):

- restatement: "5,1 Billionen Dollar (also fast 5.000 Milliarden Euro)", "12 Hektar, also 120.000 m²"
  (a currency restated in another is converted at the ECB rate of the date said);
- share: "30 Prozent davon, also 90 Millionen", "die Hälfte, 150 Millionen";
- parts: "300 Millionen, davon 120 und 200 Millionen" (the parts may not exceed the total);
- sum: "120 und 180 Millionen, zusammen 300 Millionen";
- product: "20 Millionen Autos mit jeweils 1 Kilowatt … 100 Gigawatt" (count × per item = total), also with a
  count in words ("Dutzende Millionen").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator

from . import currency, units, words
from .types import CannotCheck, CheckDraft, Figure

EXACT_TOLERANCE = 0.02  # a figure written with two or three significant digits
ROUNDED_TOLERANCE = 0.10  # "rund", "fast", "about": the writer rounded on purpose
_GAP_MAX = 60  # characters between two figures that state one relation


def tolerance(*figures: Figure, text: str = "", language: str = "") -> float:
    """Wider when any figure is rounded: marked approx by extraction, or a rounding word right before it."""
    rounding = words.words(words.ROUNDING, language)
    for f in figures:
        if f.bound == "approx":
            return ROUNDED_TOLERANCE
        before = text[max(0, f.start - 20) : f.start].lower()
        if any(re.search(rf"(?:^|\W){re.escape(w)}\W*$", before) for w in rounding):
            return ROUNDED_TOLERANCE
    return EXACT_TOLERANCE


def judge(stated: Figure, computed: float, tol: float) -> tuple[str, float | None]:
    """consistent / inconsistent, and how far the stated figure is from the computed one, in percent."""
    if computed == 0:
        return ("consistent" if stated.value == 0 else "inconsistent"), None
    diff = round((stated.value - computed) / abs(computed) * 100, 1)
    low, high = computed * (1 - tol), computed * (1 + tol)
    if stated.bound in ("lt", "le"):
        ok = computed <= stated.value * (1 + tol)
    elif stated.bound in ("gt", "ge"):
        ok = computed >= stated.value * (1 - tol)
    elif stated.bound == "range" and stated.high is not None:
        ok = stated.value * (1 - tol) <= computed <= stated.high * (1 + tol)
    else:
        ok = low <= stated.value <= high
    return ("consistent" if ok else "inconsistent"), diff


def _pct(diff: float | None) -> str:
    return "" if diff is None else f" ({diff:+.1f} %)"


_BOUND_WORDS = {"approx": "about ", "lt": "less than ", "le": "up to ", "gt": "more than ", "ge": "at least "}


def _amount(f: Figure) -> str:
    if f.bound == "range" and f.high is not None:
        return f"{units.format_amount(f.value, f.unit)}–{units.format_amount(f.high, f.unit)}"
    return _BOUND_WORDS.get(f.bound, "") + units.format_amount(f.value, f.unit)


@functools.cache
def _alternation(options: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(options, key=len, reverse=True))
    return re.compile(rf"(?:^|[^\wäöüß])({alts})(?![\wäöüß])")


def _word_in(text: str, options: list[str]) -> str | None:
    m = _alternation(tuple(options)).search(text.lower())
    return m.group(1) if m else None


# the unit words a parenthesised restatement may carry (English and German stems)
_UNIT_CUES = ("euro|dollar|pfund|pound|franken|franc|yen|yuan|usd|eur|gbp|chf|hektar|hectare|acre|quadrat|square"
              "|kubik|cubic|watt|tonne|liter|litre|meile|mile|km|kg|m²|m³")


@functools.cache
def _cues(language: str) -> re.Pattern[str]:
    cue_words = [*words.words(words.RESTATE, language), *words.words(words.PART_OF, language),
                 *words.words(words.TOTAL, language), *words.words(words.EACH, language),
                 *words.mapping(words.SHARES, language), *words.mapping(words.VAGUE_COUNTS, language)]
    alts = "|".join(re.escape(w) for w in sorted(set(cue_words), key=len, reverse=True))
    # a parenthesis opening on a figure restates the one before it: "$554m (€480m)"
    return re.compile(rf"(?<![\wäöüß])(?:{alts})(?![\wäöüß])|\([^()]{{0,30}}?(?:US\$|\$|€|£|{_UNIT_CUES})",
                      re.IGNORECASE)


def has_cues(body: str, language: str) -> bool:
    """Whether any word that states a relation between figures occurs: most articles have none, and
    then no figure needs reading twice."""
    return _cues((language or "")[:2].lower()).search(body) is not None


def _strip_rounding(gap: str, language: str) -> str:
    low = re.sub(r"[()\[\],;:–—\-]", " ", gap.lower())
    for w in sorted(words.words(words.ROUNDING, language), key=len, reverse=True):
        low = re.sub(rf"(?:^|\s){re.escape(w)}(?=\s|$)", " ", low)
    return re.sub(r"\s+", " ", low).strip()


def _is_restatement(gap: str, language: str) -> bool:
    if len(gap) > _GAP_MAX or re.search(r"[.!?;]", gap.replace("d. h.", "").replace("d.h.", "")
                                          .replace("i.e.", "").replace("ca.", "")):
        return False
    if ")" in gap:
        return False  # the first figure closed a parenthesis: "£25,600 ($32,300) or £20,480"
    restate = [w.lower() for w in words.words(words.RESTATE, language)]
    if _strip_rounding(gap, language) in restate:
        return True
    # a verb may come between: "… wert (also fast …)", "… worth, that is …": read what follows the last bracket
    cut = max(gap.rfind("("), gap.rfind(","), gap.rfind("–"), gap.rfind("—"))
    if cut < 0:
        return False
    rest = _strip_rounding(gap[cut + 1 :], language)
    if rest == "":
        return gap[cut] == "("  # "$554m (€480m)": a parenthesis restates
    return rest in restate


def _draft(kind: str, stated: Figure, computed: float, unit: str, expression: str, tol: float,
           operands: list[Figure], values: dict) -> CheckDraft:
    status, diff = judge(stated, computed, tol)
    verdict = "consistent" if status == "consistent" else "not consistent"
    within = "" if stated.bound in ("lt", "le", "gt", "ge") else f" within {tol * 100:.0f} %"  # a bound is a bound
    expression = f"{expression}; stated {_amount(stated)}{_pct(diff)}: {verdict}{within}"
    return CheckDraft(kind=kind, expression=expression, status=status, stated=stated.value, computed=computed,
                      unit=unit, difference_pct=diff, claim_id=stated.claim_id,
                      operand_claim_ids=[f.claim_id for f in operands if f.claim_id is not None],
                      values={**values, "tolerance_pct": round(tol * 100, 1)})


def _unchecked(kind: str, stated: Figure, unit: str, expression: str, operands: list[Figure],
               values: dict) -> CheckDraft:
    return CheckDraft(kind=kind, expression=expression, status="unchecked", stated=stated.value, computed=None,
                      unit=unit, difference_pct=None, claim_id=stated.claim_id,
                      operand_claim_ids=[f.claim_id for f in operands if f.claim_id is not None], values=values)


# ------------------------------------------------------------------------------------------------ restatement


def restatement(a: Figure, b: Figure, *, text: str, language: str, said_on: dt.date | None) -> CheckDraft | None:
    """`b` restates `a` in another currency or unit (or in the same one)."""
    tol = tolerance(a, b, text=text, language=language)
    values = {"from": {"value": a.value, "unit": a.unit}, "to": {"value": b.value, "unit": b.unit}}
    if currency.is_currency(a.unit) and currency.is_currency(b.unit):
        on = b.said_on or a.said_on or said_on
        head = f"{_amount(a)} in {b.unit}"
        if on is None:
            return _unchecked("currency", b, b.unit, f"{head}: cannot check, no date said for the rate", [a], values)
        try:
            conv = currency.convert_money(a.value, a.unit, b.unit, on)
        except CannotCheck as error:
            return _unchecked("currency", b, b.unit, f"{head}: cannot check, {error}", [a], values)
        expression = (f"{_amount(a)} × {conv.rate:.4f} {b.unit}/{a.unit} ({conv.rate_label()}) = "
                      f"{units.format_amount(conv.value, b.unit)}")
        values |= {"rate": round(conv.rate, 6), "rate_date": conv.rate_date.isoformat(), "rate_source": conv.source,
                   "rate_note": conv.note}
        return _draft("currency", b, conv.value, b.unit, expression, tol, [a], values)
    if currency.is_currency(a.unit) or currency.is_currency(b.unit) or "%" in (a.unit, b.unit):
        return None
    if not units.same_dimension(a.unit, b.unit):
        return None
    computed = units.convert(a.value, a.unit, b.unit)
    written = f"“{a.text}” " if a.text else ""
    expression = f"{written}{_amount(a)} = {units.format_amount(computed, b.unit)}"
    return _draft("units", b, computed, b.unit, expression, tol, [a], values)


def percent_share(total: Figure, share: Figure, part: Figure, *, text: str, language: str) -> CheckDraft | None:
    """"30 Prozent davon, also 90 Millionen": part = share × total."""
    if total.unit != part.unit:
        return None
    tol = tolerance(total, share, part, text=text, language=language)
    computed = total.value * share.value / 100
    expression = f"{share.value:g} % × {_amount(total)} = {units.format_amount(computed, part.unit)}"
    values = {"total": total.value, "share_pct": share.value, "part": part.value}
    return _draft("arithmetic", part, computed, part.unit, expression, tol, [total, share], values)


# ------------------------------------------------------------------------------------------------ parts and sums


def parts_within(total: Figure, parts: list[Figure], *, text: str, language: str) -> CheckDraft:
    """"300 Millionen, davon 120 und 200 Millionen": the parts together may not exceed the total."""
    tol = tolerance(total, *parts, text=text, language=language)
    computed = sum(p.value for p in parts)
    joined = " + ".join(_amount(p) for p in parts)
    values = {"total": total.value, "parts": [p.value for p in parts]}
    ok = computed <= total.value * (1 + tol)
    diff = round((computed - total.value) / total.value * 100, 1) if total.value else None
    relation = "within" if ok else "more than"
    expression = (f"{joined} = {units.format_amount(computed, total.unit)}, {relation} the total {_amount(total)}"
                  f"{_pct(diff) if not ok else ''}") if len(parts) > 1 else \
        f"part {joined} {'≤' if ok else '>'} total {_amount(total)}{_pct(diff) if not ok else ''}"
    return CheckDraft(kind="arithmetic", expression=expression, status="consistent" if ok else "inconsistent",
                      stated=total.value, computed=computed, unit=total.unit, difference_pct=None if ok else diff,
                      claim_id=total.claim_id, operand_claim_ids=[p.claim_id for p in parts if p.claim_id],
                      values={**values, "tolerance_pct": round(tol * 100, 1)})


def sum_equals(parts: list[Figure], total: Figure, *, text: str, language: str) -> CheckDraft:
    """"120 und 180 Millionen, zusammen 300 Millionen"."""
    tol = tolerance(total, *parts, text=text, language=language)
    computed = sum(p.value for p in parts)
    expression = " + ".join(_amount(p) for p in parts) + f" = {units.format_amount(computed, total.unit)}"
    return _draft("arithmetic", total, computed, total.unit, expression, tol, parts,
                  {"parts": [p.value for p in parts], "total": total.value})


def share_of(whole: Figure, fraction: float, word: str, part: Figure, *, text: str, language: str) -> CheckDraft:
    """"raised $554m … half of it, $277m"."""
    tol = tolerance(whole, part, text=text, language=language)
    computed = whole.value * fraction
    expression = f"{word} ({fraction:.3g}) × {_amount(whole)} = {units.format_amount(computed, part.unit)}"
    return _draft("arithmetic", part, computed, part.unit, expression, tol, [whole],
                  {"whole": whole.value, "fraction": round(fraction, 4), "part": part.value})


# ------------------------------------------------------------------------------------------------ products


def product(count: Figure, each: Figure, total: Figure, *, text: str, language: str) -> CheckDraft | None:
    """count × per-item figure = total ("20 Millionen Autos mit jeweils 1 Kilowatt … 100 Gigawatt")."""
    tol = tolerance(count, each, total, text=text, language=language)
    values = {"count": count.value, "each": {"value": each.value, "unit": each.unit},
              "total": {"value": total.value, "unit": total.unit}}
    try:
        if currency.is_currency(each.unit):
            if each.unit != total.unit:
                return None
            computed = count.value * each.value
        else:
            computed = units.multiply(count.value, count.unit, each.value, each.unit, total.unit)
    except CannotCheck:
        return None
    if total.start < each.start:
        # the per-item figure is the one derived ("10 Mrd. … 3.000 Menschen … pro Arbeitsplatz mehr als 3 Mio."):
        # check it, with its own bound, against total ÷ count
        per = computed / count.value if count.value else 0
        computed_each = total.value / count.value * (each.value / per) if per else 0
        expression = f"{_amount(total)} ÷ {_amount(count)} = {units.format_amount(computed_each, each.unit)} each"
        return _draft("arithmetic", each, computed_each, each.unit, expression, tol, [count, total], values)
    expression = f"{_amount(count)} × {_amount(each)} = {units.format_amount(computed, total.unit)}"
    if each.value:
        needed = total.value / (computed / count.value) if computed else None
        if needed is not None and abs(needed - count.value) > tol * count.value:
            expression += f"; {_amount(total)} needs {units.format_amount(needed, 'count')}"
    return _draft("arithmetic", total, computed, total.unit, expression, tol, [count, each], values)


def vague_product(phrase: str, low: float, high: float, each: Figure, total: Figure) -> CheckDraft | None:
    """"Dutzende Millionen Autos mit jeweils 1 Kilowatt … 100 Gigawatt": the count the total needs must lie in
    the range the words allow (at least 20, fewer than 100 of the scale)."""
    if currency.is_currency(each.unit):
        if each.unit != total.unit:
            return None
        per = each.value
    else:
        try:
            per = units.multiply(1, "count", each.value, each.unit, total.unit)
        except CannotCheck:
            return None
    if not per:
        return None
    needed = total.value / per
    ok = low <= needed < high
    computed = low * per
    diff = round((total.value - computed) / computed * 100, 1)
    expression = (f"“{phrase}” ({units.format_amount(low, 'count')} to under {units.format_amount(high, 'count')}) × "
                  f"{_amount(each)} = {units.format_amount(low * per, total.unit)} to under "
                  f"{units.format_amount(high * per, total.unit)}; stated {_amount(total)} needs "
                  f"{units.format_amount(needed, 'count')}: {'consistent' if ok else 'not consistent'}")
    return CheckDraft(kind="arithmetic", expression=expression, status="consistent" if ok else "inconsistent",
                      stated=total.value, computed=computed, unit=total.unit, difference_pct=None if ok else diff,
                      claim_id=total.claim_id,
                      operand_claim_ids=[each.claim_id] if each.claim_id is not None else [],
                      values={"count_words": phrase, "count_low": low, "count_high": high,
                              "each": {"value": each.value, "unit": each.unit},
                              "total": {"value": total.value, "unit": total.unit}, "needed_count": needed})


def _vague_count(text: str, start: int, end: int, language: str) -> tuple[str, float, float] | None:
    """The last count in words in text[start:end] ("Dutzende Millionen Teslas"): phrase, low, high."""
    found = None
    exact = re.compile(rf"(?<![\w.,])(\d+(?:[.,]\d+)?)[ \u00a0]+({'|'.join(words.VAGUE_SCALES)})(?![\wäöüß])",
                       re.IGNORECASE)
    for m in exact.finditer(text, start, end):
        found = m
    if found is not None:  # "20 Millionen Container": a count extraction did not take for a counted noun
        number = float(found.group(1).replace(",", ".")) if language.startswith("de") or "," not in found.group(1) \
            else float(found.group(1).replace(",", ""))
        value = number * words.VAGUE_SCALES[found.group(2).lower()]
        return found.group(0), value, value
    table = words.mapping(words.VAGUE_COUNTS, language)
    scales = "|".join(sorted(words.VAGUE_SCALES, key=len, reverse=True))
    heads = "|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\wäöüß])({heads})[ \u00a0]+(?:von[ \u00a0]+)?({scales})(?![\wäöüß])", re.IGNORECASE)
    for m in pattern.finditer(text, start, end):
        found = m
    if found is None:
        return None
    low, high = table[found.group(1).lower()]
    scale = words.VAGUE_SCALES[found.group(2).lower()]
    return found.group(0), low * scale, high * scale


# ------------------------------------------------------------------------------------------------ the article


def _sentence_of(spans: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(spans):
        if s <= pos < e:
            return i
    return -1


def _each(text: str, f: Figure, language: str) -> bool:
    """A per-item figure: "jeweils 1 Kilowatt", "1 kilowatt each" (a comma between ends the item)."""
    each = words.words(words.EACH, language)
    before = text[max(0, f.start - 30) : f.start].rsplit(",", 1)[-1]
    after = text[f.end : f.end + 25]
    alts = "|".join(map(re.escape, sorted(each, key=len, reverse=True)))
    found = re.search(rf"(?:^|[^\wäöüß])(?:{alts})[ \u00a0]+(\w+)?", before, re.IGNORECASE) or re.match(
        rf"[ \u00a0]+(?:{alts})(?![\wäöüß])[ \u00a0]*(\w+)?", after, re.IGNORECASE)
    # "pro Jahr", "per month": a rate over time, not one item of many
    return found is not None and not _TIME_WORD.fullmatch(found.group(1) or "")


_TIME_WORD = re.compile(
    r"(?:jahr|monat|woche|tag|quartal|stunde|year|month|week|day|annum|quarter|hour|cent|prozent)", re.IGNORECASE
)


def _total_after(text: str, f: Figure, language: str) -> bool:
    """"€300m in total", "300 Millionen Euro insgesamt"."""
    totals = words.words(words.TOTAL, language)
    return re.match(rf"[ \u00a0]+(?:{'|'.join(map(re.escape, totals))})(?![\wäöüß])", text[f.end : f.end + 15],
                    re.IGNORECASE) is not None


def find_checks(body: str, figures: list[Figure], sentences: list[tuple[int, int]], *, language: str,
                said_on: dt.date | None) -> list[CheckDraft]:
    """Every check the article's own figures allow, each once."""
    by_sentence: dict[int, list[Figure]] = {}
    for f in figures:
        by_sentence.setdefault(_sentence_of(sentences, f.start), []).append(f)
    out: list[CheckDraft] = []
    seen: set[tuple] = set()
    for check in _all(body, by_sentence, sentences, language, said_on):
        key = (check.kind, check.stated, check.computed, check.claim_id, check.expression)
        if key not in seen:
            seen.add(key)
            out.append(check)
    return out


def _all(body: str, by_sentence: dict[int, list[Figure]], sentences: list[tuple[int, int]], language: str,
         said_on: dt.date | None) -> Iterator[CheckDraft]:
    for index, figs in sorted(by_sentence.items()):
        if index < 0:
            continue
        previous = by_sentence.get(index - 1, [])
        s_start, s_end = sentences[index]
        yield from _pairs(body, figs, previous, s_start, language, said_on)
        yield from _parts(body, figs, previous, s_start, language)
        yield from _sums(body, figs, language)
        yield from _shares(body, figs, previous, s_start, s_end, language)
        following = [f for i in (index + 1, index + 2) for f in by_sentence.get(i, [])]
        earlier = [f for i in range(index - 1, index - 6, -1) for f in reversed(by_sentence.get(i, []))]
        yield from _products(body, figs, earlier, following, s_start, language)


def _pairs(body, figs, previous, s_start, language, said_on) -> Iterator[CheckDraft]:
    for i in range(len(figs) - 1):
        a, b = figs[i], figs[i + 1]
        gap = body[a.end : b.start]
        if not _is_restatement(gap, language):
            continue
        if a.unit == "%" and b.unit != "%":
            total = next((f for f in reversed([*previous, *figs[:i]]) if f.unit == b.unit), None)
            if total is not None:
                check = percent_share(total, a, b, text=body, language=language)
                if check:
                    yield check
            continue
        check = restatement(a, b, text=body, language=language, said_on=said_on)
        if check is not None:
            yield check


def _parts(body, figs, previous, s_start, language) -> Iterator[CheckDraft]:
    part_words = words.words(words.PART_OF, language)
    for i, total in enumerate(figs):
        nxt = figs[i + 1] if i + 1 < len(figs) else None
        if nxt is None or not _word_in(body[total.end : nxt.start], part_words):
            continue
        parts = [f for f in figs[i + 1 :] if f.unit == total.unit and not f.per_item]
        if parts:
            yield parts_within(total, parts, text=body, language=language)
    # "Davon …" opening a sentence points back to the last figure of the sentence before
    lead = body[s_start : figs[0].start] if figs else ""
    shares = words.mapping(words.SHARES, language)
    told_as_share = any(f.unit == "%" for f in figs) or _word_in(body[s_start : figs[-1].start], list(shares))
    if previous and _word_in(lead, part_words) and not re.search(r"[\d]", lead) and not told_as_share:
        total = previous[-1]
        parts = [f for f in figs if f.unit == total.unit and not f.per_item]
        if parts and total.unit != "%":
            yield parts_within(total, parts, text=body, language=language)


def _sums(body, figs, language) -> Iterator[CheckDraft]:
    total_words = words.words(words.TOTAL, language)
    for i, total in enumerate(figs):
        if i < 2:
            continue
        lead = body[figs[i - 1].end : total.start]
        if len(lead) > _GAP_MAX or not (_word_in(lead, total_words) or _total_after(body, total, language)):
            continue
        parts = []
        for f in reversed(figs[:i]):
            if f.unit != total.unit or f.per_item:
                break
            parts.insert(0, f)
        if len(parts) >= 2:
            yield sum_equals(parts, total, text=body, language=language)


_ORDINAL_BEFORE = re.compile(r"(?:first|second|ersten|zweiten|erste|zweite)\s*$", re.IGNORECASE)


def _shares(body, figs, previous, s_start, s_end, language) -> Iterator[CheckDraft]:
    table = words.mapping(words.SHARES, language)
    sentence = body[s_start:s_end].lower()
    for word in sorted(table, key=len, reverse=True):
        m = re.search(rf"(?<![\wäöüß]){re.escape(word)}(?![\wäöüß])", sentence)
        if m is None or _ORDINAL_BEFORE.search(sentence[: m.start()]):
            continue
        at = s_start + m.end()
        part = next((f for f in figs if at <= f.start <= at + _GAP_MAX), None)
        if part is None or not body[at : part.start].strip():
            return  # "half a million": a number, not a share of another figure
        whole = next((f for f in reversed([*previous, *[f for f in figs if f.end <= s_start + m.start()]])
                      if f.unit == part.unit and f is not part), None)
        if whole is not None and part.unit != "%":
            yield share_of(whole, table[word], word, part, text=body, language=language)
        return


def _products(body, figs, earlier, following, s_start, language) -> Iterator[CheckDraft]:
    for i, each in enumerate(figs):
        if each.unit in ("count", "%") or not _each(body, each, language):
            continue
        count = next((f for f in reversed(figs[:i]) if f.unit == "count" and not _each(body, f, language)), None)
        vague = None
        if count is None:
            vague = _vague_count(body, s_start, each.start, language)
        if count is None and vague is None:
            continue
        candidates = [f for f in [*figs[i + 1 :], *following, *earlier]
                      if f is not each and not _each(body, f, language) and f.value > each.value
                      and (f.unit == each.unit or (not currency.is_currency(f.unit)
                                                   and not currency.is_currency(each.unit)
                                                   and units.same_dimension(f.unit, each.unit)))]
        if not candidates:
            continue
        total = candidates[0]
        if count is None and vague[1] == vague[2]:
            count = Figure(start=each.start, end=each.start, value=vague[1], unit="count")
        check = (product(count, each, total, text=body, language=language) if count is not None
                 else vague_product(vague[0], vague[1], vague[2], each, total))
        if check is not None:
            yield check
