"""Pages for everyone: the claim timeline with its filters and search, one claim, topics, speakers, source
articles, outlets, and the health check. Lists page with keyset cursors; with HTMX only the list is
re-rendered (`template#results`), without JavaScript the same URL serves the whole page."""

from __future__ import annotations

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.cache import patch_vary_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from articles import charts, selectors
from articles.claimreview import claim_review_jsonld
from articles.models import Claim, Relation
from articles.public_forms import TimelineFilterForm
from articles.public_links import slug_of


def _page_urls(request: HttpRequest, page: selectors.KeysetPage) -> dict[str, str | None]:
    """Links to the newer and older page: the current filters plus the cursor."""

    def url(cursor: str | None) -> str | None:
        if cursor is None:
            return None
        params = request.GET.copy()
        params["cursor"] = cursor
        return f"{request.path}?{params.urlencode()}"

    return {"newer_url": url(page.newer), "older_url": url(page.older)}


def _next_name_url(request: HttpRequest, page: selectors.NamePage) -> dict[str, str | None]:
    """The link to the next names of an alphabetical list."""
    if page.next_after is None:
        return {"older_url": None, "newer_url": None}
    params = request.GET.copy()
    params["after"] = page.next_after
    return {"older_url": f"{request.path}?{params.urlencode()}", "newer_url": None}


def _entries(claims: list[Claim]) -> list[tuple[Claim, dict[str, list[Claim]]]]:
    return [(claim, selectors.entry_links(claim)) for claim in claims]


def _render(request: HttpRequest, template: str, context: dict, *, partial: str = "results") -> HttpResponse:
    """The list alone for an HTMX request aimed at it, else the whole page."""
    if request.htmx and request.htmx.target == partial:
        response = render(request, f"{template}#{partial}", context)
    else:
        response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request", "HX-Target"))
    return response


def _cursor(request: HttpRequest, *, numeric: bool = False) -> selectors.Cursor | None:
    return selectors.Cursor.decode(request.GET.get("cursor"), numeric=numeric)


@require_GET
def timeline(request: HttpRequest) -> HttpResponse:
    form = TimelineFilterForm(request.GET)
    filters = form.filters()
    page = selectors.timeline_page(filters, _cursor(request, numeric=bool(filters.q)))
    context = {
        "form": form,
        "filters": filters,
        "page": page,
        "entries": _entries(page.items),
        "topic_options": selectors.mark_selected((choices := selectors.filter_choices())["topics"],
                                                 filters.topic.slug if filters.topic else ""),
        "speaker_options": selectors.mark_selected(choices["speakers"],
                                                   slug_of(filters.speaker) if filters.speaker else ""),
        "found_topics": selectors.matching_topics(filters.q) if filters.q else [],
        "found_speakers": selectors.matching_speakers(filters.q) if filters.q else [],
        **_page_urls(request, page),
    }
    return _render(request, "timeline.html", context)


def _grouped_links(claim: Claim) -> list[tuple[str, list]]:
    """The claim's links grouped by relation, contradictions first."""
    order = [Relation.CONTRADICTS, Relation.UPDATES, Relation.SUPPORTS, Relation.SAME]
    groups: dict[str, list] = {}
    for link, other in selectors.claim_links(claim):
        groups.setdefault(link.relation, []).append((link, other))
    return [(relation, groups[relation]) for relation in order if relation in groups]


@require_GET
def claim_detail(request: HttpRequest, claim_id: int) -> HttpResponse:
    editor = selectors.is_editor(request.user)
    claim = selectors.public_claim(claim_id, editor=editor)
    if claim is None:
        raise Http404(_("No such claim."))
    url = request.build_absolute_uri(claim.get_absolute_url())
    return render(
        request,
        "claim_detail.html",
        {
            "claim": claim,
            "groups": _grouped_links(claim),
            "sources": list(claim.sources.all()) if claim.verdict else [],
            "canonical_url": url,
            "jsonld": claim_review_jsonld(claim, url, site_url=request.build_absolute_uri("/"))
            if claim.verdict and claim.published
            else None,
            "is_editor": editor,
        },
    )


