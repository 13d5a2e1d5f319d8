"""The reads pages need, each with its prefetches so a page's query count does not grow with its length."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.utils.html import escape, format_html_join
from django.utils.safestring import SafeString, mark_safe

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

EDITORS_GROUP = "Editors"


def _links(prefix: str, *, public: bool) -> list[Prefetch]:
    """Links of a claim in both directions, with the claim at the other end."""
    other = "to_claim" if prefix == "links_out" else "from_claim"
    qs = ClaimLink.objects.select_related(f"{other}__speaker", f"{other}__article").order_by("-score", "id")
    if public:
        qs = qs.filter(state=LinkState.CONFIRMED, **{f"{other}__published": True})
    qs = qs.defer(f"{other}__article__body", f"{other}__search")  # lists never load article bodies
    return [Prefetch(prefix, queryset=qs, to_attr=f"{prefix}_list")]


def claim_links(claim: Claim) -> list[tuple[ClaimLink, Claim]]:
    """(link, other claim) pairs of a claim fetched with one of the selectors below."""
    pairs = [(link, link.to_claim) for link in getattr(claim, "links_out_list", [])]
    pairs += [(link, link.from_claim) for link in getattr(claim, "links_in_list", [])]
    return sorted(pairs, key=lambda p: (p[0].state != LinkState.CONFIRMED, -(p[0].score or 0), p[0].pk))


def timeline_claims() -> QuerySet[Claim]:
    """Published claims, newest statement first, with what readers see of their links."""
    return (
        Claim.objects.filter(published=True)
        .select_related("speaker", "article__publisher", "topic")
        .prefetch_related(*_links("links_out", public=True), *_links("links_in", public=True))
        .order_by(F("said_on").desc(nulls_last=True), "-id")
    )


def contradictions(claim: Claim) -> list[Claim]:
    return [other for link, other in claim_links(claim) if link.relation == Relation.CONTRADICTS]


def public_claim(claim_id: int, *, editor: bool) -> Claim | None:
    qs = Claim.objects.select_related("speaker", "article__publisher", "topic", "reviewer").prefetch_related(
        *_links("links_out", public=not editor), *_links("links_in", public=not editor)
    )
    if not editor:
        qs = qs.filter(published=True)
    return qs.filter(pk=claim_id).first()


def review_claims(*, status: str = "", kind: str = "", query: str = "", topic_id: int | None = None
                  ) -> QuerySet[Claim]:
    qs = Claim.objects.select_related("speaker", "article", "topic")
    if topic_id:
        qs = qs.filter(topic_id=topic_id)
    if status:
        qs = qs.filter(status=status)
    if kind:
        qs = qs.filter(kind=kind)
    if query:
        qs = qs.filter(
            Q(text__icontains=query) | Q(speaker__name__icontains=query) | Q(article__title__icontains=query)
        )
    return qs.order_by("-id")


def review_claim(claim_id: int) -> Claim | None:
    """A claim as editors see it: published or not, with every link (suggested and dismissed too)."""
    return public_claim(claim_id, editor=True)


def topics_with_counts() -> QuerySet[Topic]:
    return Topic.objects.annotate(n_claims=Count("claims")).order_by("name")


TEXT_SEARCH_SQL = """
SELECT id FROM (SELECT id, text, status FROM articles_claim WHERE {words} LIMIT 200) AS window_
WHERE status <> 'rejected' AND id <> %s
ORDER BY similarity(text, %s) DESC, id DESC LIMIT %s
"""


def claim_search(*, query: str, exclude_id: int | None = None, limit: int = 10) -> list[Claim]:
    """Claims matching what an editor types: every word in the text (best trigram match first), claims of a
    speaker whose name matches, or a claim number.

    Each part is an indexed lookup with a bounded window: the words go through the pg_trgm GIN index
    (ILIKE), the speaker through claim_speaker, so typing stays fast with a million claims.
    """
    query = query.strip()[:200]
    if len(query) < 2:
        return []
    ids: list[int] = []
    number = query.lstrip("#")
    if number.isdigit():
        ids.append(int(number))
    words = [w for w in re.findall(r"\w[\w.,-]*", query) if len(w) >= 2][:6]
    if words:
        sql = TEXT_SEARCH_SQL.format(words=" AND ".join(["text ILIKE %s"] * len(words)))
        params = [f"%{w.replace('%', '').replace('_', '')}%" for w in words] + [exclude_id or 0, query, limit]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ids += [row[0] for row in cursor.fetchall()]
    speakers = list(Speaker.objects.filter(name__icontains=query).values_list("pk", flat=True)[:20])
    if speakers:
        ids += list(Claim.objects.filter(speaker__in=speakers).order_by("speaker", "-id")
                    .values_list("pk", flat=True)[:limit])
    ids = [i for i in dict.fromkeys(ids) if i != exclude_id][:limit]
    claims = Claim.objects.exclude(status=ClaimStatus.REJECTED).select_related("speaker", "article").in_bulk(ids)
    return [claims[i] for i in ids if i in claims]


def article_with_claims(article_id: int) -> Article | None:
    return (
        Article.objects.select_related("publisher")
        .prefetch_related(Prefetch("claims", queryset=Claim.objects.select_related("speaker").order_by("span_start")))
        .filter(pk=article_id)
        .first()
    )


def is_editor(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_is_editor", None)
    if cached is None:
        cached = user.groups.filter(name=EDITORS_GROUP).exists()
        user._is_editor = cached
    return cached


# --- public site (readers): timeline, search, topics, speakers, articles, outlets ---------------------------
# Lists walk an index newest first with keyset cursors (never OFFSET, never a COUNT over all claims) and never
# load article bodies, so a page costs the same at any depth and with any number of claims.

PUBLIC_PAGE_SIZE = 25
CHART_LIMIT = 200


@dataclass(frozen=True)
class Cursor:
    """A position in a list sorted by (key DESC NULLS LAST, id DESC); `newer` pages go the other way."""

    key: object
    id: int
    newer: bool = False

    def encode(self) -> str:
        key = "" if self.key is None else (self.key.isoformat() if hasattr(self.key, "isoformat") else repr(self.key))
        return f"{'n' if self.newer else 'o'}{key}~{self.id}"

    @classmethod
    def decode(cls, text: str | None, *, numeric: bool = False) -> Cursor | None:
        """The cursor in a page link, or None for a link that was tampered with (then: the first page)."""
        match = re.fullmatch(r"([on])([0-9eE.+-]*)~(\d{1,18})", text or "")
        if not match:
            return None
        raw = match[2]
        try:
            key = (float(raw) if numeric else dt.date.fromisoformat(raw)) if raw else None
        except ValueError:
            return None
        return cls(key=key, id=int(match[3]), newer=match[1] == "n")


@dataclass
class KeysetPage:
    items: list
    newer: str | None  # cursor of the page before (newer items), None on the first page
    older: str | None  # cursor of the page after, None on the last


def _keyset_ids(qs: QuerySet, key: str, cursor: Cursor | None, size: int) -> KeysetPage:
    """Ids of one page of `qs` sorted by (key DESC NULLS LAST, id DESC). Rows with a key come first and
    are found through a row comparison the (key DESC, id DESC) index answers; rows without come last.
    The SQL names only columns of the model; the cursor's values travel as parameters."""
    table = qs.model._meta.db_table
    column = f'"{table}"."{qs.model._meta.get_field(key).column}"'
    row_id = f'"{table}"."id"'
    dated = qs.filter(**{f"{key}__isnull": False})
    undated = qs.filter(**{f"{key}__isnull": True})
    want = size + 1

    def rows(part: QuerySet, *order) -> list[tuple]:
        return list(part.order_by(*order).values_list(key, "id")[:want])

    # spelled as the index is (DESC NULLS LAST, or backwards ASC NULLS FIRST) so PostgreSQL walks it in order
    newest_first = (F(key).desc(nulls_last=True), F("id").desc())
    oldest_first = (F(key).asc(nulls_first=True), F("id").asc())

    if cursor is None or not cursor.newer:
        found: list[tuple] = []
        if cursor is None or cursor.key is not None:
            part = dated
            if cursor is not None:
                part = part.filter(RawSQL(f"({column}, {row_id}) < (%s, %s)", (cursor.key, cursor.id),  # noqa: S611
                                          output_field=BooleanField()))
            found = rows(part, *newest_first)
        # always asked (an index probe), so a page's query count does not depend on where it ends
        rest = undated if cursor is None or cursor.key is not None else undated.filter(id__lt=cursor.id)
        found += rows(rest, "-id")[: want - len(found)]
        more, found = len(found) > size, found[:size]
        return KeysetPage(
            items=found,
            newer=Cursor(found[0][0], found[0][1], newer=True).encode() if cursor and found else None,
            older=Cursor(found[-1][0], found[-1][1]).encode() if more else None,
        )
    # newer: walk back up, then reverse
    found = rows(undated.filter(id__gt=cursor.id), "id") if cursor.key is None else []
    part = dated
    if cursor.key is not None:
        part = part.filter(RawSQL(f"({column}, {row_id}) > (%s, %s)", (cursor.key, cursor.id),  # noqa: S611
                                  output_field=BooleanField()))
    found += rows(part, *oldest_first)[: want - len(found)]
    more, found = len(found) > size, list(reversed(found[:size]))
    return KeysetPage(
        items=found,
        newer=Cursor(found[0][0], found[0][1], newer=True).encode() if more else None,
        older=Cursor(found[-1][0], found[-1][1]).encode() if found else None,
    )


