"""Editors decide on the checks factcheck computed: accept, dismiss, reopen, publish with the review.

Each action posts a plain form: with htmx the checks panel (or the queue row) is swapped in place, without
JavaScript the browser is sent back to the page it came from.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from articles.checks import service
from articles.models import Check, CheckState, CheckStatus
from articles.review_selectors import inconsistent_first
from articles.views.access import editor_required

QUEUE_SIZE = 100


def _check_or_404(check_id: int) -> Check:
    check = Check.objects.filter(pk=check_id).first()
    if check is None:
        raise Http404("No such check.")
    return check


def _version(request: HttpRequest) -> int:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else -1


def _respond(request: HttpRequest, check: Check, error: str = "") -> HttpResponse:
    target = (request.htmx.target or "") if request.htmx else ""
    if target.startswith("queue-check-"):
        check = Check.objects.select_related("claim").get(pk=check.pk)
        return render(request, "review/_checks.html#queue_row", {"check": check, "check_error": error})
    if target.startswith("suggestion-check-"):  # a check shown inside a suggestions-queue card
        check = Check.objects.get(pk=check.pk)
        return render(request, "review/_checks.html#suggestion_check",
                      {"check": check, "check_error": error, "here": request.POST.get("next", "")})
    if request.htmx:
        checks = Check.objects.filter(claim_id=check.claim_id).order_by("id")
        return render(request, "review/_checks.html#checks_panel",
                      {"checks": checks, "check_error": error, "claim_id": check.claim_id})
    if error:
        messages.error(request, error)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        next_url = reverse("review:claim_review", args=[check.claim_id])
    return redirect(next_url)


@require_POST
@editor_required
def check_state(request: HttpRequest, check_id: int) -> HttpResponse:
    check = _check_or_404(check_id)
    try:
        check = service.check_decide(check_id=check.pk, state=request.POST.get("state", ""), user=request.user,
                                     expected_version=_version(request))
    except (service.StaleCheckError, ValidationError) as error:
        return _respond(request, check, error.messages[0] if isinstance(error, ValidationError) else str(error))
    if not request.htmx:
        messages.success(request, f"Check {check.get_state_display()}.")
    return _respond(request, check)


@require_POST
@editor_required
def check_publish(request: HttpRequest, check_id: int) -> HttpResponse:
    check = _check_or_404(check_id)
    try:
        check = service.check_publish(check_id=check.pk, published=request.POST.get("published") == "1",
                                      user=request.user, expected_version=_version(request))
    except (service.StaleCheckError, ValidationError) as error:
        return _respond(request, check, error.messages[0] if isinstance(error, ValidationError) else str(error))
    if not request.htmx:
        messages.success(request, "Check published with the review." if check.published else "Check unpublished.")
    return _respond(request, check)


@require_GET
@editor_required
def check_queue(request: HttpRequest) -> HttpResponse:
    """Open checks, the inconsistent ones first: what the editors should look at."""
    status = request.GET.get("status", "")
    checks = Check.objects.filter(state=CheckState.OPEN).select_related("claim").order_by(inconsistent_first(), "-id")
    if status in CheckStatus.values:
        checks = checks.filter(status=status)
    return render(request, "review/check_queue.html",
                  {"checks": checks[:QUEUE_SIZE], "status": status, "statuses": CheckStatus.choices})
