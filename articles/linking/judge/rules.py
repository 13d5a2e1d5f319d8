"""The judge's rules, each a small named function of a claim pair that decides a relation or passes.

A rule answers a Suggestion (decided), NO_LINK (decided: not worth an editor's second look, no later rule is
asked) or None (it passes to the next rule). `FIGURE_RULES` are asked in order when both claims carry a
figure; when none decides a link, `TEXT_RULES` are asked. What a rule reads off the pair is in features.py,
the one-line reason it gives in reasons.py.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from articles.extraction.types import Quantity

from . import features as f
from . import reasons
from .facts import FAR_APART, HEDGED, LOWER, MAX_APART, MAX_UPDATE, SAME_TOL, UPPER, ClaimFacts, Suggestion

if TYPE_CHECKING:
    from articles.checks.compare import Comparison


class _NoLink:
    def __repr__(self) -> str:
        return "NO_LINK"


NO_LINK = _NoLink()
Verdict = Suggestion | _NoLink | None


class once[T]:
    """A Pair's feature, computed when a rule first asks and then kept in the pair's __dict__ (which Python reads
    before this descriptor). functools.cached_property does the same with checks a pair does not need: a batch
    judges ~15,000 pairs, and its __get__ alone took a tenth of the judge's time."""

    def __init__(self, func: Callable[[Pair], T]) -> None:
        self.func, self.name = func, func.__name__
        self.__doc__ = func.__doc__

    def __get__(self, pair: Pair, owner: type | None = None) -> T:
        value = pair.__dict__[self.name] = self.func(pair)
        return value


class Pair:
    """A new claim and an earlier one, with what the rules read off them, each computed once when first asked.
    `qn`, `qo`: the two figures, for the figure rules (which are asked only when both claims carry one)."""

    def __init__(self, new: ClaimFacts, old: ClaimFacts) -> None:
        self.new, self.old = new, old
        self.qn = cast(Quantity, new.quantity)
        self.qo = cast(Quantity, old.quantity)

    @once
    def shared(self) -> list[str]:
        return f.shared_terms(self.new, self.old)

    @once
    def topic_eq(self) -> bool:
        return f.same_topic(self.new, self.old)

    @once
    def same_article(self) -> bool:
        return self.new.article_id == self.old.article_id

    @once
    def same_speaker(self) -> bool:
        return f.same_speaker(self.new, self.old)

    @once
    def ratio(self) -> float:
        cn, co = f.center(self.qn), f.center(self.qo)
        return max(cn, co) / min(cn, co)

    @once
    def fn(self) -> f.Flags:
        return f.flags_of(self.new)

    @once
    def fo(self) -> f.Flags:
        return f.flags_of(self.old)

    @once
    def own(self) -> list[str]:
        return f.own_terms(self.shared, self.new.topic, self.old.topic)

    @once
    def same_measure(self) -> bool:
        return f.measures_meet(self.fn[2], self.fo[2])

    @once
    def related(self) -> bool:
        """Tied closely enough for a contradiction: inside an article a topic, two terms or one measure;
        across articles a topic and a term, or three terms beyond the topic labels."""
        if self.same_article:
            return self.topic_eq or len(self.shared) >= 2 or self.same_measure
        return (self.topic_eq and bool(self.shared)) or len(self.own) >= 3

    @once
    def tail(self) -> str:
        return reasons.tail(self.new, self.old, self.shared)

    def bigger_first(self) -> tuple[ClaimFacts, ClaimFacts]:
        return (self.new, self.old) if f.center(self.qn) > f.center(self.qo) else (self.old, self.new)

    def later_first(self) -> tuple[ClaimFacts, ClaimFacts]:
        assert self.new.published_on and self.old.published_on
        return (self.new, self.old) if self.new.published_on > self.old.published_on else (self.old, self.new)


# ---------------------------------------------------------------- two figures


def converted(p: Pair) -> Verdict:
    """Figures in two currencies (at the ECB rate of the later date said) or in two units of one dimension:
    the same figure once converted is `same`, with the conversion as its reason. Anything else across units is
    left to editors: a converted figure that differs is too often a different measure to call a contradiction."""
    if p.qn.unit == p.qo.unit:
        return None
    from articles.checks.compare import comparable  # pure, but loads the rate table: only when needed

    new, old, qn, qo = p.new, p.old, p.qn, p.qo
    if qn.bound == "range" or qo.bound == "range" or new.text == old.text:
        return NO_LINK
    if not (p.same_article or p.topic_eq or p.shared or p.same_speaker):
        return NO_LINK
    if p.fn[:2] != p.fo[:2] or f.other_measures(p.fn, p.fo):
        return NO_LINK
    values = (qn.value, qn.unit, f.statement_date(new), qo.value, qo.unit, f.statement_date(old))
    comparison = comparable(*values, reason=False)
    if comparison is None or not comparison.same:
        return NO_LINK
    score = 0.6 + 0.1 * p.topic_eq + 0.05 * min(len(p.shared), 3)
    return Suggestion("same", round(min(score, 0.9), 3), lambda: _reason_of(comparable(*values)) + p.tail)


