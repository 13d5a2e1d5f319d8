"""The writes of the editors' workspace: deciding suggestions (and undoing), bulk claim actions, the
fact-check record, claims an editor adds or deletes, restoring a value from history.

Each function is keyword-only, typed and atomic; every write to a claim takes its optimistic lock
(`Claim.version`), every decision on a suggestion locks the link row and refuses one already decided.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from articles import public_cache
from articles.models import (
    Article,
    Claim,
    ClaimKind,
    ClaimLink,
    ClaimStatus,
    LinkState,
    Relation,
    Source,
    Topic,
    Verdict,
)
from articles.services import StaleClaimError, User, speaker_resolve


def _actor(user: User | None) -> User | None:
    return user if user is not None and user.is_authenticated else None


def _locked_claim(claim_id: int, expected_version: int) -> Claim:
    claim = Claim.objects.select_for_update().filter(pk=claim_id).first()
    if claim is None:
        raise ValidationError("This claim no longer exists.")
    if claim.version != expected_version:
        raise StaleClaimError("This claim was changed by someone else; reload it and try again.")
    return claim


def _save_claim(claim: Claim, user: User | None, fields: list[str]) -> Claim:
    claim.version += 1
    if _actor(user):
        claim.reviewer = user
        fields = [*fields, "reviewer"]
    claim.save(update_fields=[*dict.fromkeys([*fields, "version", "updated_at"])])
    return claim


# --- suggestions --------------------------------------------------------------------------------------


class AlreadyDecidedError(Exception):
    """Someone decided this suggestion already."""


@dataclass
class Undo:
    """What a decision changed, to put back: (link id, state, relation) before it."""

    label: str
    links: list[tuple[int, str, str]]
    after: list[tuple[int, str, str]] = field(default_factory=list)  # as the decision left them

    def as_session(self) -> dict[str, Any]:
        return {"label": self.label, "links": [list(row) for row in self.links],
                "after": [list(row) for row in self.after]}

    @classmethod
    def from_session(cls, data: dict[str, Any] | None) -> Undo | None:
        if not data:
            return None
        rows = lambda key: [(int(a), str(b), str(c)) for a, b, c in data.get(key, [])]  # noqa: E731
        return cls(label=str(data.get("label", "")), links=rows("links"), after=rows("after"))


@transaction.atomic
def suggestion_decide(*, link_id: int, user: User | None, action: str, relation: str = "") -> Undo:
    """Confirm or dismiss an open suggestion (see _decide); the Undo also knows the state it left."""
    undo = _decide(link_id=link_id, user=user, action=action, relation=relation)
    ids = [row[0] for row in undo.links]
    undo.after = list(ClaimLink.objects.filter(pk__in=ids).values_list("pk", "state", "relation"))
    return undo


def _decide(*, link_id: int, user: User | None, action: str, relation: str = "") -> Undo:
    """Confirm (as its relation or as `relation`) or dismiss an open suggestion.

    Confirming as another relation changes the link's relation; when the pair already has a link of that
    relation, that link is confirmed and this suggestion dismissed (one link per pair and relation).
    """
    link = ClaimLink.objects.select_for_update().filter(pk=link_id).first()
    if link is None:
        raise ValidationError("This suggestion no longer exists.")
    if link.state != LinkState.SUGGESTED:
        raise AlreadyDecidedError(f"Suggestion #{link.pk} was already {link.state} by someone else.")
    before = [(link.pk, link.state, link.relation)]
    if action == "dismiss":
        link.state = LinkState.DISMISSED
        link.save(update_fields=["state", "updated_at"])
        return Undo(label=f"dismissed suggestion #{link.pk}", links=before)
    if action != "confirm":
        raise ValidationError(f"Unknown action {action!r}.")
    relation = relation or link.relation
    if relation not in Relation.values:
        raise ValidationError(f"Unknown relation {relation!r}.")
    if relation != link.relation:
        pair = Q(from_claim_id=link.from_claim_id, to_claim_id=link.to_claim_id) | Q(
            from_claim_id=link.to_claim_id, to_claim_id=link.from_claim_id)
        twin = ClaimLink.objects.select_for_update().filter(pair, relation=relation).first()
        if twin is not None:
            before.append((twin.pk, twin.state, twin.relation))
            twin.state = LinkState.CONFIRMED
            twin.save(update_fields=["state", "updated_at"])
            link.state = LinkState.DISMISSED
            link.save(update_fields=["state", "updated_at"])
            return Undo(label=f"confirmed #{link.pk} as {relation}", links=before)
        link.relation = relation
    link.state = LinkState.CONFIRMED
    if _actor(user) and link.created_by_id is None:
        link.created_by = user
    link.save(update_fields=["state", "relation", "created_by", "updated_at"])
    return Undo(label=f"confirmed #{link.pk} as {link.get_relation_display()}", links=before)


@transaction.atomic
def suggestion_undo(*, undo: Undo, user: User | None) -> list[int]:
    """Put links back as they were before a decision; returns their ids.

    A link someone else decided again since is left alone (the undo is refused): nothing is overwritten silently.
    """
    ids = [row[0] for row in undo.links]
    now = {pk: (pk, state, relation) for pk, state, relation in
           ClaimLink.objects.select_for_update().filter(pk__in=ids).values_list("pk", "state", "relation")}
    for row in undo.after:
        if now.get(row[0]) != row:
            raise AlreadyDecidedError(f"Suggestion #{row[0]} was changed by someone else since; nothing undone.")
    for link_id, state, relation in reversed(undo.links):
        ClaimLink.objects.filter(pk=link_id).update(state=state, relation=relation, updated_at=timezone.now())
    public_cache.changed()  # a QuerySet.update(): no signal tells the readers' cache
    return ids


# --- several claims at once --------------------------------------------------------------------------


@dataclass
class BulkOutcome:
    changed: list[int]
    stale: list[int]


@transaction.atomic
def claims_bulk_update(*, claims: list[tuple[int, int]], user: User | None, status: str = "",
                       topic: Topic | None = None, clear_topic: bool = False) -> BulkOutcome:
    """Accept/reject several claims or move them to a topic; `claims` are (id, version the editor saw).

    A claim changed since the editor saw it is left alone and reported as stale.
    """
    if status and status not in ClaimStatus.values:
        raise ValidationError(f"Unknown status {status!r}.")
    if not status and topic is None and not clear_topic:
        raise ValidationError("Choose what to do with the selected claims.")
    seen = dict(claims)
    rows = list(Claim.objects.select_for_update().filter(pk__in=seen).only("pk", "version"))
    fresh = [c.pk for c in rows if c.version == seen[c.pk]]
    stale = sorted(set(seen) - set(fresh))
    changes: dict[str, Any] = {"version": F("version") + 1, "updated_at": timezone.now()}
    if status:
        changes["status"] = status
        if status != ClaimStatus.ACCEPTED:
            changes["published"] = False
    if topic is not None or clear_topic:
        changes["topic"] = topic
    if _actor(user):
        changes["reviewer"] = user
    Claim.objects.filter(pk__in=fresh).update(**changes)
    public_cache.changed()  # a QuerySet.update(): no signal tells the readers' cache
    return BulkOutcome(changed=sorted(fresh), stale=stale)


# --- the fact-check record ----------------------------------------------------------------------------

RATING_MEANINGS = {
    Verdict.TRUE: "Accurate, and nothing significant is missing.",
    Verdict.MOSTLY_TRUE: "Accurate, but needs clarification or additional context.",
    Verdict.MISLEADING: "Contains some truth but leaves out or distorts facts so it gives a wrong impression.",
    Verdict.FALSE: "Not accurate: the evidence contradicts it.",
    Verdict.UNPROVEN: "The evidence available does not show whether it is accurate or not.",
}


@dataclass
class SourceInput:
    url: str = ""
    title: str = ""
    outlet: str = ""
    accessed_on: dt.date | None = None
    article_id: int | None = None


def source_for(*, data: SourceInput) -> Source:
    """One Source per URL (reused across claims); an imported article is a source too."""
    article = Article.objects.filter(pk=data.article_id).only("pk", "title", "url").first() if data.article_id else None
    url = data.url.strip() or (article.url or "" if article else "")
    title = data.title.strip() or (article.title if article else "") or url
    if not title:
        raise ValidationError("A source needs a URL, a title or an imported article.")
    if url:
        source, created = Source.objects.get_or_create(url=url, defaults={
            "title": title[:300], "outlet": data.outlet[:200], "accessed_on": data.accessed_on, "article": article})
        if not created:
            updates = {"title": data.title.strip()[:300], "outlet": data.outlet.strip()[:200],
                       "accessed_on": data.accessed_on}
            changed = [k for k, v in updates.items() if v and getattr(source, k) != v]
            for k in changed:
                setattr(source, k, updates[k])
            if changed:
                source.save(update_fields=changed)
        return source
    return Source.objects.create(title=title[:300], outlet=data.outlet[:200], accessed_on=data.accessed_on,
                                 article=article)


@transaction.atomic
def claim_review_save(*, claim_id: int, user: User | None, expected_version: int, verdict: str, explanation: str,
                      sources: list[SourceInput], keep_source_ids: list[int], publish: bool | None = None) -> Claim:
    """Save a claim's fact-check: rating, explanation, sources; publish or withdraw it.

    Publishing needs a rating and an explanation and an accepted claim; it puts the claim on the timeline,
    records the reviewer and the time. `publish=None` keeps the published state.
    """
    claim = _locked_claim(claim_id, expected_version)
    if verdict and verdict not in Verdict.values:
        raise ValidationError(f"Unknown rating {verdict!r}.")
    claim.verdict = verdict
    claim.explanation = explanation.strip()
    fields = ["verdict", "explanation"]
    publishing = claim.review_published_at is not None if publish is None else publish
    if publishing:
        missing = [name for name, value in (("a rating", claim.verdict), ("an explanation", claim.explanation))
                   if not value]
        if missing:
            raise ValidationError(f"Publishing a fact-check needs {' and '.join(missing)}.")
        if claim.status != ClaimStatus.ACCEPTED:
            raise ValidationError("Only an accepted claim can be published: accept it first.")
        if publish:
            claim.review_published_at = timezone.now()
            claim.published = True
            fields += ["review_published_at", "published"]
    elif publish is False:
        claim.review_published_at = None
        fields.append("review_published_at")
    kept = list(Source.objects.filter(pk__in=keep_source_ids, claims=claim).values_list("pk", flat=True))
    new = [source_for(data=s).pk for s in sources]
    claim.sources.set([*kept, *new])
    return _save_claim(claim, user, fields)


# --- claims an editor adds or deletes -----------------------------------------------------------------


@dataclass
class ClaimProposal:
    """What the extractor makes of a selection: the form's prefilled values."""

    text: str
    start: int
    kind: str = ClaimKind.STATEMENT
    speaker: str = ""
    stated_on: dt.date | None = None
    quantity_value: float | None = None
    quantity_unit: str = ""
    quantity_bound: str = ""
    quantity_high: float | None = None
    topic: str = ""


