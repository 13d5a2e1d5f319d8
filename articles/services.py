"""Every write of factcheck. Each function is keyword-only, typed and atomic."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pghistory
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, router, transaction
from django.db.models import F, Q
from django.utils.text import slugify

from articles.extraction.types import ClaimDraft
from articles.import_lookups import ImportLookups
from articles.importers import content_hash
from articles.importers.types import ArticleDraft
from articles.models import (
    Article,
    Claim,
    ClaimLink,
    ClaimStatus,
    LinkState,
    Publisher,
    Relation,
    Speaker,
    Topic,
)

User = AbstractBaseUser


class StaleClaimError(Exception):
    """The claim was changed by someone else since the form was loaded."""


@dataclass
class ImportOutcome:
    article_id: int
    duplicate: bool
    claim_ids: list[int] = field(default_factory=list)


# --- articles -------------------------------------------------------------------------------------


def publisher_for(*, name: str | None, domain: str | None = None) -> Publisher | None:
    label = (name or domain or "").strip()[:200]
    if not label:
        return None
    publisher, _ = Publisher.objects.get_or_create(name=label, defaults={"domain": (domain or "")[:200]})
    return publisher


@transaction.atomic
def article_import(
    *,
    draft: ArticleDraft,
    source_file: str = "",
    imported_by: User | None = None,
    extract: bool = True,
    suggest: bool = True,
    lookups: ImportLookups | None = None,
) -> ImportOutcome:
    """Store one article (and its claim candidates); an article already there is reported as a duplicate.

    Duplicates are decided by the unique constraints on url and content hash, so two imports of the same
    file at once cannot both insert: the second waits for the first and then finds its row.
    `lookups`: an import run's memory of the publishers, topics and speakers it looked up (import_lookups.py).
    """
    import_commits_without_flush_wait()
    lookups = lookups if lookups is not None else ImportLookups()
    digest = content_hash(draft.body)
    url = draft.url or None
    publisher = draft.publisher
    article = Article(
        title=draft.title[:200],
        url=url,
        content_hash=digest,
        published_on=draft.published_on,
        date_precision=draft.date_precision or "" if draft.published_on else "",
        language=draft.language or "",
        publisher_id=lookups.cached(lookups.publishers, publisher, lambda: _pk(publisher_for(name=publisher))),
        body=draft.body,
        cited_urls=list(dict.fromkeys(u for u in draft.cited_urls if len(u) <= 2000)),
        source_file=source_file[:1000],
        source_index=draft.source_index,
        imported_by=imported_by if imported_by and imported_by.is_authenticated else None,
    )
    if not _insert_unless_duplicate(article):
        lookup = Q(content_hash=digest) | Q(url=url) if url else Q(content_hash=digest)
        existing = Article.objects.filter(lookup).values_list("id", flat=True).first()
        if existing is None:  # the row it conflicted with went away meanwhile: let the caller report it
            raise IntegrityError("the article conflicted with one that is no longer there; import it again")
        return ImportOutcome(article_id=existing, duplicate=True)
    claim_ids = claims_extract(article=article, suggest=suggest, fresh=True, lookups=lookups) if extract else []
    return ImportOutcome(article_id=article.pk, duplicate=False, claim_ids=claim_ids)


def _insert_unless_duplicate(article: Article) -> bool:
    """INSERT … ON CONFLICT DO NOTHING RETURNING id: False when a unique constraint (url, content hash) found the
    article there already. One statement where a savepoint around a plain INSERT took three; any other
    constraint still raises. (QuerySet._insert is the step Model.save and bulk_create are built on; bulk_create
    does not give the id back when it ignores conflicts.)"""
    from django.db.models.constants import OnConflict

    fields = [f for f in Article._meta.concrete_fields if not f.primary_key and not f.generated]
    rows = Article.objects._insert([article], fields=fields, returning_fields=[Article._meta.pk],
                                   on_conflict=OnConflict.IGNORE)
    if not rows:
        return False
    article.pk = rows[0][0]
    article._state.adding, article._state.db = False, router.db_for_write(Article)
    return True


def import_commits_without_flush_wait() -> None:
    """An import commits once per article; waiting for each commit's WAL flush to disk costs more than the
    article's work. With synchronous_commit off for this transaction only, PostgreSQL stays consistent, and a
    server crash can lose at most the last fraction of a second of imported articles, which re-running the
    import restores (duplicates are refused by the unique constraints). Editors' writes keep waiting.
    Inside `imports_without_flush_wait()` the session has it off already: no statement is sent."""
    if _session_without_flush_wait is not None and connection.connection is _session_without_flush_wait:
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL synchronous_commit TO OFF")


_session_without_flush_wait: object | None = None  # the DB-API connection whose session has it off


@contextlib.contextmanager
def imports_without_flush_wait() -> Iterator[None]:
    """A run of imports on a connection of its own (`manage.py import_articles`): synchronous_commit off once for
    the session instead of once per article's transaction (a round trip an article), back to the server's
    setting after. Inside a transaction (a caller's, a test's) a SET could be rolled back with it: per
    transaction then, as before."""
    global _session_without_flush_wait
    if connection.in_atomic_block:
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    raw = _session_without_flush_wait = connection.connection
    try:
        yield
    finally:
        _session_without_flush_wait = None
        if connection.connection is raw and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute("RESET synchronous_commit")


# --- speakers and topics ----------------------------------------------------------------------


def speaker_resolve(*, name: str | None) -> Speaker | None:
    """One Speaker per person across articles: "Musk" finds "Elon Musk"; a fuller name seen later
    ("Elon Musk" after "Musk") becomes the speaker's name and the short form a variant."""
    from articles.extraction.names import canonical_speaker, display_name, speaker_key

    name = display_name(re.sub(r"\s+", " ", name or "").strip())[:200]
    if not name:
        return None
    key = speaker_key(name)[:100]
    rows = list(Speaker.objects.filter(key=key).order_by("id"))
    by_name = {variant: row for row in rows for variant in [row.name, *row.name_variants]}
    canon = canonical_speaker(name, by_name)
    found = by_name.get(canon)
    if found is None:
        shorter = [row for row in rows if canonical_speaker(row.name, [name]) == name]
        if len(shorter) == 1:  # we only knew a short form so far: the full name becomes the name
            found = shorter[0]
            found.name_variants = sorted({*found.name_variants, found.name})
            found.name = name
            found.save(update_fields=["name", "name_variants"])
            return found
        found, _ = Speaker.objects.get_or_create(name=name, defaults={"key": key})
    if name != found.name and name not in found.name_variants:
        found.name_variants = sorted({*found.name_variants, name})
        found.save(update_fields=["name_variants"])
    return found


