"""The reads of the editors' workspace: the two queues, the open counts, a claim's history, a topic's workspace.

Every list is keyset-paginated (a cursor, never OFFSET), every count is capped (COUNT over at most
COUNT_CAP rows an index serves) and no list loads an article body: the paragraph around a claim's span is a
substring cut in SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Count,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Greatest, Substr

from articles.lookups import words_in
from articles.models import Check, CheckState, CheckStatus, Claim, ClaimLink, ClaimStatus, LinkState, Speaker, Topic

COUNT_CAP = 999  # counts above this show as "999+": a capped count stops after COUNT_CAP + 1 index entries
CONTEXT_CHARS = 280  # characters of article text cut around a span (then trimmed to its paragraph)
PAGE_SIZE = 50
SEARCH_COUNT_WINDOW = 200  # a text search's counts are taken among its newest matches (then shown as "n+")
QUEUE_SIZE = 10


def capped(n: int) -> str:
    return f"{COUNT_CAP}+" if n > COUNT_CAP else str(n)


# --- counts in the navigation -----------------------------------------------------------------------

OPEN_COUNTS_SQL = """
SELECT (SELECT count(*) FROM (SELECT 1 FROM articles_claimlink WHERE state = 'suggested' LIMIT %(cap)s) s),
       (SELECT count(*) FROM (SELECT 1 FROM articles_claim WHERE status = 'candidate' LIMIT %(cap)s) c)
