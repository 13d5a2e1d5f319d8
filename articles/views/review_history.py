"""A claim's history: every recorded change to it, its links and its review, and restoring a value."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from articles import review_selectors as rs
from articles import review_services, services
from articles.forms import RestoreForm
from articles.models import Claim
from articles.views.access import editor_required


@require_GET
@editor_required
def claim_history(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = Claim.objects.filter(pk=claim_id).only("pk", "text", "version").first()
    entries = rs.claim_history(claim_id)
    if claim is None and not entries:
        raise Http404("No such claim.")
    return render(request, "review/history.html", {"claim": claim, "claim_id": claim_id, "entries": entries})


@require_POST
@editor_required
def claim_restore(request: HttpRequest, claim_id: int) -> HttpResponse:
    form = RestoreForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Bad request: version, event, field and which are required.", status=400)
    data = form.cleaned_data
    try:
        review_services.claim_restore(claim_id=claim_id, event_id=data["event"], field=data["field"],
                                      before=data["which"] == "before", user=request.user,
                                      expected_version=data["version"])
    except services.StaleClaimError as error:
        messages.error(request, str(error))
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, f"Restored {data['field'].replace('_', ' ')}.")
    return redirect("review:claim_history", claim_id=claim_id)
