"""The pairwise judge behind link suggestions: pure functions over plain claim facts, no database.

The database layer (articles/linking/candidates.py) picks candidates through its indexes (same unit and topic,
value within 10 %, the nearest values of one unit, same article, same speaker, shared subject terms, similar
text); `best_suggestions` judges each pair and keeps the few best. Whether a suggestion was dismissed before
is the database's business: the judge always answers the same.

    facts.py     ClaimFacts (what the judge is given), Suggestion (what it answers), the thresholds
    features.py  what is read off a claim or a pair: what a figure measures, shared terms, denials, revisions
    rules.py     each rule a small named function deciding a relation or passing, in the order they are asked
    reasons.py   the one-line reason of each rule, and how figures are written in it
    words.py     the patterns, built from the word lists of articles/lexicon (de.py, en.py)
"""

from __future__ import annotations

from collections.abc import Iterable

from .facts import MIN_SCORE, RELATIONS, ClaimFacts, Suggestion
from .reasons import fmt_quantity
from .rules import FIGURE_RULES, TEXT_RULES, Pair, first_verdict

__all__ = ["MIN_SCORE", "RELATIONS", "ClaimFacts", "Suggestion", "best_suggestions", "fmt_quantity", "judge"]


def judge(new: ClaimFacts, old: ClaimFacts) -> Suggestion | None:
    """How `new` relates to `old`, or None when the pair is not worth an editor's second look."""
    if new.id == old.id:
        return None
    pair = Pair(new, old)
    if new.quantity is not None and old.quantity is not None:
        got = first_verdict(FIGURE_RULES, pair)
        if got is not None:
            return got
    return first_verdict(TEXT_RULES, pair)


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