"""


def open_counts() -> dict[str, str]:
    """Open suggestions and candidates, capped, in one query (partial index claimlink_queue, claim_status_id)."""
    with connection.cursor() as cursor:
        cursor.execute(OPEN_COUNTS_SQL, {"cap": COUNT_CAP + 1})
        suggestions, candidates = cursor.fetchone()
    return {"suggestions": capped(suggestions), "candidates": capped(candidates)}


# --- the paragraph around a span, cut in SQL ---------------------------------------------------------


def _context_annotations(prefix: str) -> dict[str, Any]:
    """`<prefix>ctx` = the article text from CONTEXT_CHARS before the span to CONTEXT_CHARS after it,
    `<prefix>ctx_at` = where that substring starts in the body (0-based)."""
    p = f"{prefix}__" if prefix else ""
    start = Greatest(Coalesce(F(f"{p}span_start"), Value(0)) - CONTEXT_CHARS, Value(0))
    length = Coalesce(F(f"{p}span_end") - F(f"{p}span_start"), Value(0)) + 2 * CONTEXT_CHARS
    return {
        f"{prefix}_ctx": Substr(F(f"{p}article__body"), start + 1, length),
        f"{prefix}_ctx_at": start,
    }


@dataclass
class Passage:
    """The paragraph around a claim: text before the span, the span, text after it."""

    before: str = ""
    span: str = ""
    after: str = ""
    cut_before: bool = False
    cut_after: bool = False


def passage(claim: Claim, ctx: str | None, ctx_at: int | None) -> Passage:
    if ctx is None or claim.span_start is None or claim.span_end is None:
        return Passage(span=claim.text)
    a, b = claim.span_start - (ctx_at or 0), claim.span_end - (ctx_at or 0)
    before, span, after = ctx[:a], ctx[a:b], ctx[b:]
    cut_before = cut_after = True
    if "\n" in before:
        before, cut_before = before.rsplit("\n", 1)[1], False
    elif (ctx_at or 0) == 0:
        cut_before = False
    if "\n" in after:
        after, cut_after = after.split("\n", 1)[0], False
    elif len(ctx) < b + CONTEXT_CHARS:
        cut_after = False
    return Passage(before=before, span=span or claim.text, after=after, cut_before=cut_before, cut_after=cut_after)


# --- the suggestions queue ----------------------------------------------------------------------------


@dataclass
class SuggestionFilters:
    topic: str = ""  # slug
    relation: str = ""
    speaker: str = ""  # part of a name
    article: int | None = None
    language: str = ""

    def as_query(self) -> dict[str, str]:
        values = {"topic": self.topic, "relation": self.relation, "speaker": self.speaker,
                  "article": str(self.article or ""), "lang": self.language}
        return {k: v for k, v in values.items() if v}


def _speaker_ids(name: str) -> list[int]:
    return list(Speaker.objects.filter(Q(name__icontains=name) | Q(name_variants__icontains=name))
                .values_list("pk", flat=True)[:50]) if name else []


def _either_claim(**lookups: Any) -> Q:
    q_from = Q(**{f"from_claim__{k}": v for k, v in lookups.items()})
    q_to = Q(**{f"to_claim__{k}": v for k, v in lookups.items()})
    return q_from | q_to


@dataclass
class SuggestionItem:
    link: ClaimLink
    left: Claim
    right: Claim
    left_passage: Passage
    right_passage: Passage
    cursor: str  # the cursor that lists this item first
    left_checks: list[Check] = field(default_factory=list)
    right_checks: list[Check] = field(default_factory=list)


def _queue_key(score: float | None, pk: int) -> str:
    return f"{score if score is not None else 0.0!r}_{pk}"


def _parse_cursor(cursor: str) -> tuple[float, int] | None:
    try:
        score, pk = cursor.split("_", 1)
        return float(score), int(pk)
    except ValueError:
        return None


def suggestion_queue(*, filters: SuggestionFilters, after: str = "", limit: int = QUEUE_SIZE,
                     start: str = "") -> tuple[list[SuggestionItem], str | None]:
    """Open suggestions best first (score, then newest), `limit` of them after the cursor `after` (or from
    `start` inclusive); returns the items and the cursor of the next page (None at the end).

    The order is the partial index claimlink_queue (COALESCE(score, 0) DESC, id DESC WHERE suggested),
    so a page costs `limit` index entries plus the rows the filters skip, however long the queue.
    """
    qs = ClaimLink.objects.filter(state=LinkState.SUGGESTED)
    if filters.relation:
        qs = qs.filter(relation=filters.relation)
    if filters.topic:  # by id, not a join to the topic table on both sides
        topic_id = Topic.objects.filter(slug=filters.topic).values_list("pk", flat=True).first() or 0
        qs = qs.filter(_either_claim(topic_id=topic_id))
    if filters.article:
        qs = qs.filter(_either_claim(article_id=filters.article))
    if filters.language:
        qs = qs.filter(_either_claim(article__language=filters.language))
    if filters.speaker:
        qs = qs.filter(_either_claim(speaker_id__in=_speaker_ids(filters.speaker)))
    for cursor, op in ((after, "<"), (start, "<=")):
        parsed = _parse_cursor(cursor) if cursor else None
        if parsed:
            # a row comparison walks the index from the cursor on; `op` is one of two literals above
            sql = f"(COALESCE(articles_claimlink.score, 0), articles_claimlink.id) {op} (%s, %s)"
            qs = qs.alias(past=RawSQL(sql, parsed, output_field=BooleanField())).filter(past=True)  # noqa: S611
    rows = list(qs.order_by(Coalesce("score", Value(0.0)).desc(), "-id")[: limit + 1])
    # the two claims of each link in a second query: one nine-table join (link, two claims, their speakers, topics,
    # articles, outlets) took ~20 ms to plan for ~1 ms of work; two small queries plan in a fraction of that
    ids = {i for link in rows[:limit] for i in (link.from_claim_id, link.to_claim_id)}
    claims = (Claim.objects.select_related("speaker", "topic", "article__publisher")
              .defer("article__body", "search").annotate(**_context_annotations("")).in_bulk(ids)) if ids else {}
    items = []
    for link in rows[:limit]:
        left, right = claims[link.from_claim_id], claims[link.to_claim_id]
        link.from_claim, link.to_claim = left, right
        items.append(SuggestionItem(
            link=link, left=left, right=right,
            left_passage=passage(left, left._ctx, left._ctx_at),
            right_passage=passage(right, right._ctx, right._ctx_at),
            cursor=_queue_key(link.score, link.pk),
        ))
    checks = checks_by_claim({claim.pk for item in items for claim in (item.left, item.right)})
    for item in items:
        item.left_checks = checks.get(item.left.pk, [])
        item.right_checks = checks.get(item.right.pk, [])
    more = len(rows) > limit
    return items, (items[-1].cursor if more and items else None)


def inconsistent_first() -> Case:
    """An ordering that lists inconsistent checks before the others: what an editor should look at first."""
    return Case(When(status=CheckStatus.INCONSISTENT, then=Value(0)), default=Value(1))


def checks_by_claim(claim_ids: set[int]) -> dict[int, list[Check]]:
    """The checks that still matter for the claims on a queue page (open or accepted, not dismissed), in one
    query whatever the page's length, the inconsistent ones first."""
    grouped: dict[int, list[Check]] = {}
    if not claim_ids:
        return grouped
    rows = (Check.objects.filter(claim_id__in=claim_ids).exclude(state=CheckState.DISMISSED)
            .order_by("claim_id", inconsistent_first(), "id"))
    for check in rows:
        grouped.setdefault(check.claim_id, []).append(check)
    return grouped