def _reason_of(comparison: Comparison | None) -> str:
    assert comparison is not None  # the same values compared a moment ago
    return comparison.reason


def no_positive_value(p: Pair) -> Verdict:
    """Zero or negative figures are not compared by ratio."""
    return NO_LINK if f.center(p.qn) <= 0 or f.center(p.qo) <= 0 else None


def one_sentence(p: Pair) -> Verdict:
    """Two figures of one sentence: the writer sets them side by side."""
    return NO_LINK if p.same_article and p.new.text == p.old.text else None


def _opposite_bounds(a: Quantity, b: Quantity) -> bool:
    return bool({a.bound, b.bound} & UPPER and {a.bound, b.bound} & LOWER)


def _related_at_all(p: Pair) -> bool:
    return p.same_article or p.topic_eq or bool(p.shared) or p.same_speaker


def disputing_quote(new: ClaimFacts, old: ClaimFacts) -> tuple[ClaimFacts, ClaimFacts] | None:
    """(quote, figure) when one of two claims citing the same value is a quote that says no to it („Die 1,6
    Milliarden sind eine Überschrift, kein Budget“) and the other states it plainly."""
    for quote, fig in ((new, old), (old, new)):
        if (
            quote.kind == "quote"
            and fig.kind != "quote"
            and quote.quantity is not None
            and quote.quantity.unit not in ("a", "d")
            and not f.same_speaker(quote, fig)
            and not f.negated(fig)
            and f.denies_cited_figure(quote)
        ):
            return quote, fig
    return None


def denied_figure(p: Pair) -> Verdict:
    """A quote repeating a figure to say no to it ("We are not cutting 2,000 posts") contradicts the figure,
    never `same`."""
    if p.ratio > 1 + SAME_TOL or _opposite_bounds(p.qn, p.qo) or not _related_at_all(p):
        return None
    found = disputing_quote(p.new, p.old)
    if found is None:
        return None
    quote, fig = found
    return Suggestion("contradicts", 0.7, lambda: reasons.disputed(quote, fig, p.tail))


def same_figure(p: Pair) -> Verdict:
    """Values within 3 %, measuring one thing (not a rate against a total, not profit against revenue), in
    claims tied by article, topic, a term or the speaker: `same`."""
    if p.ratio > 1 + SAME_TOL:
        return None
    if _opposite_bounds(p.qn, p.qo) or not _related_at_all(p):
        return NO_LINK  # "over 10" and "under 10.2" do not say one thing
    if disputing_quote(p.new, p.old) is not None:
        return NO_LINK  # a quote saying no to a figure is not the same figure (denied_figure saw it first)
    if p.fn[:2] != p.fo[:2] or f.other_measures(p.fn, p.fo):
        return NO_LINK
    qn, qo = p.qn, p.qo
    score = 0.65 + 0.1 * p.topic_eq + 0.05 * min(len(p.shared), 3) + 0.05 * (qn.bound == qo.bound)
    score -= 0.1 * p.same_article  # repeating a figure inside one article is less news
    if qn.unit_inferred or qo.unit_inferred:
        score -= 0.02
    return Suggestion("same", round(min(score, 0.95), 3), lambda: reasons.same_figure(p.new, p.old, p.shared))


def unrelated(p: Pair) -> Verdict:
    """Figures of different values tie together only through their article, their topic or a shared term: every
    rule below asks for one of them. Asked before the figures are read again (the costly part of judging)."""
    return None if p.same_article or p.topic_eq or p.shared else NO_LINK


def different_measures(p: Pair) -> Verdict:
    """A rate against a total, a per-item figure, profit against revenue: different measures, no link."""
    if p.fn[:2] != p.fo[:2] or p.fn[1] or f.other_measures(p.fn, p.fo):
        return NO_LINK
    return None