def _ranked_ids(qs: QuerySet, cursor: Cursor | None, size: int) -> KeysetPage:
    """Ids of one page of search results, best match first (rank DESC, id DESC); `qs` carries `rank`."""
    want = size + 1
    if cursor is None or not cursor.newer:
        part = qs
        if cursor is not None and cursor.key is not None:
            part = qs.filter(Q(rank__lt=cursor.key) | Q(rank=cursor.key, id__lt=cursor.id))
        found = list(part.order_by("-rank", "-id").values_list("rank", "id")[:want])
        more, found = len(found) > size, found[:size]
        return KeysetPage(
            items=found,
            newer=Cursor(found[0][0], found[0][1], newer=True).encode() if cursor and found else None,
            older=Cursor(found[-1][0], found[-1][1]).encode() if more else None,
        )
    part = qs.filter(Q(rank__gt=cursor.key) | Q(rank=cursor.key, id__gt=cursor.id))
    found = list(part.order_by("rank", "id").values_list("rank", "id")[:want])
    more, found = len(found) > size, list(reversed(found[:size]))
    return KeysetPage(
        items=found,
        newer=Cursor(found[0][0], found[0][1], newer=True).encode() if more else None,
        older=Cursor(found[-1][0], found[-1][1]).encode() if found else None,
    )


