"""The claim queue: filters kept in the URL, keyset pages, counts per status, bulk accept/reject/move."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from articles import review_selectors as rs
from articles import review_services
from articles.models import ClaimKind, ClaimStatus, Topic
from articles.views.access import editor_required


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip()) if value.strip() else None
    except ValueError:
        return None


def claim_filters(params: QueryDict) -> rs.ClaimFilters:
    status = params.get("status", ClaimStatus.CANDIDATE)
    kind = params.get("kind", "")
    article = params.get("article", "")
    return rs.ClaimFilters(
        status=status if status in ClaimStatus.values or status == "" else ClaimStatus.CANDIDATE,
        kind=kind if kind in ClaimKind.values else "",
        topic=params.get("topic", "").strip()[:120],
        speaker=params.get("speaker", "").strip()[:200],
        article=int(article) if article.isdigit() else None,
        language=params.get("lang", "").strip()[:8],
        open_suggestions=params.get("open") == "1",
        said_from=_date(params.get("from", "")),
        said_to=_date(params.get("to", "")),
        query=params.get("q", "").strip()[:200],
    )


def _context(params: QueryDict, here: str) -> dict:
    filters = claim_filters(params)
    after = params.get("after", "")
    claims, next_cursor = rs.claim_queue(filters=filters, after=int(after) if after.isdigit() else None)
    return {
        "claims": claims,
        "filters": filters,
        "query": filters.as_query(),
        "next_query": filters.as_query(after=str(next_cursor)) if next_cursor else None,
        "first_query": filters.as_query() if after else None,
        "counts": rs.status_counts(filters),
        "count_links": [(value, label, filters.as_query(status=value)) for value, label in ClaimStatus.choices],
        "statuses": ClaimStatus.choices,
        "kinds": ClaimKind.choices,
        "topic_options": (options := rs.topic_options(filters.topic))[0],
        "topic_options_plain": options[1],
        **row_url_prefixes(),
        "here": here,
    }


def row_url_prefixes() -> dict[str, str]:
    """"/review/claims/" and the like: a table of fifty rows joins these with ids instead of reversing three URLs
    per row."""
    claim = reverse("review:claim_review", args=[0])
    article = reverse("review:article_detail", args=[0])
    topic = reverse("review:topic_workspace", args=["x"])
    return {"claim_url": claim[: -len("0/")], "article_url": article[: -len("0/")], "topic_url": topic[: -len("x/")]}


@require_GET
@editor_required
def claim_list(request: HttpRequest) -> HttpResponse:
    context = _context(request.GET, request.get_full_path())
    template = "review/claim_list.html"
    if request.htmx and request.htmx.target == "claim-table":
        template += "#claim_table"
    return render(request, template, context)


def _parse_selection(values: list[str]) -> list[tuple[int, int]]:
    """Checkbox values "<claim id>:<version the editor saw>"."""
    selected = []
    for value in values:
        claim_id, _, version = value.partition(":")
        if claim_id.isdigit() and version.isdigit():
            selected.append((int(claim_id), int(version)))
    return selected


def _safe_back(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return default


@require_POST
@editor_required
def claim_bulk(request: HttpRequest) -> HttpResponse:
    """Accept, reject or move the selected claims; with JavaScript the table is swapped in place."""
    selected = _parse_selection(request.POST.getlist("claim"))
    action = request.POST.get("action", "")
    back = _safe_back(request, reverse("review:claim_list"))
    if not selected:
        messages.error(request, "Select at least one claim.")
    else:
        topic, clear = None, False
        status = {"accept": ClaimStatus.ACCEPTED, "reject": ClaimStatus.REJECTED,
                  "candidate": ClaimStatus.CANDIDATE}.get(action, "")
        if action == "move":
            slug = request.POST.get("topic", "")
            clear = slug == "-"
            topic = Topic.objects.filter(slug=slug).first() if not clear else None
        try:
            if action == "move" and topic is None and not clear:
                raise ValidationError("Choose the topic to move the claims to.")
            outcome = review_services.claims_bulk_update(claims=selected, user=request.user, status=status,
                                                         topic=topic, clear_topic=clear)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            done = {"accept": "accepted", "reject": "rejected", "candidate": "sent back to candidates",
                    "move": f"moved to {topic.name}" if topic else "moved out of their topic"}[action]
            if outcome.changed:
                messages.success(request, f"{len(outcome.changed)} claim(s) {done}.")
            if outcome.stale:
                messages.warning(request, "Changed by someone else meanwhile, left alone: "
                                 + ", ".join(f"#{i}" for i in outcome.stale) + ".")
    if request.htmx and request.htmx.target == "claim-table" and urlsplit(back).path == reverse("review:claim_list"):
        return render(request, "review/claim_list.html#claim_table",
                      _context(QueryDict(urlsplit(back).query), back))
    return redirect(back)