def bounds_exclusive(p: Pair) -> Verdict:
    """"mehr als 40 Milliarden" against "höchstens 10 Milliarden": bounds that leave no common value."""
    if p.ratio >= FAR_APART:
        return None
    qn, qo = p.qn, p.qo
    lower, upper = (qn, qo) if qn.bound in LOWER else (qo, qn)
    if lower.bound in LOWER and upper.bound in UPPER and upper.value < lower.value and p.related:
        score = 0.6 + 0.15 * p.same_article + 0.08 * p.topic_eq + 0.03 * min(len(p.shared), 4)
        return Suggestion(
            "contradicts", round(min(score, 0.9), 3), lambda: reasons.bounds_exclusive(p.new, p.old, p.shared)
        )
    return None


def _hedged_apart(p: Pair) -> bool:
    """Both figures hedged, one of them a limit, someone's claim, and no value satisfies both."""
    qn, qo = p.qn, p.qo
    return (
        bool({qn.bound, qo.bound} & (UPPER | LOWER))
        and (f.attributed(p.new) or f.attributed(p.old))
        and f.disjoint(qn, qo)
    )


def ranges_in_one_article(p: Pair) -> Verdict:
    """"weniger als eine Million Kubikmeter" against "rund 2,4 Millionen Kubikmeter" in one article, from two
    speakers: hedged figures whose ranges (about = ±15 %) cannot both hold, for one measure (same kind of figure
    or a shared noun). Two "abouts" may differ in scope: one of them must set a limit."""
    if not (p.ratio < FAR_APART and p.same_article and not p.same_speaker):
        return None
    if not f.same_years(p.new.text, p.old.text) or p.qn.bound == "eq" or p.qo.bound == "eq":
        return None
    nouns = f.nouns_meet(p.fn[3], p.fo[3])
    if _hedged_apart(p) and (p.same_measure or nouns):
        why = f"both on {', '.join(nouns[:2])}" if nouns and not p.same_measure else "one measure"
        score = 0.62 + 0.08 * p.topic_eq + 0.03 * min(len(p.shared), 3)
        return Suggestion(
            "contradicts", round(min(score, 0.85), 3), lambda: reasons.ranges_exclusive(p.new, p.old, p.shared, why)
        )
    return None


COUNTER_REACH = 1.25  # a bound reaching this far beyond the other count is a count of its own


def counter_count(p: Pair) -> Verdict:
    """In one article, two counts of one kind from two sources: one says whose figure it is ("nach Angaben des
    Betriebsrats", "according to the union"), the other is the article's own or another speaker's, and one
    reaches by a bound ("bis zu 1.200 Arbeitsplätze", "as many as 1,200 jobs") at least a quarter beyond the
    other ("rund 800 Stellen"): a counter-count, `contradicts`."""
    if not (p.same_article and p.qn.unit == p.qo.unit == "count" and p.ratio < FAR_APART) or p.same_speaker:
        return None
    new, old = p.new, p.old
    other_source = f.sourced(new) != f.sourced(old) or bool(new.speaker and old.speaker)
    if not other_source or not f.years_agree(new.text, old.text):
        return None
    bounded, plain = (p.qn, p.qo) if p.qn.bound == "le" else (p.qo, p.qn)
    if bounded.bound != "le" or plain.bound not in ("eq", "approx"):
        return None
    if bounded.value < COUNTER_REACH * plain.value or not (p.fn[2] and p.same_measure):
        return None
    score = 0.62 + 0.08 * p.topic_eq + 0.03 * min(len(p.shared), 3)
    return Suggestion(
        "contradicts", round(min(score, 0.85), 3), lambda: reasons.counter_count(new, old, p.shared, p.ratio)
    )


def ranges_across_articles(p: Pair) -> Verdict:
    """Across articles and languages: "about 6 million m³" (a study) against "höchstens 2 Millionen Kubikmeter"
    (the operators), both about the same named subject, neither saying it revises the other."""
    if not (p.ratio < FAR_APART and not p.same_article and p.own):
        return None
    if (
        _hedged_apart(p)
        and f.same_years(p.new.text, p.old.text)
        and not (f.revises(p.new) or f.revises(p.old))
    ):
        score = 0.6 + 0.08 * p.topic_eq + 0.03 * min(len(p.shared), 3)
        return Suggestion(
            "contradicts", round(min(score, 0.85), 3), lambda: reasons.ranges_exclusive(p.new, p.old, p.shared)
        )
    return None