@dataclass(frozen=True)
class TimelineFilters:
    """What a reader filtered the timeline by; every field comes from the URL."""

    q: str = ""
    topic: Topic | None = None
    speaker: Speaker | None = None
    rating: str = ""
    lang: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    @property
    def active(self) -> bool:
        return any([self.q, self.topic, self.speaker, self.rating, self.lang, self.date_from, self.date_to])


SEARCH_CONFIGS = ("factcheck_de", "factcheck_en")
SEARCH_WINDOW = 1000


def search_query(text: str) -> SearchQuery | None:
    """Every word must match, each through German or English stems and as a prefix of the stem, so
    "Rechenzentren" (stem "rechenzentr") finds "Rechenzentrum"; accents are folded by the configurations."""
    words = re.findall(r"\w+", text.lower())[:8]
    query: SearchQuery | None = None
    for word in words:
        either = SearchQuery(f"{word}:*", config=SEARCH_CONFIGS[0], search_type="raw") | SearchQuery(
            f"{word}:*", config=SEARCH_CONFIGS[1], search_type="raw"
        )
        query = either if query is None else query & either
    return query


def public_claims() -> QuerySet[Claim]:
    return Claim.objects.filter(published=True)


def _filtered(filters: TimelineFilters, base: QuerySet[Claim] | None = None) -> QuerySet[Claim]:
    qs = public_claims() if base is None else base
    if filters.topic:
        qs = qs.filter(topic=filters.topic)
    if filters.speaker:
        qs = qs.filter(speaker=filters.speaker)
    if filters.rating:
        qs = qs.filter(verdict=filters.rating)
    if filters.lang:
        qs = qs.filter(article__language=filters.lang)
    if filters.date_from:
        qs = qs.filter(said_on__gte=filters.date_from)
    if filters.date_to:
        qs = qs.filter(said_on__lte=filters.date_to)
    return qs


