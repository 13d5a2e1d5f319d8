"""Pages for everyone: the claim timeline, one claim, and the health check."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from articles import selectors
from articles.claimreview import claim_review_jsonld


@require_GET
def timeline(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.timeline_claims(), 50).get_page(request.GET.get("page"))
    entries = [(claim, selectors.contradictions(claim)) for claim in page.object_list]
    return render(request, "timeline.html", {"page": page, "entries": entries})


@require_GET
def claim_detail(request: HttpRequest, claim_id: int) -> HttpResponse:
    editor = selectors.is_editor(request.user)
    claim = selectors.public_claim(claim_id, editor=editor)
    if claim is None:
        raise Http404("No such claim.")
    return render(
        request,
        "claim_detail.html",
        {
            "claim": claim,
            "links": selectors.claim_links(claim),
            "jsonld": claim_review_jsonld(claim, request.build_absolute_uri(claim.get_absolute_url()))
            if claim.verdict
            else None,
            "is_editor": editor,
        },
    )


@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