# --- the claim queue ----------------------------------------------------------------------------------


@dataclass
class ClaimFilters:
    status: str = ClaimStatus.CANDIDATE
    kind: str = ""
    topic: str = ""  # slug
    speaker: str = ""
    article: int | None = None
    language: str = ""
    open_suggestions: bool = False
    said_from: dt.date | None = None
    said_to: dt.date | None = None
    query: str = ""
    speaker_ids: list[int] | None = None
    topic_id: int | None = None

    def as_query(self, **override: Any) -> dict[str, str]:
        values = {
            "status": self.status, "kind": self.kind, "topic": self.topic, "speaker": self.speaker,
            "article": str(self.article or ""), "lang": self.language,
            "open": "1" if self.open_suggestions else "",
            "from": self.said_from.isoformat() if self.said_from else "",
            "to": self.said_to.isoformat() if self.said_to else "", "q": self.query,
        }
        values.update(override)
        # an empty status means "all" and must survive the round trip, so it is always in the URL
        return {k: v for k, v in values.items() if v or k == "status"}


def _open_suggestion_exists() -> Q:
    open_links = ClaimLink.objects.filter(state=LinkState.SUGGESTED)
    return Q(Exists(open_links.filter(from_claim=OuterRef("pk")))) | Q(
        Exists(open_links.filter(to_claim=OuterRef("pk"))))


def _claim_filter_q(filters: ClaimFilters, *, with_status: bool = True, with_open: bool = True) -> Q:
    q = Q()
    if with_status and filters.status:
        q &= Q(status=filters.status)
    if filters.kind:
        q &= Q(kind=filters.kind)
    if filters.topic:
        if filters.topic_id is None:  # an id, not a join: lets the planner walk claim_topic_id
            filters.topic_id = Topic.objects.filter(slug=filters.topic).values_list("pk", flat=True).first() or 0
        q &= Q(topic_id=filters.topic_id)
    if filters.article:
        q &= Q(article_id=filters.article)
    if filters.language:
        q &= Q(article__language=filters.language)
    if filters.speaker:
        if filters.speaker_ids is None:  # looked up once per request, however many counts use it
            filters.speaker_ids = _speaker_ids(filters.speaker)
        q &= Q(speaker_id__in=filters.speaker_ids)
    if filters.said_from:
        q &= Q(said_on__gte=filters.said_from)
    if filters.said_to:
        q &= Q(said_on__lte=filters.said_to)
    if filters.open_suggestions and with_open:
        q &= _open_suggestion_exists()
    if filters.query:
        q &= words_in("text", filters.query)  # trigram-indexed ILIKE: a word found nowhere costs no scan
    return q


def claim_queue(*, filters: ClaimFilters, after: int | None = None, limit: int | None = None
                ) -> tuple[list[Claim], int | None]:
    """Claims newest first, `limit` after the claim id `after`; returns them and the next cursor."""
    limit = limit or PAGE_SIZE
    if filters.open_suggestions:
        rows, next_cursor = _open_claim_page(filters, after=after, limit=limit)
        claims = rows[:limit]
    else:
        qs = Claim.objects.filter(_claim_filter_q(filters))
        if after:
            qs = qs.filter(pk__lt=after)
        rows = list(_claim_rows(qs)[: limit + 1])
        claims = rows[:limit]
        next_cursor = claims[-1].pk if len(rows) > limit and claims else None
    # which of these claims have open suggestions: one lookup through claimlink_from_state / claimlink_to_state
    ids = [c.pk for c in claims]
    open_pairs = ClaimLink.objects.filter(Q(from_claim_id__in=ids) | Q(to_claim_id__in=ids),
                                          state=LinkState.SUGGESTED).values_list("from_claim_id", "to_claim_id")
    with_open = {i for pair in open_pairs for i in pair} if ids else set()
    for c in claims:
        c.open_links = c.pk in with_open
    return claims, next_cursor


def _claim_rows(qs: QuerySet[Claim]) -> QuerySet[Claim]:
    return qs.select_related("speaker", "article__publisher", "topic").defer("article__body", "search").order_by("-id")


