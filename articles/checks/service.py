"""Writes of the checks: store what articles/checks finds for an article; editors' decisions on a check."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from articles.models import Article, Check, CheckState

from .arithmetic import find_checks, has_cues
from .figures import StoredFigure, read_figures
from .types import CheckDraft


class StaleCheckError(Exception):
    """The check was decided by someone else since the page was loaded."""


def _signature(draft: CheckDraft) -> str:
    """Same rule over the same figures: the same check, whatever the rate file or wording says today."""
    rule = ",".join(sorted(k for k in draft.values if k not in ("rate", "rate_date", "rate_note", "rate_source")))
    operands = ",".join(map(str, sorted(draft.operand_claim_ids)))
    digest = hashlib.sha1(f"{rule}|{operands}|{draft.stated}".encode(), usedforsecurity=False).hexdigest()[:16]
    return f"{draft.kind}:{digest}"


FigureRow = tuple[int, int, int, float, str, "dt.date | None"]  # id, span_start, span_end, value, unit, stated_on


@transaction.atomic
def checks_run(*, article: Article, fresh_rows: list[FigureRow] | None = None) -> list[int]:
    """Recompute the figures of one article and store the checks found; returns the new checks' ids.

    A check an editor decided (accepted or dismissed) is kept; an open one the article no longer gives goes.
    `fresh_rows`: the figures of an article stored just now in this transaction (newest claim first), which has
    no checks yet: nothing is read back.
    """
    if fresh_rows is not None:
        return checks_store(article=article, rows=fresh_rows, existing={})
    rows = list(
        article.claims.filter(quantity_value__isnull=False, span_start__isnull=False)
        .values_list("id", "span_start", "span_end", "quantity_value", "quantity_unit", "stated_on")
    )
    existing = {(c.claim_id, c.signature): c for c in Check.objects.filter(claim__article=article)}
    return checks_store(article=article, rows=rows, existing=existing)


def checks_needed(*, article: Article, rows: list[FigureRow]) -> bool:
    """For an article with no checks yet: whether its figures could check each other at all."""
    return len(rows) >= 2 and has_cues(article.body, article.language)


def checks_store(*, article: Article, rows: list[FigureRow], existing: dict) -> list[int]:
    """checks_run's work on figures already read (`rows`, newest claim first) and the article's checks
    (`existing`, by claim and signature)."""
    if not existing and not checks_needed(article=article, rows=rows):
        return []  # one figure alone, or figures with no word relating them: nothing to recompute
    stored = [StoredFigure(claim_id=r[0], span_start=r[1], span_end=r[2], value=r[3], unit=r[4]) for r in rows]
    # the day a rate is taken: the claim's stated date, else the day its sentence names, else the article's
    stated_on = {r[0]: r[5] for r in rows if r[5] is not None}
    figures, sentences = read_figures(article.body, article.language, stored, article.published_on)
    figures = [dataclasses.replace(f, said_on=stated_on[f.claim_id]) if f.claim_id in stated_on else f
               for f in figures]
    drafts = find_checks(article.body, figures, sentences, language=article.language, said_on=article.published_on)

    keep: set[int] = set()
    new: list[tuple[Check, list[int]]] = []
    for draft in drafts:
        claim_id = draft.claim_id if draft.claim_id is not None else next(iter(draft.operand_claim_ids), None)
        if claim_id is None:
            continue  # no stored claim to show it on
        key = (claim_id, _signature(draft))
        if key in existing:
            old = existing[key]
            keep.add(old.pk)
            if old.state == CheckState.OPEN and (old.expression, old.status) != (draft.expression, draft.status):
                # undecided: show today's computation; a decided check keeps what the editor decided on
                old.expression, old.status, old.computed = draft.expression, draft.status, draft.computed
                old.difference_pct, old.values = draft.difference_pct, draft.values
                old.save(update_fields=["expression", "status", "computed", "difference_pct", "values",
                                        "updated_at"])
            continue
        existing[key] = Check(
            claim_id=claim_id, kind=draft.kind, expression=draft.expression, stated=draft.stated,
            computed=draft.computed, unit=draft.unit[:12], difference_pct=draft.difference_pct,
            status=draft.status, values=draft.values, signature=key[1],
        )
        new.append((existing[key], [i for i in draft.operand_claim_ids if i != claim_id]))
    if existing:
        Check.objects.filter(claim__article=article, state=CheckState.OPEN).exclude(pk__in=keep).delete()
    created = Check.objects.bulk_create([c for c, _ in new])
    through = Check.operands.through
    through.objects.bulk_create(
        [through(check_id=c.pk, claim_id=i) for c, (_, ids) in zip(created, new, strict=True) for i in set(ids)]
    )
    return [c.pk for c in created]


@transaction.atomic
def check_decide(*, check_id: int, state: str, user: AbstractBaseUser | None, expected_version: int) -> Check:
    """Accept, dismiss or reopen a check; a dismissed or reopened check is no longer published."""
    if state not in CheckState.values:
        raise ValidationError(f"Unknown state {state!r}.")
    check = Check.objects.select_for_update().get(pk=check_id)
    if check.version != expected_version:
        raise StaleCheckError("This check was decided by someone else; reload the page and try again.")
    check.state = state
    if state != CheckState.ACCEPTED:
        check.published = False
    check.decided_by = user if user and user.is_authenticated else None
    check.version += 1
    check.save(update_fields=["state", "published", "decided_by", "version", "updated_at"])
    return check


@transaction.atomic
def check_publish(*, check_id: int, published: bool, user: AbstractBaseUser | None, expected_version: int) -> Check:
    """Show (or stop showing) an accepted check with the claim's published review."""
    check = Check.objects.select_for_update().get(pk=check_id)
    if check.version != expected_version:
        raise StaleCheckError("This check was decided by someone else; reload the page and try again.")
    if published and check.state != CheckState.ACCEPTED:
        raise ValidationError("Only an accepted check can be published with the review.")
    check.published = published
    check.decided_by = user if user and user.is_authenticated else None
    check.version += 1
    check.save(update_fields=["published", "decided_by", "version", "updated_at"])
    return check


def checks_for_claims(claim_ids: list[int]) -> dict[int, list[Check]]:
    """The checks shown on each claim (as the checked figure), one query whatever the number of claims."""
    out: dict[int, list[Check]] = {i: [] for i in claim_ids}
    for check in Check.objects.filter(claim_id__in=claim_ids).order_by("claim_id", "id"):
        out[check.claim_id].append(check)
    return out