def announced_vs_secured(p: Pair) -> Verdict:
    """"1,6 Milliarden Euro angekündigt" against "nur rund 600 Millionen im Budget gesichert": a sum announced
    against a far smaller one secured, 1.5 to 8 times apart."""
    if not (1.5 <= p.ratio < FAR_APART and f.money(p.qn) and p.related):
        return None
    big_c, small_c = p.bigger_first()
    big, small = big_c.quantity, small_c.quantity
    assert big is not None and small is not None
    if (
        f.w.SECURED.search(small_c.text)
        and f.w.ANNOUNCED.search(big_c.text)
        and not f.w.SECURED.search(big_c.text)
        and small.bound not in LOWER
        and big.bound != "lt"
    ):
        score = 0.62 + 0.1 * p.same_article + 0.06 * p.topic_eq + 0.03 * min(len(p.shared), 3)
        return Suggestion(
            "contradicts", round(min(score, 0.85), 3), lambda: reasons.announced_secured(big, small, p.ratio, p.tail)
        )
    return None


def far_apart(p: Pair) -> Verdict:
    """One figure at least 8 (at most 1000) times the other, for one measure or with the smaller one hedged or
    quoted ("well under $10B secured" against "up to $500bn"): `contradicts`."""
    if p.ratio < FAR_APART:
        return None
    if p.ratio > MAX_APART:
        return NO_LINK  # a share price against a budget: not one measure
    big_c, small_c = p.bigger_first()
    big, small = big_c.quantity, small_c.quantity
    assert big is not None and small is not None
    if big.bound == "lt" or small.bound in LOWER:
        return NO_LINK  # "under 500" and "10", or "over 200 m" and "10 bn" can both hold
    hedged = small.bound in HEDGED or small_c.kind == "quote"
    if not (hedged or p.same_measure):
        return NO_LINK  # two plain figures far apart are more likely two measures than a contradiction
    if not p.related:
        return NO_LINK
    score = 0.55 + 0.15 * p.same_article + 0.08 * p.topic_eq + 0.03 * min(len(p.shared), 4)
    score += 0.1 * min(max(math.log10(p.ratio) - 0.9, 0.0), 1.0)
    if p.new.kind == "quote" or p.old.kind == "quote":
        score += 0.03
    return Suggestion(
        "contradicts", round(min(score, 0.97), 3), lambda: reasons.far_apart(p.new, p.old, p.shared, p.ratio)
    )


def _later_of_two_days(p: Pair) -> bool:
    new, old = p.new, p.old
    return bool(
        not p.same_article and new.published_on and old.published_on and new.published_on != old.published_on
        and p.ratio <= MAX_UPDATE
    )


def stated_revision(p: Pair) -> Verdict:
    """"now expects 4.2 GW", "korrigiert … nun 900 Arbeitsplätze": a later figure (another day, another
    article, within 3x) that says it replaces one `updates` it; when it names the figure it replaces
    ("statt 1.400 nun 900"), only that one."""
    if not (_later_of_two_days(p) and p.shared and f.bounds_comparable(p.qn, p.qo)):
        return None
    newer, older = p.later_first()
    if not f.revises(newer):
        return None
    assert newer.quantity is not None and older.quantity is not None
    named = f.other_values(newer.text, newer.language, newer.quantity.unit, newer.quantity.value)
    if named and not any(math.isclose(v, older.quantity.value, rel_tol=0.01) for v in named):
        return NO_LINK  # "statt 1.400 nun 900": it replaces the figure it names, not this one
    score = 0.62 + 0.1 * p.topic_eq + 0.03 * min(len(p.shared), 4) + 0.1 * bool(named)
    return Suggestion("updates", round(score, 3), lambda: reasons.later_figure(newer, older, p.tail, revised=True))


def later_figure(p: Pair) -> Verdict:
    """A later figure for the same measure of the same subject, moved by less than 3x: `updates`. Within a
    topic, one measure or two terms of its own; across topics, one measure of one named thing moved by at most
    2x. A third party's estimate set against a figure is a dispute, not a revision."""
    if not _later_of_two_days(p):
        return None
    within_topic = p.topic_eq and (p.same_measure or len(p.own) >= 2)
    across = p.same_measure and p.ratio <= 2.0 and len(p.own) >= 1 and f.bounds_comparable(p.qn, p.qo)
    if not (within_topic or across) or f.estimate(p.new) != f.estimate(p.old):
        return None
    newer, older = p.later_first()
    score = 0.55 + 0.1 * p.topic_eq + 0.03 * min(len(p.shared), 4)
    return Suggestion("updates", round(score, 3), lambda: reasons.later_figure(newer, older, p.tail, revised=False))


# ---------------------------------------------------------------- statements (any two claims)


