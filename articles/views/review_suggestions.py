"""The suggestions queue: every open suggestion best first, both claims side by side, decided by one
click or one key; the next item takes the decided one's place, and "Undo" reverses the last decision."""

from __future__ import annotations

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
from articles.models import Relation
from articles.views.access import editor_required

UNDO_KEY = "review_suggestion_undo"


def suggestion_filters(params: QueryDict) -> rs.SuggestionFilters:
    relation = params.get("relation", "")
    article = params.get("article", "")
    return rs.SuggestionFilters(
        topic=params.get("topic", "").strip()[:120],
        relation=relation if relation in Relation.values else "",
        speaker=params.get("speaker", "").strip()[:200],
        article=int(article) if article.isdigit() else None,
        language=params.get("lang", "").strip()[:8],
    )


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()) \
            and urlsplit(target).path == reverse("review:suggestion_queue"):
        return target
    return reverse("review:suggestion_queue")


def _queue_context(request: HttpRequest, params: QueryDict, here: str) -> dict:
    filters = suggestion_filters(params)
    start = params.get("start", "")
    items, next_cursor = rs.suggestion_queue(filters=filters, start=start)
    query = filters.as_query()
    return {
        "items": items,
        "filters": filters,
        "next_query": {**query, "start": ""} | ({"after": next_cursor} if next_cursor else {}),
        "next_cursor": next_cursor,
        "start": start,
        "query": query,
        "here": here,
        "relations": Relation.choices,
        "topics": rs.topic_choices(),
        "undo": review_services.Undo.from_session(request.session.get(UNDO_KEY)),
    }


@require_GET
@editor_required
def suggestion_queue(request: HttpRequest) -> HttpResponse:
    params = request.GET.copy()
    if params.get("after") and not params.get("start"):
        # "next page": the first item after the cursor becomes this page's inclusive start
        items, _ = rs.suggestion_queue(filters=suggestion_filters(params), after=params["after"], limit=1)
        params = params.copy()
        params["start"] = items[0].cursor if items else params["after"]
        del params["after"]
        return redirect(f"{reverse('review:suggestion_queue')}?{params.urlencode()}")
    context = _queue_context(request, params, request.get_full_path())
    template = "review/suggestions.html"
    if request.htmx and request.htmx.target == "queue":
        template += "#queue"
    return render(request, template, context)


def _after_decision(request: HttpRequest) -> HttpResponse:
    here = _safe_next(request)
    if request.htmx:
        params = QueryDict(urlsplit(here).query)
        return render(request, "review/suggestions.html#queue", _queue_context(request, params, here))
    return redirect(here)


@require_POST
@editor_required
def suggestion_decide(request: HttpRequest, link_id: int) -> HttpResponse:
    action = request.POST.get("action", "")
    relation = request.POST.get("relation", "")
    try:
        undo = review_services.suggestion_decide(link_id=link_id, user=request.user, action=action,
                                                 relation=relation)
    except review_services.AlreadyDecidedError as error:
        messages.warning(request, str(error))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        request.session[UNDO_KEY] = undo.as_session()
    return _after_decision(request)


@require_POST
@editor_required
def suggestion_undo(request: HttpRequest) -> HttpResponse:
    undo = review_services.Undo.from_session(request.session.pop(UNDO_KEY, None))
    if undo is None:
        messages.info(request, "Nothing to undo.")
    else:
        try:
            review_services.suggestion_undo(undo=undo, user=request.user)
        except (review_services.AlreadyDecidedError, ValidationError) as error:
            messages.warning(request, str(error) if isinstance(error, review_services.AlreadyDecidedError)
                             else error.messages[0])
        else:
            messages.success(request, f"Undone: {undo.label}.")
    return _after_decision(request)