def public_claim_list(*, editor: bool = False) -> QuerySet[Claim]:
    """What a list entry shows: speaker, topic, article and outlet (no body), links readers (or editors) see."""
    return (
        Claim.objects.select_related("speaker", "article__publisher", "topic")
        .defer("article__body", "search")
        .prefetch_related(*_links("links_out", public=not editor), *_links("links_in", public=not editor))
    )


def _load(page: KeysetPage, *, editor: bool = False) -> KeysetPage:
    ids = [row[1] for row in page.items]
    claims = public_claim_list(editor=editor).in_bulk(ids) if ids else {}
    page.items = [claims[i] for i in ids if i in claims]
    return page


def timeline_page(filters: TimelineFilters, cursor: Cursor | None, *, size: int = PUBLIC_PAGE_SIZE,
                  base: QuerySet[Claim] | None = None, editor: bool = False) -> KeysetPage:
    """One page of published claims: newest said first, or best match first when searching."""
    qs = _filtered(filters, base)
    query = search_query(filters.q) if filters.q else None
    if filters.q and query is None:
        return KeysetPage(items=[], newer=None, older=None)
    if query is not None:
        # the matching topics and speakers as ids, not subqueries: an OR with a subquery can only be a filter on
        # a walk of the timeline (every published claim for a word found nowhere), an OR of id lists and the
        # tsquery is a BitmapOr of three indexes
        text = filters.q.strip()
        matching_topics = list(Topic.objects.filter(name__unaccent__icontains=text).values_list("id", flat=True)[:20])
        matching_speakers = list(Speaker.objects.filter(name__unaccent__icontains=text)
                                 .values_list("id", flat=True)[:20])
        match = Q(search=query)
        if matching_topics:
            match |= Q(topic_id__in=matching_topics)
        if matching_speakers:
            match |= Q(speaker_id__in=matching_speakers)
        qs = qs.filter(match)
        # Ranking reads every candidate's tsvector, so only the newest SEARCH_WINDOW matches are ranked: a search
        # costs the same whether a word occurs in ten claims or in half a million.
        window = qs.order_by(F("said_on").desc(nulls_last=True), "-id").values("id")[:SEARCH_WINDOW]
        # ts_rank is a float4; as float8 its text form round-trips exactly through the cursor
        qs = Claim.objects.filter(id__in=Subquery(window)).annotate(
            rank=Cast(SearchRank(F("search"), query), FloatField()))
        return _load(_ranked_ids(qs, cursor, size), editor=editor)
    return _load(_keyset_ids(qs, "said_on", cursor, size), editor=editor)


def entry_links(claim: Claim) -> dict[str, list[Claim]]:
    """A listed claim's confirmed links grouped by relation, as readers see them."""
    grouped: dict[str, list[Claim]] = {}
    for link, other in claim_links(claim):
        grouped.setdefault(link.relation, []).append(other)
    return grouped


def matching_topics(text: str, limit: int = 5) -> list[Topic]:
    text = text.strip()
    if len(text) < 2:
        return []
    return list(Topic.objects.filter(name__unaccent__icontains=text).order_by("name")[:limit])


def matching_speakers(text: str, limit: int = 5) -> list[Speaker]:
    text = text.strip()
    if len(text) < 2:
        return []
    return list(Speaker.objects.filter(Q(name__unaccent__icontains=text)).order_by("name")[:limit])


def filter_choices() -> dict[str, str]:
    """The filter menus' <option>s (topics and speakers with published claims, bounded), rendered once and shared
    through the cache until what readers see changes (two EXISTS scans and ~400 options per request otherwise).
    `mark_selected` marks the reader's choice."""
    from articles import public_cache

    return public_cache.shared("filter-choices", _filter_options)