def money_denied(p: Pair) -> Verdict:
    """A quote saying the money is not there ("they don't have the money", „das Geld fehlt“) against a sum of
    money of the same article or topic, said by someone else: `contradicts`."""
    for quote, fig in ((p.new, p.old), (p.old, p.new)):
        if (
            quote.kind == "quote"
            and f.money(fig.quantity)
            and quote.quantity is None
            and fig.quantity is not None
            and fig.quantity.bound not in LOWER | {"lt"}
            and not p.same_speaker
            and f.w.DENIAL.search(quote.text)
            and (p.same_article or p.topic_eq)
            and (p.shared or p.topic_eq)
        ):
            return Suggestion(
                "contradicts", 0.7, lambda q=quote, g=fig: reasons.money_denied(q, g, p.topic_eq)
            )
    return None


def figures_stop_here(p: Pair) -> Verdict:
    """A plain figure relates to another claim only through the rules above."""
    return NO_LINK if p.new.kind == "figure" or p.old.kind == "figure" else None


def speaker_reverses(p: Pair) -> Verdict:
    """A speaker reversing himself: same speaker, different days, one of the two saying no, on one subject
    (topic or term; across articles, at least one content word in common)."""
    if not p.same_speaker:
        return None
    new, old = p.new, p.old
    if p.same_article:
        dn, do = new.stated_on, old.stated_on
    else:
        dn, do = f.statement_date(new), f.statement_date(old)
    if (
        dn
        and do
        and dn != do
        and (f.negated(new) or f.negated(old))
        and (p.topic_eq or p.shared)
        # across articles, the two quotes must at least share a word: a speaker on two subjects (hiring
        # in May, a funding round in June) is not reversing himself
        and (p.same_article or f.content_words(new.text) & f.content_words(old.text))
    ):
        first, later = (old, new) if do < dn else (new, old)
        return Suggestion(
            "contradicts",
            0.72,
            lambda: reasons.reverses(
                new.speaker, first, reasons.day(f.statement_date(first)), later, reasons.day(f.statement_date(later))
            ),
        )
    return None


def speakers_at_odds(p: Pair) -> Verdict:
    """Two speakers of one article at odds: one says no to what the other asserts, in the same words ("Wir
    können nicht jedem Betreiber einen Anschluss versprechen" / "Jeder Betreiber bekommt seinen Anschluss")."""
    new, old = p.new, p.old
    if not (p.same_article and new.speaker and old.speaker and not p.same_speaker):
        return None
    if f.negated(new) == f.negated(old):
        return None
    common = f.content_words(new.text) & f.content_words(old.text)
    if len(common) >= 2:
        score = round(min(0.6 + 0.04 * len(common), 0.75), 3)
        return Suggestion("contradicts", score, lambda: reasons.at_odds(new, old, common))
    return None


def repeated_statement(p: Pair) -> Verdict:
    """The same statement repeated (by the same or an unnamed speaker: `same`), or echoed by someone else
    (`supports`): 60 % of the shorter one's words in the other."""
    new, old = p.new, p.old
    if p.same_article and new.text == old.text:
        return NO_LINK
    sim = f.word_overlap(new.text, old.text)
    if sim < 0.6:
        return NO_LINK
    score = 0.55 + 0.3 * min((sim - 0.6) / 0.4, 1.0)
    if new.speaker and old.speaker and not p.same_speaker:
        return Suggestion("supports", round(score - 0.05, 3), lambda: reasons.echoes(new, old))
    return Suggestion("same", round(score + 0.05 * p.same_speaker, 3), lambda: reasons.same_statement(new))


Rule = Callable[[Pair], Verdict]

FIGURE_RULES: tuple[Rule, ...] = (
    converted,
    no_positive_value,
    one_sentence,
    denied_figure,
    same_figure,
    unrelated,
    different_measures,
    bounds_exclusive,
    ranges_in_one_article,
    counter_count,
    ranges_across_articles,
    announced_vs_secured,
    far_apart,
    stated_revision,
    later_figure,
)
TEXT_RULES: tuple[Rule, ...] = (money_denied, figures_stop_here, speaker_reverses, speakers_at_odds, repeated_statement)


def first_verdict(rules: tuple[Rule, ...], p: Pair) -> Suggestion | None:
    """The first rule's decision: a Suggestion, or None when a rule says NO_LINK or none decides."""
    for rule in rules:
        verdict = rule(p)
        if verdict is not None:
            return verdict if isinstance(verdict, Suggestion) else None
    return None