def topic_for(*, label: str | None) -> Topic | None:
    label = (label or "").strip()
    slug = slugify(label)[:120]
    if not slug:
        return None
    topic, _ = Topic.objects.get_or_create(slug=slug, defaults={"name": label[:200]})
    return topic


@transaction.atomic
def topic_rename(*, topic: Topic, name: str) -> Topic:
    topic.name = name.strip()[:200]
    topic.save(update_fields=["name"])
    return topic


@transaction.atomic
def topic_merge(*, source: Topic, target: Topic) -> Topic:
    """Move every claim of `source` into `target` and delete `source`."""
    if source.pk == target.pk:
        return target
    Claim.objects.filter(topic=source).update(topic=target, version=F("version") + 1)
    source.delete()  # the topic's post_delete signal makes readers' cached pages stale (articles/public_cache.py)
    return target


# --- claims -------------------------------------------------------------------------------------


def _claim_from_draft(article: Article, draft: ClaimDraft, lookups: ImportLookups) -> Claim:
    qty = draft.quantity
    speaker, topic = draft.speaker, draft.topic
    return Claim(
        article=article,
        kind=draft.kind,
        text=draft.text,
        span_start=draft.start,
        span_end=draft.end,
        speaker_id=lookups.cached(lookups.speakers, speaker, lambda: _pk(speaker_resolve(name=speaker))),
        stated_on=draft.stated_on,
        stated_on_source=draft.stated_on_source,  # "stated" / "reported" (no day given: the article's date)
        quantity_value=qty.value if qty else None,
        quantity_unit=qty.unit if qty else "",
        quantity_bound=qty.bound if qty else "",
        quantity_high=qty.high if qty else None,
        unit_inferred=bool(qty and qty.unit_inferred),
        topic_id=lookups.cached(lookups.topics, topic, lambda: _pk(topic_for(label=topic))),
        terms=[t[:100] for t in draft.terms][:40],
    )


def _pk(row: Publisher | Speaker | Topic | None) -> int | None:
    return row.pk if row is not None else None


def claims_extract(*, article: Article, suggest: bool = True, fresh: bool = False,
                   lookups: ImportLookups | None = None) -> list[int]:
    """(Re-)extract an article's claim candidates, keeping every editor decision.

    A claim an editor touched (accepted, rejected, edited, linked) is never removed; a candidate that
    extraction finds again keeps its row, so its links (dismissed ones included) stay.
    `fresh`: called by article_import for the article it stored just now, inside its transaction, whose
    failure rolls back the article too: no savepoint of its own then (two round trips fewer per article).
    `lookups`: an import run's memory of the topics and speakers it looked up; without one, this article's own.
    """
    lookups = lookups if lookups is not None else ImportLookups()
    with transaction.atomic(savepoint=not fresh):
        return _claims_extract(article=article, suggest=suggest, fresh=fresh, lookups=lookups)


