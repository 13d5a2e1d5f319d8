"""The reads pages need, each with its prefetches so a page's query count does not grow with its length."""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import Count, F, Prefetch, Q, QuerySet

from articles.models import Article, Claim, ClaimLink, ClaimStatus, LinkState, Relation, Speaker, Topic

EDITORS_GROUP = "Editors"


def _links(prefix: str, *, public: bool) -> list[Prefetch]:
    """Links of a claim in both directions, with the claim at the other end."""
    other = "to_claim" if prefix == "links_out" else "from_claim"
    qs = ClaimLink.objects.select_related(f"{other}__speaker", f"{other}__article").order_by("-score", "id")
    if public:
        qs = qs.filter(state=LinkState.CONFIRMED, **{f"{other}__published": True})
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