@require_GET
def topic_list(request: HttpRequest) -> HttpResponse:
    page = selectors.topics_for_readers(after=request.GET.get("after", "")[:200])
    return render(request, "topics.html", {"topics": page.items, **_next_name_url(request, page)})


@require_GET
def topic_detail(request: HttpRequest, slug: str) -> HttpResponse:
    topic = selectors.topic_by_slug(slug)
    if topic is None:
        raise Http404(_("No such topic."))
    page = selectors.timeline_page(selectors.TimelineFilters(topic=topic), _cursor(request))
    figures, pairs = selectors.topic_chart_claims(topic)
    context = {
        "topic": topic,
        "page": page,
        "entries": _entries(page.items),
        "panels": charts.figure_chart(figures, pairs),
        "speakers": sorted({c.speaker.pk: c.speaker for c in figures + page.items if c.speaker}.values(),
                           key=lambda s: s.name),
        **_page_urls(request, page),
    }
    return _render(request, "topic_detail.html", context)


@require_GET
def speaker_list(request: HttpRequest) -> HttpResponse:
    page = selectors.speakers_for_readers(after=request.GET.get("after", "")[:200])
    return render(request, "speakers.html", {"speakers": page.items, **_next_name_url(request, page)})


@require_GET
def speaker_detail(request: HttpRequest, slug: str) -> HttpResponse:
    speaker = selectors.speaker_by_slug(slug)
    if speaker is None:
        raise Http404(_("No such speaker."))
    if slug != slug_of(speaker):
        return redirect("speaker_detail", slug_of(speaker), permanent=True)
    page = selectors.timeline_page(selectors.TimelineFilters(speaker=speaker), _cursor(request))
    contradictions = selectors.speaker_self_contradictions(speaker)
    contradicted_ids = {c.pk for link in contradictions for c in (link.from_claim, link.to_claim)}
    context = {
        "speaker": speaker,
        "page": page,
        "entries": _entries(page.items),
        "contradictions": contradictions,
        "contradicted_ids": contradicted_ids,
        **_page_urls(request, page),
    }
    return _render(request, "speaker_detail.html", context)


@require_GET
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    article = selectors.public_article(article_id)
    if article is None:
        raise Http404(_("No such article."))
    return render(request, "article_public.html", {"article": article})


@require_GET
def outlet_list(request: HttpRequest) -> HttpResponse:
    page = selectors.outlets_for_readers(after=request.GET.get("after", "")[:200])
    return render(request, "outlets.html", {"outlets": page.items, **_next_name_url(request, page)})


@require_GET
def outlet_detail(request: HttpRequest, slug: str) -> HttpResponse:
    outlet = selectors.publisher_by_slug(slug)
    if outlet is None:
        raise Http404(_("No such outlet."))
    if slug != slug_of(outlet):
        return redirect("outlet_detail", slug_of(outlet), permanent=True)
    page = selectors.outlet_articles_page(outlet, _cursor(request))
    totals: dict[str, int] = {}
    for article in page.items:
        for verdict, n in article.ratings.items():
            totals[verdict] = totals.get(verdict, 0) + n
    context = {"outlet": outlet, "page": page, "totals": totals, **_page_urls(request, page)}
    return _render(request, "outlet_detail.html", context)


@require_GET
def language_choose(request: HttpRequest, code: str) -> HttpResponse:
    """The language switcher: a plain link (no form, so anonymous pages need no CSRF cookie); the choice is kept
    in Django's language cookie, which LocaleMiddleware reads before Accept-Language."""
    if code not in dict(settings.LANGUAGES):
        raise Http404(_("No such language."))
    target = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        target = "/"
    response = redirect(target)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, code, max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 86400,
                        samesite="Lax", secure=request.is_secure(), httponly=True)
    return response


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
