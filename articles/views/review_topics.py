"""A topic's workspace: its claims in time order, its figures as a table (and a chart), the links between its
claims, and moving claims in or out."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from articles import charts, review_services
from articles import review_selectors as rs
from articles.models import Claim, Topic
from articles.views.access import editor_required
from articles.views.review_queue import _parse_selection


@require_GET
@editor_required
def topic_workspace(request: HttpRequest, slug: str) -> HttpResponse:
    topic = get_object_or_404(Topic, slug=slug)
    window = rs.topic_claims(topic, before=request.GET.get("before", "")[:40])
    claims = window.claims
    figures = [c for c in claims if c.quantity_value is not None]
    links = rs.topic_links([c.pk for c in claims])
    contradicting = [(link.from_claim_id, link.to_claim_id) for link in links if link.relation == "contradicts"]
    return render(request, "review/topic_workspace.html", {
        "topic": topic, "claims": claims, "figures": figures, "links": links, "earlier": window.earlier,
        "paged": bool(request.GET.get("before")),
        "panels": charts.figure_chart(figures, contradicting),
        "other_topics": rs.topic_choices().exclude(pk=topic.pk),
    })


@require_POST
@editor_required
def topic_move(request: HttpRequest, slug: str) -> HttpResponse:
    """Move claims into this topic (by number) or out of it (the ticked ones, to another topic or none)."""
    topic = get_object_or_404(Topic, slug=slug)
    action = request.POST.get("action", "")
    try:
        if action == "in":
            ids = [int(n) for n in re.findall(r"\d+", request.POST.get("claims", ""))][:200]
            rows = list(Claim.objects.filter(pk__in=ids).values_list("pk", "version"))
            missing = sorted(set(ids) - {pk for pk, _ in rows})
            if not ids or missing:
                raise ValidationError("No such claim: " + ", ".join(f"#{i}" for i in missing) if missing
                                      else "Give the numbers of the claims to move in.")
            outcome = review_services.claims_bulk_update(claims=rows, user=request.user, topic=topic)
            messages.success(request, f"{len(outcome.changed)} claim(s) moved into {topic.name}.")
        elif action == "out":
            selected = _parse_selection(request.POST.getlist("claim"))
            if not selected:
                raise ValidationError("Tick the claims to move out.")
            target_slug = request.POST.get("to", "")
            target = Topic.objects.filter(slug=target_slug).first() if target_slug else None
            outcome = review_services.claims_bulk_update(claims=selected, user=request.user, topic=target,
                                                         clear_topic=target is None)
            where = target.name if target else "no topic"
            messages.success(request, f"{len(outcome.changed)} claim(s) moved to {where}.")
            if outcome.stale:
                messages.warning(request, "Changed by someone else meanwhile, left alone: "
                                 + ", ".join(f"#{i}" for i in outcome.stale) + ".")
        else:
            raise ValidationError("Choose to move claims in or out.")
    except ValidationError as error:
        messages.error(request, error.messages[0])
    return redirect("review:topic_workspace", slug=topic.slug)