OPEN_CLAIM_IDS_SQL = """
SELECT id FROM (
  (SELECT from_claim_id AS id FROM articles_claimlink WHERE state = 'suggested' AND from_claim_id < %(below)s
   ORDER BY from_claim_id DESC LIMIT %(n)s)
  UNION
  (SELECT to_claim_id AS id FROM articles_claimlink WHERE state = 'suggested' AND to_claim_id < %(below)s
   ORDER BY to_claim_id DESC LIMIT %(n)s)
) AS open_ ORDER BY id DESC LIMIT %(n)s
"""
OPEN_BATCH = 2000
OPEN_BATCHES = 4


def open_claim_ids(*, below: int | None, n: int) -> list[int]:
    """The newest `n` claims with an open suggestion, below the id `below`: two backward walks of the partial
    indexes claimlink_open_from / claimlink_open_to, merged (no scan of the claims)."""
    with connection.cursor() as cursor:
        cursor.execute(OPEN_CLAIM_IDS_SQL, {"below": below or 2**62, "n": n})
        return [row[0] for row in cursor.fetchall()]


def _open_claim_page(filters: ClaimFilters, *, after: int | None, limit: int) -> tuple[list[Claim], int | None]:
    """A page of claims with open suggestions, driven from the links' side in bounded batches: each request
    looks at most OPEN_BATCHES x OPEN_BATCH such claims; when that finds too few matches, "Older" goes on."""
    base = Claim.objects.filter(_claim_filter_q(filters, with_open=False))
    rows: list[Claim] = []
    below = after
    for _ in range(OPEN_BATCHES):
        ids = open_claim_ids(below=below, n=OPEN_BATCH)
        if not ids:
            return rows, None
        rows += list(_claim_rows(base.filter(pk__in=ids))[: limit + 1 - len(rows)])
        if len(rows) > limit:
            return rows, rows[limit - 1].pk
        below = ids[-1]
        if len(ids) < OPEN_BATCH:
            return rows, None
    return rows, (rows[-1].pk if rows else below)