def locate_span(body: str, text: str, near: int | None = None) -> int:
    """Where `text` occurs in the body: at `near` when it occurs there, else its first occurrence."""
    if not text:
        raise ValidationError("Select or paste the words of the claim.")
    if near is not None and near >= 0 and body[near:near + len(text)] == text:
        return near
    start = body.find(text)
    if start < 0:
        raise ValidationError("This text does not occur in the article: copy it exactly as it stands there.")
    return start


def claim_propose(*, article: Article, text: str, near: int | None = None) -> ClaimProposal:
    """Run the extractor on the selection (read-only) to prefill a new claim.

    The figure comes from the selection itself; speaker and date from what extraction finds in the article
    around it (a claim overlapping the span), else from the selection's own words.
    """
    from articles.extraction import extract_claims
    from articles.extraction.dates import find_date
    from articles.extraction.names import find_people

    text = text.strip()
    start = locate_span(article.body, text, near)
    end = start + len(text)
    proposal = ClaimProposal(text=text, start=start)
    language, published_on = article.language, article.published_on
    own = extract_claims(text, language=language, published_on=published_on, title=article.title)
    around = [d for d in extract_claims(article.body, language=language, published_on=published_on,
                                        title=article.title) if d.start < end and d.end > start]
    drafts = own + around
    figure = next((d for d in drafts if d.quantity is not None), None)
    first = figure or (drafts[0] if drafts else None)
    if first is not None:
        proposal.kind = first.kind
        proposal.topic = next((d.topic for d in around + own if d.topic), "") or ""
    if figure is not None:
        q = figure.quantity
        proposal.quantity_value, proposal.quantity_unit = q.value, q.unit
        proposal.quantity_bound, proposal.quantity_high = q.bound, q.high
    # the paragraph up to the selection's end: "X sagte am 4. Februar, ..." before the selected words
    lead = article.body[article.body.rfind("\n", 0, start) + 1:end]
    people = find_people(lead)
    proposal.speaker = next((d.speaker for d in around + own if d.speaker), "") or (people[-1].name if people else "")
    proposal.stated_on = next((d.stated_on for d in around + own if d.stated_on), None) or find_date(
        lead, language, published_on)
    return proposal