def _claims_extract(*, article: Article, suggest: bool, fresh: bool, lookups: ImportLookups) -> list[int]:
    """claims_extract in the caller's transaction. `fresh`: the article was stored just now, in this
    transaction, so it has no claims and no checks yet (nothing to keep, nothing to look up)."""
    from articles.extraction import extract_claims
    from articles.suggestions import suggest_links

    drafts = extract_claims(
        article.body, language=article.language, published_on=article.published_on, title=article.title
    )
    # a sentence can hold several figures, so the quantity is part of what identifies a candidate
    existing = {} if fresh else {(c.kind, c.span_start, c.span_end, c.quantity_value, c.quantity_unit): c
                                 for c in article.claims.all()}
    keep: set[int] = set()
    new_claims: list[Claim] = []
    for draft in drafts:
        qty = draft.quantity
        old = existing.get((draft.kind, draft.start, draft.end, qty.value if qty else None, qty.unit if qty else ""))
        if old is not None:
            keep.add(old.pk)
            continue
        new_claims.append(_claim_from_draft(article, draft, lookups))
    if not fresh:
        _drop_stale_candidates(article, keep)
    created = Claim.objects.bulk_create(new_claims)
    ids = [c.pk for c in created]
    if suggest and ids:
        suggest_links(claim_ids=ids)
    _run_checks(article, fresh_claims=created if fresh else None)
    return ids


def _run_checks(article: Article, *, fresh_claims: list[Claim] | None = None) -> None:
    """Issue 12: recompute the article's figures (currency at the date said, units, arithmetic).

    The checks are an aid: if they fail on some article, the article and its claims are still imported
    (checks_run's savepoint drops only the checks) and the error is logged for us, not shown as a traceback.
    `fresh_claims`: every claim of an article stored just now (it has no checks yet), so nothing is read
    back; most such articles need no checks at all, and then no savepoint is made either."""
    import logging

    from articles.checks.service import checks_needed, checks_run

    rows = None
    if fresh_claims is not None:
        rows = sorted(
            ((c.pk, c.span_start, c.span_end, c.quantity_value, c.quantity_unit, c.stated_on) for c in fresh_claims
             if c.quantity_value is not None and c.span_start is not None),
            key=lambda r: -r[0],  # as the query would give them: Claim's ordering, newest first
        )
        if not checks_needed(article=article, rows=rows):
            return
    try:
        checks_run(article=article, fresh_rows=rows)
    except Exception:
        logging.getLogger("articles.checks").exception("checks failed for article %s", article.pk)


def _drop_stale_candidates(article: Article, keep: set[int]) -> None:
    """Candidates extraction no longer finds go, unless an editor touched them or decided a link."""
    touched = Q(status=ClaimStatus.CANDIDATE, version=1) & ~Q(links_out__state=LinkState.CONFIRMED) & ~Q(
        links_in__state=LinkState.CONFIRMED
    )
    article.claims.filter(touched).exclude(pk__in=keep).exclude(
        pk__in=ClaimLink.objects.filter(state=LinkState.DISMISSED).values("from_claim")
    ).exclude(pk__in=ClaimLink.objects.filter(state=LinkState.DISMISSED).values("to_claim")).delete()


EDITABLE_FIELDS = {
    "text", "speaker", "stated_on", "quantity_value", "quantity_unit", "quantity_bound", "quantity_high",
    "topic", "verdict", "published", "status", "kind",
}