def status_counts(filters: ClaimFilters) -> dict[str, str]:
    """Claims per status under the other filters, each capped, in one query."""
    if filters.open_suggestions:
        # counted among the newest claims with open suggestions (a window, so the count stays bounded)
        ids = open_claim_ids(below=None, n=OPEN_BATCH * OPEN_BATCHES)
        got = dict(Claim.objects.filter(_claim_filter_q(filters, with_status=False, with_open=False), pk__in=ids)
                   .order_by().values_list("status").annotate(n=Count("pk")))
        full = len(ids) == OPEN_BATCH * OPEN_BATCHES
        return {s: capped(got.get(s, 0)) + ("+" if full and "+" not in capped(got.get(s, 0)) else "")
                for s in ClaimStatus.values}
    if filters.query:
        # a text search: counted among the newest SEARCH_COUNT_WINDOW matches, one walk that stops there.
        # Per-status capped counts would each intersect the trigram index with the status index (~150 ms
        # apiece for a common word at a million claims); every row walked costs an ILIKE (~10 us)
        window = (Claim.objects.filter(_claim_filter_q(filters, with_status=False)).order_by("-id")
                  .values_list("status", flat=True)[:SEARCH_COUNT_WINDOW])
        statuses = list(window)
        full = len(statuses) >= SEARCH_COUNT_WINDOW
        return {s: f"{statuses.count(s)}+" if full and statuses.count(s) else str(statuses.count(s))
                for s in ClaimStatus.values}
    parts, params = [], []
    for status in ClaimStatus.values:
        # no ORDER BY: the count may use whichever index serves the filters (status, speaker, topic)
        sub = Claim.objects.filter(_claim_filter_q(filters, with_status=False), status=status).order_by().values("pk")
        sql, sub_params = sub[: COUNT_CAP + 1].query.sql_with_params()
        parts.append(f"(SELECT count(*) FROM ({sql}) AS {status}_)")  # noqa: S608 (Django-compiled SQL, params apart)
        params.extend(sub_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        row = cursor.fetchone()
    return {status: capped(n) for status, n in zip(ClaimStatus.values, row, strict=True)}


TOPIC_PAGE_SIZE = 50
MERGE_CHOICES_LIMIT = 2000


@dataclass
class TopicPage:
    items: list[Topic]
    next_after: str | None


def topics_page(*, after: str = "", size: int | None = None) -> TopicPage:
    """One page of topics by name, each with its claims counted up to COUNT_CAP + 1 (an index-only walk of
    claim_topic_id per topic on the page: never a count over every claim)."""
    size = size or TOPIC_PAGE_SIZE
    per_topic = Claim.objects.filter(topic=OuterRef("pk")).order_by().values("pk")[: COUNT_CAP + 1]
    qs = Topic.objects.only("pk", "slug", "name").annotate(n_claims=Func(
        Subquery(per_topic), template="(SELECT count(*) FROM %(expressions)s AS capped)", output_field=IntegerField()))
    if after:
        qs = qs.filter(name__gt=after)
    rows = list(qs.order_by("name", "pk")[: size + 1])
    for topic in rows:
        topic.n_shown = capped(topic.n_claims)
    return TopicPage(items=rows[:size], next_after=rows[size - 1].name if len(rows) > size else None)


def topic_merge_choices() -> list[tuple[str, str]]:
    """(slug, name) of the topics a topic can be merged into: one list for the whole page (a datalist), not a
    menu of every topic in every row."""
    return list(Topic.objects.order_by("name").values_list("slug", "name")[:MERGE_CHOICES_LIMIT])


def topic_by_slug_or_id(value: str) -> Topic | None:
    value = value.strip()
    topic = Topic.objects.filter(slug=value).first()
    if topic is None and value.isdigit() and len(value) < 19:
        topic = Topic.objects.filter(pk=int(value)).first()
    return topic


def topic_options(selected: str = "") -> tuple[str, str]:
    """The topic menu's <option>s, built once per request for both menus of the claim queue (two template loops
    over every topic cost more than the rest of the filters): (with `selected` marked, without)."""
    from html import escape  # what django.utils.html.escape does, without its lazy-text check on 400 values

    from django.utils.safestring import mark_safe

    plain = mark_safe("".join(f'<option value="{escape(slug)}">{escape(name)}</option>'  # noqa: S308 (escaped)
                              for slug, name in topic_choices().values_list("slug", "name")))
    mark = f'<option value="{escape(selected)}">'
    # str.replace returns plain text, which the template would escape: the menu must stay markup
    marked = mark_safe(plain.replace(mark, mark[:-1] + " selected>", 1)) if selected else plain  # noqa: S308
    return marked, plain


def topic_choices() -> QuerySet[Topic]:
    return Topic.objects.only("slug", "name").order_by("name")


# --- a claim's history --------------------------------------------------------------------------------

CLAIM_HISTORY_FIELDS = [
    "kind", "text", "span_start", "span_end", "speaker_id", "stated_on", "stated_on_source", "quantity_value",
    "quantity_unit", "quantity_bound", "quantity_high", "topic_id", "status", "verdict", "explanation",
    "published", "review_published_at", "reviewer_id", "article_id",
]
RESTORABLE_FIELDS = {
    "kind", "text", "speaker_id", "stated_on", "quantity_value", "quantity_unit", "quantity_bound",
    "quantity_high", "topic_id", "status", "verdict", "explanation",
}
LINK_HISTORY_FIELDS = ["relation", "state", "rationale", "from_claim_id", "to_claim_id"]


@dataclass
class Change:
    field: str
    before: Any
    after: Any
    restorable: bool = False


@dataclass
class HistoryEntry:
    event_id: int
    at: dt.datetime
    what: str  # "claim" or "link #n"
    label: str  # insert, update, delete
    who: str
    url: str
    changes: list[Change] = field(default_factory=list)


def _describe(values: dict[str, Any], names: dict[tuple[str, Any], str]) -> dict[str, Any]:
    return {k: names.get((k, v), v) for k, v in values.items()}


def claim_history(claim_id: int) -> list[HistoryEntry]:
    """Every recorded change to a claim and its links, newest first (three queries + one per name kind)."""
    from articles.models import ClaimEvent, ClaimLinkEvent  # generated by pghistory

    claim_events = list(ClaimEvent.objects.filter(pgh_obj_id=claim_id).select_related("pgh_context")
                        .order_by("pgh_id"))
    link_events = list(ClaimLinkEvent.objects.filter(Q(from_claim_id=claim_id) | Q(to_claim_id=claim_id))
                       .select_related("pgh_context").order_by("pgh_id"))
    users = {str(u.pk): u.get_username() for u in get_user_model().objects.filter(pk__in={
        str((e.pgh_context.metadata or {}).get("user")) for e in [*claim_events, *link_events]
        if e.pgh_context and (e.pgh_context.metadata or {}).get("user") is not None
    })}
    speaker_ids = {e.speaker_id for e in claim_events if e.speaker_id}
    topic_ids = {e.topic_id for e in claim_events if e.topic_id}
    names: dict[tuple[str, Any], str] = {}
    names.update({("speaker_id", s.pk): s.name for s in Speaker.objects.filter(pk__in=speaker_ids)})
    names.update({("topic_id", t.pk): t.name for t in Topic.objects.filter(pk__in=topic_ids)})
    names.update({("reviewer_id", int(k)): v for k, v in users.items() if k.isdigit()})

    def who(event) -> str:
        meta = (event.pgh_context.metadata or {}) if event.pgh_context else {}
        if meta.get("user") is not None:
            return users.get(str(meta["user"]), f"user {meta['user']}")
        return meta.get("command") or meta.get("task") or "system"

    def url(event) -> str:
        return ((event.pgh_context.metadata or {}) if event.pgh_context else {}).get("url", "")

    entries: list[HistoryEntry] = []
    for events, fields, kind in ((claim_events, CLAIM_HISTORY_FIELDS, "claim"),
                                 (link_events, LINK_HISTORY_FIELDS, "link")):
        previous: dict[int, dict[str, Any]] = {}
        for event in events:
            values = {f: getattr(event, f) for f in fields}
            old = previous.get(event.pgh_obj_id)
            label = event.pgh_label
            if old is None or label == "insert":
                changes = [Change(f, None, v) for f, v in values.items() if v not in (None, "", False)]
            elif label == "delete":
                changes = []
            else:
                changes = [Change(f, old[f], v) for f, v in values.items() if old[f] != v]
            if kind == "claim" and label == "update":
                for change in changes:
                    change.restorable = change.field in RESTORABLE_FIELDS
            previous[event.pgh_obj_id] = values
            if label == "update" and not changes:
                continue
            readable = []
            for c in changes:
                c.before = names.get((c.field, c.before), c.before)
                c.after = names.get((c.field, c.after), c.after)
                c.field = c.field.removesuffix("_id")
                readable.append(c)
            entries.append(HistoryEntry(
                event_id=event.pgh_id, at=event.pgh_created_at,
                what="claim" if kind == "claim" else f"link #{event.pgh_obj_id}",
                label=label, who=who(event), url=url(event), changes=readable,
            ))
    entries.sort(key=lambda e: (e.at, e.event_id), reverse=True)
    return entries


# --- a topic's workspace ------------------------------------------------------------------------------


TOPIC_WINDOW = 50  # claims on a topic's workspace page; earlier ones page back with a cursor


@dataclass(frozen=True)
class TopicWindow:
    claims: list[Claim]  # in the order they were said, oldest first
    earlier: str  # the cursor of the next window back (older claims), or "" when there are none


def topic_claims(topic: Topic, *, before: str = "", limit: int | None = None) -> TopicWindow:
    """The topic's latest claims (by number: the newest imported or added, before the cursor if one is given),
    shown in the order they were said. Read from the (topic, id) index a window at a time: a topic of thousands
    of claims is never read whole (sorting all of them by date read 5,000 heap pages, 90 ms, at 1M claims)."""
    limit = limit or TOPIC_WINDOW
    rows = Claim.objects.filter(topic=topic).exclude(status=ClaimStatus.REJECTED)
    if before.isdigit():
        rows = rows.filter(pk__lt=int(before))
    window = list(rows.select_related("speaker", "article__publisher").defer("article__body")
                  .order_by("-id")[: limit + 1])
    more = len(window) > limit
    window = window[:limit]
    earlier = str(window[-1].pk) if more else ""
    window.sort(key=lambda c: (c.said_on is None, c.said_on or dt.date.min, c.pk))
    return TopicWindow(claims=window, earlier=earlier)


def topic_links(claim_ids: list[int]) -> list[ClaimLink]:
    """Links between claims of the topic (both ends inside it), dismissed ones left out."""
    return list(
        ClaimLink.objects.filter(from_claim_id__in=claim_ids, to_claim_id__in=claim_ids)
        .exclude(state=LinkState.DISMISSED)
        .select_related("from_claim__speaker", "to_claim__speaker")
        .order_by("-score", "id")
    )


def review_claim(claim_id: int) -> Claim | None:
    """One claim as editors see it: every link (suggested and dismissed too) and its sources."""
    from articles.selectors import _links

    return (
        Claim.objects.select_related("speaker", "article__publisher", "topic", "reviewer")
        .prefetch_related(*_links("links_out", public=False), *_links("links_in", public=False), "sources")
        .filter(pk=claim_id).first()
    )