def mark_selected(options: str, value: str) -> SafeString:
    if not value:
        return mark_safe(options)  # noqa: S308 (built by format_html_join in _filter_options)
    tag = f'<option value="{escape(value)}">'
    return mark_safe(options.replace(tag, tag[:-1] + " selected>", 1))  # noqa: S308 (same)


def _filter_options() -> dict[str, str]:
    choices = _filter_choice_rows()
    return {name: str(format_html_join("", '<option value="{}">{}</option>', rows)) for name, rows in choices.items()}


def _filter_choice_rows() -> dict[str, list[tuple[str, str]]]:
    """(value, name) of the topics and speakers in the filter menus: those with published claims, bounded."""
    from articles.public_links import slug_of

    published = public_claims()
    topics = Topic.objects.filter(Exists(published.filter(topic=OuterRef("pk")))).order_by("name")[:200]
    speakers = Speaker.objects.filter(Exists(published.filter(speaker=OuterRef("pk")))).order_by("name")[:200]
    return {"topics": [(t.slug, t.name) for t in topics.only("slug", "name")],
            "speakers": [(slug_of(sp), sp.name) for sp in speakers.only("id", "name")]}


def topic_by_slug(slug: str) -> Topic | None:
    return Topic.objects.filter(slug=slug).first()


def speaker_by_slug(slug: str) -> Speaker | None:
    """Speakers are addressed as "<id>-<name>"; the id decides, so a renamed speaker keeps its links."""
    match = re.match(r"(\d{1,18})(?:-|$)", slug or "")
    return Speaker.objects.filter(pk=int(match[1])).first() if match else None


def publisher_by_slug(slug: str) -> Publisher | None:
    match = re.match(r"(\d{1,18})(?:-|$)", slug or "")
    return Publisher.objects.filter(pk=int(match[1])).first() if match else None


def _capped_count(field: str, limit: int = 1000) -> Func:
    """Published claims of the row, counted up to `limit` (an index probe, not a scan of all claims)."""
    # no ORDER BY (Meta.ordering would add "-id"): any index order counts, so the partial index is read alone
    inner = public_claims().filter(**{field: OuterRef("pk")}).order_by().values("id")[:limit]
    return Func(Subquery(inner), template="(SELECT count(*) FROM %(expressions)s AS capped)",
                output_field=IntegerField())


@dataclass
class NamePage:
    items: list
    next_after: str | None  # the last name shown, when more follow


def _alphabetical(qs: QuerySet, after: str, size: int) -> NamePage:
    """One page of a list sorted by its unique name, from the name after `after` (an index range scan)."""
    if after:
        qs = qs.filter(name__gt=after)
    rows = list(qs.order_by("name")[: size + 1])
    return NamePage(items=rows[:size], next_after=rows[size - 1].name if len(rows) > size else None)


def topics_for_readers(*, after: str = "", size: int = 100) -> NamePage:
    """Topics with published claims, by name, each with its capped count and latest date."""
    published = public_claims()
    qs = Topic.objects.filter(Exists(published.filter(topic=OuterRef("pk")))).annotate(
        n_published=_capped_count("topic"),
        latest=Subquery(published.filter(topic=OuterRef("pk")).exclude(said_on=None)
                        .order_by(F("said_on").desc(nulls_last=True), "-id").values("said_on")[:1]),
    )
    return _alphabetical(qs, after, size)


def speakers_for_readers(*, after: str = "", size: int = 100) -> NamePage:
    published = public_claims()
    qs = Speaker.objects.filter(Exists(published.filter(speaker=OuterRef("pk")))).annotate(
        n_published=_capped_count("speaker"))
    return _alphabetical(qs, after, size)


def topic_chart_claims(topic: Topic) -> tuple[list[Claim], list[tuple[int, int]]]:
    """The topic's latest published figures (bounded) and the contradictions between them."""
    claims = list(
        public_claims().filter(topic=topic, quantity_value__isnull=False)
        .select_related("speaker").defer("search")
        .order_by(F("said_on").desc(nulls_last=True), "-id")[:CHART_LIMIT]
    )
    ids = [c.pk for c in claims]
    pairs = list(
        ClaimLink.objects.filter(relation=Relation.CONTRADICTS, state=LinkState.CONFIRMED,
                                 from_claim__in=ids, to_claim__in=ids).values_list("from_claim", "to_claim")
    ) if ids else []
    return claims, pairs


