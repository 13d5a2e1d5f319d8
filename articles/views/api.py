"""The read-only JSON API at /api/v1/: claims (with links, review and sources), topics, speakers, articles.

django-ninja: typed views whose pydantic schemas are the OpenAPI schema (/api/v1/openapi.json), so the
documented shape and the answers cannot drift apart. Anonymous callers see published data only; editors see
everything. Lists page with the same keyset cursors as the site; the docs page is our own server-rendered
page (templates/api_docs.html) so it needs no CDN and passes our CSP and accessibility checks.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.db.models import prefetch_related_objects
from django.http import HttpRequest
from django.shortcuts import render
from ninja import NinjaAPI, Query, Schema
from ninja.errors import HttpError

from articles import selectors
from articles.models import Article, Claim, Speaker, Topic, Verdict
from articles.public_links import slug_of

api = NinjaAPI(
    title="factcheck API",
    version="1",
    description="Read-only claims, fact-checks, topics, speakers and source articles. "
    "Anonymous callers see published data; editors (logged in) see every claim.",
    urls_namespace="api-v1",
    docs_url=None,
)

MAX_LIMIT = 100


class SpeakerOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    url: str


class TopicOut(Schema):
    slug: str
    name: str
    url: str


class OutletOut(Schema):
    id: int
    slug: str
    name: str
    domain: str


class SourceOut(Schema):
    url: str
    title: str
    outlet: str
    accessed_on: dt.date | None


class ReviewOut(Schema):
    rating: str
    rating_label: str
    explanation: str
    author: str | None
    published_on: dt.datetime | None
    sources: list[SourceOut]


class QuantityOut(Schema):
    value: float
    unit: str
    bound: str
    high: float | None


class LinkOut(Schema):
    claim_id: int
    relation: str
    state: str


class ClaimOut(Schema):
    id: int
    url: str
    article_id: int
    kind: str
    text: str
    speaker: SpeakerOut | None
    topic: TopicOut | None
    said_on: dt.date | None
    stated_on: dt.date | None
    stated_on_source: str
    quantity: QuantityOut | None
    status: str
    published: bool
    links: list[LinkOut]
    review: ReviewOut | None


class ClaimPage(Schema):
    items: list[ClaimOut]
    newer: str | None
    older: str | None


class TopicPage(Schema):
    items: list[TopicOut]
    next: str | None


class SpeakerPage(Schema):
    items: list[SpeakerOut]
    next: str | None


class ArticleOut(Schema):
    id: int
    title: str
    url: str | None
    published_on: dt.date | None
    date_precision: str
    language: str
    outlet: OutletOut | None
    page: str
    claim_ids: list[int]


class ArticlePage(Schema):
    items: list[ArticleOut]
    newer: str | None
    older: str | None


class Error(Schema):
    detail: str


def _speaker(speaker: Speaker | None) -> dict | None:
    if speaker is None:
        return None
    from articles.public_links import speaker_url

    return {"id": speaker.pk, "slug": slug_of(speaker), "name": speaker.name, "kind": speaker.kind,
            "url": speaker_url(speaker)}


def _topic(topic: Topic | None) -> dict | None:
    if topic is None:
        return None
    from django.urls import reverse

    return {"slug": topic.slug, "name": topic.name, "url": reverse("topic_detail", args=[topic.slug])}


def _claim(claim: Claim) -> dict:
    quantity = None
    if claim.quantity_value is not None:
        quantity = {"value": claim.quantity_value, "unit": claim.quantity_unit, "bound": claim.quantity_bound or "eq",
                    "high": claim.quantity_high}
    review = None
    if claim.verdict:
        reviewer = claim.reviewer
        review = {
            "rating": claim.verdict,
            "rating_label": str(Verdict(claim.verdict).label),
            "explanation": claim.explanation,
            "author": (reviewer.get_full_name() or reviewer.get_username()) if reviewer else None,
            "published_on": claim.review_published_at,
            "sources": [{"url": s.url, "title": s.title, "outlet": s.outlet, "accessed_on": s.accessed_on}
                        for s in claim.sources.all()],
        }
    return {
        "id": claim.pk, "url": claim.get_absolute_url(), "article_id": claim.article_id, "kind": claim.kind,
        "text": claim.text, "speaker": _speaker(claim.speaker), "topic": _topic(claim.topic),
        "said_on": claim.said_on, "stated_on": claim.stated_on, "stated_on_source": claim.stated_on_source,
        "quantity": quantity, "status": claim.status, "published": claim.published,
        "links": [{"claim_id": other.pk, "relation": link.relation, "state": link.state}
                  for link, other in selectors.claim_links(claim)],
        "review": review,
    }


def _complete(claims: list[Claim]) -> list[dict]:
    """Reviews of a page of claims in two more queries, whatever its length."""
    prefetch_related_objects(claims, "sources", "reviewer")
    return [_claim(c) for c in claims]


def _page_url(request: HttpRequest, cursor: str | None) -> str | None:
    if cursor is None:
        return None
    params = request.GET.copy()
    params["cursor"] = cursor
    return f"{request.path}?{params.urlencode()}"


@api.get("/", include_in_schema=False)
def index(request: HttpRequest):
    """Where to start: every list, the schema and the docs."""
    return {name: f"/api/v1/{name}" for name in ("claims", "topics", "speakers", "articles", "openapi.json", "docs")}


@api.get("/claims", response={200: ClaimPage, 404: Error}, summary="Claims, newest said first (or best match)")
def claims(
    request: HttpRequest,
    q: str = Query("", max_length=200, description="full-text search (German and English, accents folded)"),
    topic: str = Query("", description="a topic's slug"),
    speaker: str = Query("", description="a speaker's slug (id-name)"),
    rating: str = Query("", description="true, mostly-true, misleading, false, unproven"),
    lang: str = Query("", description="the article's language: de or en"),
    date_from: Annotated[dt.date | None, Query(alias="from", description="said on or after (YYYY-MM-DD)")] = None,
    date_to: Annotated[dt.date | None, Query(alias="to", description="said on or before (YYYY-MM-DD)")] = None,
    cursor: str = Query("", description="the `older` or `newer` link of a previous answer carries it"),
    limit: int = Query(selectors.PUBLIC_PAGE_SIZE, ge=1, le=MAX_LIMIT),
):
    if rating and rating not in Verdict.values:
        raise HttpError(404, f"no rating {rating!r}")
    found_topic = selectors.topic_by_slug(topic) if topic else None
    if topic and found_topic is None:
        raise HttpError(404, f"no topic {topic!r}")
    found_speaker = selectors.speaker_by_slug(speaker) if speaker else None
    if speaker and found_speaker is None:
        raise HttpError(404, f"no speaker {speaker!r}")
    filters = selectors.TimelineFilters(q=q.strip(), topic=found_topic, speaker=found_speaker, rating=rating,
                                        lang=lang, date_from=date_from, date_to=date_to)
    editor = selectors.is_editor(request.user)
    page = selectors.timeline_page(
        filters, selectors.Cursor.decode(cursor, numeric=bool(filters.q)), size=limit,
        base=selectors.Claim.objects.all() if editor else None, editor=editor,
    )
    return {"items": _complete(page.items), "newer": _page_url(request, page.newer),
            "older": _page_url(request, page.older)}


@api.get("/claims/{claim_id}", response={200: ClaimOut, 404: Error}, summary="One claim with its review")
def claim(request: HttpRequest, claim_id: int):
    found = selectors.public_claim(claim_id, editor=selectors.is_editor(request.user))
    if found is None:
        raise HttpError(404, "no such claim")
    return _complete([found])[0]


def _name_page(request: HttpRequest, page: selectors.NamePage, convert) -> dict:
    params = request.GET.copy()
    params["after"] = page.next_after or ""
    return {"items": [convert(row) for row in page.items],
            "next": f"{request.path}?{params.urlencode()}" if page.next_after else None}


@api.get("/topics", response=TopicPage, summary="Topics with published claims, by name")
def topics(request: HttpRequest,
           after: str = Query("", max_length=200, description="the last name of the page before"),
           limit: int = Query(100, ge=1, le=MAX_LIMIT)):
    return _name_page(request, selectors.topics_for_readers(after=after, size=limit), _topic)


@api.get("/topics/{slug}", response={200: TopicOut, 404: Error})
def topic(request: HttpRequest, slug: str):
    found = selectors.topic_by_slug(slug)
    if found is None:
        raise HttpError(404, "no such topic")
    return _topic(found)


@api.get("/speakers", response=SpeakerPage, summary="Speakers with published claims, by name")
def speakers(request: HttpRequest,
             after: str = Query("", max_length=200, description="the last name of the page before"),
             limit: int = Query(100, ge=1, le=MAX_LIMIT)):
    return _name_page(request, selectors.speakers_for_readers(after=after, size=limit), _speaker)


@api.get("/speakers/{slug}", response={200: SpeakerOut, 404: Error})
def speaker(request: HttpRequest, slug: str):
    found = selectors.speaker_by_slug(slug)
    if found is None:
        raise HttpError(404, "no such speaker")
    return _speaker(found)


def _article(article: Article, claim_ids: list[int]) -> dict:
    from django.urls import reverse

    outlet = article.publisher
    return {
        "id": article.pk, "title": article.title, "url": article.url, "published_on": article.published_on,
        "date_precision": article.date_precision, "language": article.language,
        "outlet": {"id": outlet.pk, "slug": slug_of(outlet), "name": outlet.name, "domain": outlet.domain}
        if outlet else None,
        "page": reverse("article_public", args=[article.pk]),
        "claim_ids": claim_ids,
    }


@api.get("/articles", response=ArticlePage, summary="Source articles, newest first (no bodies)")
def articles(request: HttpRequest, cursor: str = "", limit: int = Query(selectors.PUBLIC_PAGE_SIZE, ge=1,
                                                                          le=MAX_LIMIT)):
    page = selectors.articles_page(selectors.Cursor.decode(cursor), size=limit)
    return {"items": [_article(a, a.published_claim_ids) for a in page.items],
            "newer": _page_url(request, page.newer), "older": _page_url(request, page.older)}


@api.get("/articles/{article_id}", response={200: ArticleOut, 404: Error})
def article(request: HttpRequest, article_id: int):
    found = selectors.public_article(article_id)
    if found is None:
        raise HttpError(404, "no such article")
    return _article(found, [c.pk for c in found.published_claims])


def _answer(operation: dict) -> str:
    """The name of what an operation answers with: "ClaimPage", "TopicOut[]"."""
    content = operation.get("responses", {}).get(200, operation.get("responses", {}).get("200", {}))
    schema = next(iter(content.get("content", {}).values()), {}).get("schema", {})
    if "items" in schema:
        return schema["items"].get("$ref", "").rsplit("/", 1)[-1] + "[]"
    return schema.get("$ref", "").rsplit("/", 1)[-1]


def docs(request: HttpRequest):
    """A plain page describing every endpoint, made from the OpenAPI schema itself."""
    schema = api.get_openapi_schema()
    operations = [
        {"path": path, "method": method.upper(), "summary": op.get("summary", ""),
         "parameters": op.get("parameters", []), "response": _answer(op)}
        for path, methods in schema["paths"].items() for method, op in methods.items()
    ]
    return render(request, "api_docs.html", {"api": schema["info"], "operations": operations})
