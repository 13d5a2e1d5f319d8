"""The one-line reasons an editor reads beside a suggestion, and how figures are written in them. Written only
for the suggestions kept (a rule hands its reason over as a function, see Suggestion in facts.py): most pairs
are turned down or outscored before any text is made."""

from __future__ import annotations

import datetime as dt
import re

from articles.extraction.types import Quantity

from .facts import ClaimFacts

_PREFIX = {"approx": "about ", "lt": "under ", "le": "up to ", "gt": "over ", "ge": "at least ", "eq": ""}
_SI = [(1e12, "T"), (1e9, "G"), (1e6, "M"), (1e3, "k")]


def _num(v: float) -> str:
    return f"{v:.2f}".rstrip("0").rstrip(".")


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


def snippet(text: str, n: int = 60) -> str:
    t = re.sub(r"\s+", " ", text).strip()
    return t if len(t) <= n else t[: n - 1].rsplit(" ", 1)[0] + "…"


def day(d: dt.date | None) -> str:
    return d.isoformat() if d else "undated"


def who(c: ClaimFacts) -> str:
    return f" ({c.speaker})" if c.kind == "quote" and c.speaker else ""


def pair(new: ClaimFacts, old: ClaimFacts) -> str:
    """ "up to 500 bn USD vs under 10 bn USD (Ada Quell)"."""
    assert new.quantity is not None and old.quantity is not None
    return f"{fmt_quantity(old.quantity)}{who(old)} vs {fmt_quantity(new.quantity)}{who(new)}"


def context(a: ClaimFacts, b: ClaimFacts, shared: list[str]) -> str:
    bits = []
    if a.topic and a.topic == b.topic:
        bits.append(f"same topic {a.topic}")
    elif shared:
        bits.append("both about " + ", ".join(shared[:3]))
    if a.article_id == b.article_id:
        bits.append("same article")
    return ", ".join(bits)


def tail(new: ClaimFacts, old: ClaimFacts, shared: list[str]) -> str:
    """", same topic X, same article" or ", both about a, b": what ties the two claims together."""
    ctx = context(new, old, shared)
    return f", {ctx}" if ctx else ""


# ---------------------------------------------------------------- one reason per rule


def same_figure(new: ClaimFacts, old: ClaimFacts, shared: list[str]) -> str:
    return f"same figure: {pair(new, old)}" + tail(new, old, shared)


def disputed(quote: ClaimFacts, fig: ClaimFacts, tail_text: str) -> str:
    assert fig.quantity is not None
    return (
        f"{quote.speaker or 'a quote'} disputes {fmt_quantity(fig.quantity)}: “{snippet(quote.text, 50)}”"
        + tail_text
    )


def bounds_exclusive(new: ClaimFacts, old: ClaimFacts, shared: list[str]) -> str:
    return f"{pair(new, old)}" + tail(new, old, shared) + ": the bounds leave no common value"


def ranges_exclusive(new: ClaimFacts, old: ClaimFacts, shared: list[str], why: str | None = None) -> str:
    return f"{pair(new, old)}" + tail(new, old, shared) + ": the ranges cannot both hold" + (
        f" ({why})" if why else ""
    )


def counter_count(new: ClaimFacts, old: ClaimFacts, shared: list[str], ratio: float) -> str:
    return f"{pair(new, old)}" + tail(new, old, shared) + f": another source's count, {ratio:.1f}× the other"


def announced_secured(big: Quantity, small: Quantity, ratio: float, tail_text: str) -> str:
    return f"{fmt_quantity(big)} announced vs {fmt_quantity(small)} secured" + tail_text + f": {ratio:.1f}× apart"


def far_apart(new: ClaimFacts, old: ClaimFacts, shared: list[str], ratio: float) -> str:
    times = f"{ratio:.0f}×" if ratio < 1000 else f"{ratio:.0e}×".replace("e+0", "e")
    return f"{pair(new, old)}" + tail(new, old, shared) + f": {times} apart"


def later_figure(newer: ClaimFacts, older: ClaimFacts, tail_text: str, *, revised: bool) -> str:
    assert newer.quantity is not None and older.quantity is not None
    return (
        f"later figure: {fmt_quantity(newer.quantity)} ({day(newer.published_on)}) after "
        f"{fmt_quantity(older.quantity)} ({day(older.published_on)})" + (", revised" if revised else "") + tail_text
    )


def money_denied(quote: ClaimFacts, fig: ClaimFacts, topic_eq: bool) -> str:
    assert fig.quantity is not None
    return (
        f"{quote.speaker or 'a quote'} denies the money: “{snippet(quote.text, 50)}” vs "
        f"{fmt_quantity(fig.quantity)}" + (f", same topic {fig.topic}" if topic_eq else "")
    )


def reverses(speaker: str | None, first: ClaimFacts, first_day: str, later: ClaimFacts, later_day: str) -> str:
    return (
        f"{speaker} reverses: “{snippet(first.text, 45)}” ({first_day})"
        f" vs “{snippet(later.text, 45)}” ({later_day})"
    )


def at_odds(new: ClaimFacts, old: ClaimFacts, common: set[str]) -> str:
    return (
        f"{old.speaker} vs {new.speaker}: “{snippet(old.text, 45)}” vs “{snippet(new.text, 45)}”"
        f", one of them denies it (both on {', '.join(sorted(common)[:3])})"
    )


def echoes(new: ClaimFacts, old: ClaimFacts) -> str:
    return f"{new.speaker} echoes {old.speaker}: “{snippet(new.text, 60)}”"


def same_statement(new: ClaimFacts) -> str:
    return f"same statement{who(new)}: “{snippet(new.text, 60)}”"