@transaction.atomic
def claim_add(*, article: Article, proposal: ClaimProposal, user: User | None) -> Claim:
    """A claim the extractor missed, with its span in the article; an editor's claim starts accepted."""
    start = locate_span(article.body, proposal.text, proposal.start)
    if proposal.quantity_bound == "range" and proposal.quantity_high is None:
        raise ValidationError("A range needs a high value.")
    from articles.services import topic_for

    return Claim.objects.create(
        article=article, kind=proposal.kind, text=proposal.text, span_start=start,
        span_end=start + len(proposal.text), speaker=speaker_resolve(name=proposal.speaker),
        stated_on=proposal.stated_on, stated_on_source="stated" if proposal.stated_on else "",
        quantity_value=proposal.quantity_value,
        quantity_unit=proposal.quantity_unit if proposal.quantity_value is not None else "",
        quantity_bound=(proposal.quantity_bound or "eq") if proposal.quantity_value is not None else "",
        quantity_high=proposal.quantity_high, topic=topic_for(label=proposal.topic),
        status=ClaimStatus.ACCEPTED, reviewer=_actor(user),
    )


@transaction.atomic
def claim_delete(*, claim_id: int, user: User | None, expected_version: int) -> int:
    """Delete a wrong claim (its links go with it); the history keeps every row as it was."""
    claim = _locked_claim(claim_id, expected_version)
    article_id = claim.article_id
    claim.delete()
    return article_id