def speaker_self_contradictions(speaker: Speaker, limit: int = 50) -> list[ClaimLink]:
    """Confirmed contradictions between two published claims of the same speaker, earlier claim first."""
    links = list(
        ClaimLink.objects.filter(
            relation=Relation.CONTRADICTS, state=LinkState.CONFIRMED,
            from_claim__speaker=speaker, to_claim__speaker=speaker,
            from_claim__published=True, to_claim__published=True,
        )
        .select_related("from_claim", "to_claim")
        .defer("from_claim__search", "to_claim__search")
        .order_by("-id")[:limit]
    )
    for link in links:
        a, b = link.from_claim, link.to_claim
        link.earlier, link.later = (a, b) if (a.said_on or dt.date.min, a.pk) <= (b.said_on or dt.date.min, b.pk) \
            else (b, a)
    return links


def public_article(article_id: int) -> Article | None:
    """An article's page: its metadata (no body) and its published claims with their ratings."""
    return (
        Article.objects.select_related("publisher").defer("body")
        .prefetch_related(Prefetch(
            "claims",
            queryset=Claim.objects.filter(published=True).select_related("speaker", "topic").defer("search")
            .order_by("span_start", "id"),
            to_attr="published_claims",
        ))
        .filter(pk=article_id).first()
    )


def outlet_articles_page(publisher: Publisher, cursor: Cursor | None, size: int = PUBLIC_PAGE_SIZE) -> KeysetPage:
    """One page of an outlet's articles, newest first, each with its published claims' ratings."""
    page = _keyset_ids(Article.objects.filter(publisher=publisher), "published_on", cursor, size)
    ids = [row[1] for row in page.items]
    articles = Article.objects.defer("body").in_bulk(ids) if ids else {}
    ratings: dict[int, dict[str, int]] = {}
    for article_id, verdict, n in (
        public_claims().filter(article__in=ids).values_list("article", "verdict").annotate(n=Count("id"))
        .order_by()
    ) if ids else []:
        ratings.setdefault(article_id, {})[verdict] = n
    page.items = []
    for i in ids:
        if i in articles:
            articles[i].ratings = ratings.get(i, {})
            page.items.append(articles[i])
    return page


def outlets_for_readers(*, after: str = "", size: int = 100) -> NamePage:
    return _alphabetical(Publisher.objects.filter(Exists(Article.objects.filter(publisher=OuterRef("pk")))),
                         after, size)


def recent_reviews(*, topic: Topic | None = None, speaker: Speaker | None = None, limit: int = 30) -> list[Claim]:
    """Newest published fact-checks (claims with a rating) for the feeds."""
    qs = public_claims().exclude(verdict="")
    if topic is not None:
        qs = qs.filter(topic=topic)
    if speaker is not None:
        qs = qs.filter(speaker=speaker)
    return list(
        qs.select_related("speaker", "topic", "article__publisher").defer("article__body", "search")
        .order_by(F("review_published_at").desc(nulls_last=True), "-id")[:limit]
    )


def articles_page(cursor: Cursor | None, size: int = PUBLIC_PAGE_SIZE) -> KeysetPage:
    """Source articles newest first (no bodies), each with the ids of its published claims."""
    page = _keyset_ids(Article.objects.all(), "published_on", cursor, size)
    ids = [row[1] for row in page.items]
    articles = Article.objects.select_related("publisher").defer("body").in_bulk(ids) if ids else {}
    claim_ids: dict[int, list[int]] = {}
    for article_id, claim_id in public_claims().filter(article__in=ids).order_by("id").values_list("article", "id"):
        claim_ids.setdefault(article_id, []).append(claim_id)
    page.items = []
    for i in ids:
        if i in articles:
            articles[i].published_claim_ids = claim_ids.get(i, [])
            page.items.append(articles[i])
    return page
