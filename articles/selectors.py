"""The reads pages need, each with its prefetches so a page's query count does not grow with its length."""

from __future__ import annotations

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Coalesce

from articles.models import Article, Claim, ClaimLink, ClaimStatus, LinkState, Relation, Topic

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
        .annotate(said_on=Coalesce("stated_on", "article__published_on"))
        .order_by("-said_on", "-id")
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
    return (
        Claim.objects.select_related("speaker", "article__publisher", "topic", "reviewer")
        .prefetch_related(*_links("links_out", public=False), *_links("links_in", public=False))
        .filter(pk=claim_id)
        .first()
    )


def topics_with_counts() -> QuerySet[Topic]:
    return Topic.objects.annotate(n_claims=Count("claims")).order_by("name")


def claim_search(*, query: str, exclude_id: int | None = None, limit: int = 10) -> list[Claim]:
    """Claims matching what an editor types: words anywhere in text or speaker, best trigram match first."""
    query = query.strip()[:200]
    if len(query) < 2:
        return []
    qs = (
        Claim.objects.exclude(status=ClaimStatus.REJECTED)
        .select_related("speaker", "article")
        .annotate(similarity=TrigramWordSimilarity(query, "text"))
        .filter(Q(text__icontains=query) | Q(speaker__name__icontains=query) | Q(similarity__gt=0.4))
    )
    if exclude_id is not None:
        qs = qs.exclude(pk=exclude_id)
    if query.isdigit():
        qs = qs | Claim.objects.filter(pk=int(query)).select_related("speaker", "article").annotate(
            similarity=TrigramWordSimilarity(query, "text")
        )
    return list(qs.order_by("-similarity", "-id")[:limit])


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