@transaction.atomic
def claim_update(*, claim_id: int, user: User, expected_version: int, changes: dict[str, Any]) -> Claim:
    """Apply an editor's changes, refusing them if the claim changed since the editor loaded it."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {', '.join(sorted(unknown))}")
    if changes.get("published") and changes.get("status") not in (None, ClaimStatus.ACCEPTED):
        raise ValidationError("Only an accepted claim can be published.")
    claim = Claim.objects.select_for_update().get(pk=claim_id)
    if claim.version != expected_version:
        raise StaleClaimError("This claim was changed by someone else; reload it and try again.")
    for name, value in changes.items():
        setattr(claim, name, value)
    if claim.published and claim.status != ClaimStatus.ACCEPTED:
        raise ValidationError("Only an accepted claim can be published.")
    if claim.quantity_bound == "range" and claim.quantity_high is None:
        raise ValidationError("A range needs a high value.")
    claim.reviewer = user
    claim.version += 1
    claim.save()
    return claim


@transaction.atomic
def claim_set_status(*, claim_id: int, user: User, expected_version: int, status: str) -> Claim:
    if status not in ClaimStatus.values:
        raise ValidationError(f"Unknown status {status!r}.")
    changes: dict[str, Any] = {"status": status}
    if status != ClaimStatus.ACCEPTED:
        changes["published"] = False
    return claim_update(claim_id=claim_id, user=user, expected_version=expected_version, changes=changes)


@transaction.atomic
def claim_create(
    *,
    article: Article,
    kind: str,
    text: str,
    user: User | None = None,
    speaker: str | None = None,
    stated_on: dt.date | None = None,
    quantity: tuple[float, str, str, float | None] | None = None,
    topic: str | None = None,
    status: str = ClaimStatus.CANDIDATE,
    verdict: str = "",
    published: bool = False,
) -> Claim:
    """A claim written by an editor (or the demo data): its span is found in the article body."""
    start = article.body.find(text)
    value, unit, bound, high = quantity or (None, "", "", None)
    return Claim.objects.create(
        article=article,
        kind=kind,
        text=text,
        span_start=start if start >= 0 else None,
        span_end=start + len(text) if start >= 0 else None,
        speaker=speaker_resolve(name=speaker),
        stated_on=stated_on,
        quantity_value=value,
        quantity_unit=unit,
        quantity_bound=bound,
        quantity_high=high,
        topic=topic_for(label=topic),
        status=status,
        verdict=verdict,
        published=published,
        reviewer=user if user and user.is_authenticated else None,
    )


# --- links ----------------------------------------------------------------------------------------


def _pair(a: int, b: int) -> Q:
    return Q(from_claim_id=a, to_claim_id=b) | Q(from_claim_id=b, to_claim_id=a)


@transaction.atomic
def claim_link(
    *, from_claim_id: int, to_claim_id: int, relation: str, user: User | None, rationale: str = ""
) -> ClaimLink:
    """Link two claims as an editor: confirms a suggestion for that pair and relation, or creates the link."""
    if from_claim_id == to_claim_id:
        raise ValidationError("A claim cannot be linked to itself.")
    if relation not in Relation.values:
        raise ValidationError(f"Unknown relation {relation!r}.")
    found = Claim.objects.filter(pk__in=[from_claim_id, to_claim_id]).count()
    if found != 2:
        raise ValidationError("The claim to link to does not exist.")
    link = (
        ClaimLink.objects.select_for_update()
        .filter(_pair(from_claim_id, to_claim_id), relation=relation)
        .first()
    )
    actor = user if user and user.is_authenticated else None
    if link is None:
        link = ClaimLink.objects.create(
            from_claim_id=from_claim_id,
            to_claim_id=to_claim_id,
            relation=relation,
            state=LinkState.CONFIRMED,
            rationale=rationale.strip(),
            created_by=actor,
        )
    else:
        link.state = LinkState.CONFIRMED
        if rationale.strip():
            link.rationale = rationale.strip()
        link.save(update_fields=["state", "rationale", "updated_at"])
    return link


@transaction.atomic
def link_set_state(*, link_id: int, state: str, user: User | None) -> ClaimLink:
    """Accept (confirm) or dismiss a link; a dismissed suggestion stays as a row so it never returns."""
    if state not in LinkState.values:
        raise ValidationError(f"Unknown state {state!r}.")
    link = ClaimLink.objects.select_for_update().get(pk=link_id)
    link.state = state
    link.save(update_fields=["state", "updated_at"])
    return link


def history_context(**values: Any) -> Any:
    """Label the history rows written inside a command or task (the middleware does it for requests)."""
    return pghistory.context(**values)



# --- the admin's writes (the same optimistic lock as the review pages) -------------------------------------------

STALE_CLAIM_MESSAGE = "This claim was changed by someone else; reload it and try again."


def claim_version_check(*, claim_id: int, expected_version: int) -> int:
    """Lock the claim's row for the rest of the transaction; refuse a form loaded before the last change."""
    current = Claim.objects.select_for_update().filter(pk=claim_id).values_list("version", flat=True).first()
    if current is None:
        raise StaleClaimError("This claim was deleted by someone else.")
    if current != expected_version:
        raise StaleClaimError(STALE_CLAIM_MESSAGE)
    return current


@transaction.atomic
def claim_save_checked(*, claim: Claim, expected_version: int | None) -> Claim:
    """Save a claim edited as a whole (the admin's form): a new claim is created; an existing one only if
    nobody changed it since `expected_version` was read, and its version is bumped so others' stale forms fail."""
    if claim._state.adding:
        claim.save()
        return claim
    if expected_version is None:
        raise StaleClaimError(STALE_CLAIM_MESSAGE)
    claim.version = claim_version_check(claim_id=claim.pk, expected_version=expected_version) + 1
    claim.save()
    return claim