# --- history and conflicts ----------------------------------------------------------------------------


@transaction.atomic
def claim_restore(*, claim_id: int, event_id: int, field: str, before: bool, user: User | None,
                  expected_version: int) -> Claim:
    """Set one field back to a value the history recorded (the restore is itself a recorded change)."""
    from articles.models import ClaimEvent, Speaker
    from articles.review_selectors import RESTORABLE_FIELDS

    column = field if field in RESTORABLE_FIELDS else f"{field}_id"
    if column not in RESTORABLE_FIELDS:
        raise ValidationError(f"{field} cannot be restored.")
    event = ClaimEvent.objects.filter(pgh_id=event_id, pgh_obj_id=claim_id).first()
    if event is None:
        raise ValidationError("No such change in this claim's history.")
    if before:
        event = ClaimEvent.objects.filter(pgh_obj_id=claim_id, pgh_id__lt=event_id).order_by("-pgh_id").first()
        if event is None:
            raise ValidationError("Nothing was recorded before this change.")
    claim = _locked_claim(claim_id, expected_version)
    value = getattr(event, column)
    if column == "status" and value != ClaimStatus.ACCEPTED and claim.published:
        claim.published = False
    if column in ("topic_id", "speaker_id") and value is not None:
        model = Topic if column == "topic_id" else Speaker
        if not model.objects.filter(pk=value).exists():
            raise ValidationError(f"That {field} no longer exists.")
    setattr(claim, column, value)
    return _save_claim(claim, user, [column, "published"])


CONFLICT_FIELDS = ["text", "speaker", "stated_on", "quantity_value", "quantity_unit", "quantity_bound",
                   "quantity_high", "topic", "published"]
