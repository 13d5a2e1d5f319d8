"""The editors' workspace: claim list, one claim with its links, an article with its candidates."""

from __future__ import annotations

import datetime as dt
import html

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_POST

from articles import review_selectors as rs
from articles import review_services, selectors, services
from articles.forms import (
    ClaimEditForm,
    FactCheckForm,
    LinkForm,
    LinkStateForm,
    NewClaimForm,
    StatusForm,
    TopicMergeForm,
    TopicRenameForm,
    VersionForm,
)
from articles.models import Article, Claim, Topic, Verdict
from articles.review_services import CONFLICT_FIELDS
from articles.views.access import editor_required
from articles.views.review_queue import row_url_prefixes


def _claim_or_404(claim_id: int) -> Claim:
    claim = rs.review_claim(claim_id)
    if claim is None:
        raise Http404("No such claim.")
    return claim


def _edit_form(claim: Claim) -> ClaimEditForm:
    return ClaimEditForm(
        initial={
            "version": claim.version,
            "text": claim.text,
            "speaker": claim.speaker.name if claim.speaker else "",
            "stated_on": claim.stated_on,
            "quantity_value": claim.quantity_value,
            "quantity_unit": claim.quantity_unit,
            "quantity_bound": claim.quantity_bound,
            "quantity_high": claim.quantity_high,
            "topic": claim.topic.name if claim.topic else "",
            "published": claim.published,
        }
    )


def _factcheck_form(claim: Claim) -> FactCheckForm:
    sources = list(claim.sources.all())  # prefetched by review_claim
    return FactCheckForm(sources=sources, initial={
        "version": claim.version, "verdict": claim.verdict, "explanation": claim.explanation,
        "keep_sources": [s.pk for s in sources],
    })


def _review_context(claim: Claim, *, link_form: LinkForm | None = None, edit_form: ClaimEditForm | None = None,
                    query: str = "", factcheck_form: FactCheckForm | None = None) -> dict:
    return {
        "claim": claim,
        "factcheck_form": factcheck_form or _factcheck_form(claim),
        "rating_meanings": [(Verdict(v).label, text) for v, text in review_services.RATING_MEANINGS.items()],
        "delete_form": VersionForm(initial={"version": claim.version}),
        "links": selectors.claim_links(claim),
        "link_form": link_form or LinkForm(),
        "edit_form": edit_form or _edit_form(claim),
        "results": selectors.claim_search(query=query, exclude_id=claim.pk) if query else [],
        "query": query,
    }


@require_GET
@editor_required
def claim_review(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim_or_404(claim_id)
    query = request.GET.get("q", "").strip()[:200]
    return render(request, "review/claim_review.html", _review_context(claim, query=query))


@require_GET
@editor_required
def claim_search(request: HttpRequest, claim_id: int) -> HttpResponse:
    """Matching claims as the editor types (HTMX); without JavaScript the claim page does the search."""
    query = request.GET.get("q", "").strip()[:200]
    if not request.htmx:
        return redirect(f"{reverse('review:claim_review', args=[claim_id])}?{urlencode({'q': query})}")
    results = selectors.claim_search(query=query, exclude_id=claim_id)
    return render(request, "review/claim_review.html#search_results", {"results": results, "query": query})


@require_POST
@editor_required
def claim_link_create(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim_or_404(claim_id)
    form = LinkForm(request.POST)
    if form.is_valid():
        try:
            services.claim_link(
                from_claim_id=claim.pk,
                to_claim_id=form.cleaned_data["target"],
                relation=form.cleaned_data["relation"],
                rationale=form.cleaned_data["rationale"],
                user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
    if form.is_valid():
        if not request.htmx:
            messages.success(request, "Link saved.")
            return redirect("review:claim_review", claim_id=claim.pk)
        claim = _claim_or_404(claim_id)
        return render(request, "review/claim_review.html#link_panel", _review_context(claim))
    query = form.data.get("q", "")
    context = _review_context(claim, link_form=form, query=query)
    if request.htmx:
        return render(request, "review/claim_review.html#link_panel", context)
    return render(request, "review/claim_review.html", context, status=400)


def _after_claim_change(request: HttpRequest, claim_id: int) -> HttpResponse:
    if request.htmx and (request.htmx.target or "").startswith("candidate-"):
        claim = Claim.objects.select_related("speaker").get(pk=claim_id)
        return render(request, "review/article_detail.html#candidate", {"claim": claim})
    if request.htmx:
        return render(request, "review/claim_review.html#claim_panel", _review_context(_claim_or_404(claim_id)))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        next_url = reverse("review:claim_review", args=[claim_id])
    return redirect(next_url)


@require_POST
@editor_required
def claim_status(request: HttpRequest, claim_id: int) -> HttpResponse:
    form = StatusForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Bad request: status and version are required.", status=400)
    try:
        services.claim_set_status(
            claim_id=claim_id, user=request.user, expected_version=form.cleaned_data["version"],
            status=form.cleaned_data["status"],
        )
    except Claim.DoesNotExist as exc:
        raise Http404("No such claim.") from exc
    except (services.StaleClaimError, ValidationError) as error:
        messages.error(request, error.messages[0] if isinstance(error, ValidationError) else str(error))
    return _after_claim_change(request, claim_id)


def _form_text(value) -> str:
    """A value as a form posts it back (dates ISO, booleans true/false)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def conflict_rows(form: ClaimEditForm, current: Claim) -> list[dict]:
    """The editor's version next to the one saved meanwhile, field by field, differences marked."""
    theirs = _edit_form(current).initial
    rows = []
    for name in CONFLICT_FIELDS:
        mine_text, theirs_text = _form_text(form.cleaned_data.get(name)), _form_text(theirs.get(name))
        if name == "quantity_bound" and not form.cleaned_data.get("quantity_bound") and \
                form.cleaned_data.get("quantity_value") is not None:
            mine_text = "eq"
        rows.append({"name": name, "label": form.fields[name].label or name.replace("_", " ").capitalize(),
                     "mine": mine_text, "theirs": theirs_text, "differs": mine_text != theirs_text})
    return rows


@require_POST
@editor_required
def claim_edit(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = _claim_or_404(claim_id)
    form = ClaimEditForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        changes = {
            "text": data["text"],
            "speaker": services.speaker_resolve(name=data["speaker"]),
            "stated_on": data["stated_on"],
            "quantity_value": data["quantity_value"],
            "quantity_unit": data["quantity_unit"] if data["quantity_value"] is not None else "",
            "quantity_bound": (data["quantity_bound"] or "eq") if data["quantity_value"] is not None else "",
            "quantity_high": data["quantity_high"],
            "topic": services.topic_for(label=data["topic"]),
            "published": data["published"],
        }
        try:
            services.claim_update(claim_id=claim.pk, user=request.user, expected_version=data["version"],
                                  changes=changes)
        except services.StaleClaimError as error:
            # someone saved meanwhile: show both versions and let the editor choose, field by field
            context = _review_context(claim) | {"conflict": conflict_rows(form, claim), "conflict_message": error}
            if request.htmx:  # htmx swaps only 2xx answers
                return render(request, "review/claim_review.html#claim_panel", context)
            return render(request, "review/claim_review.html", context, status=400)
        except ValidationError as error:
            form.add_error(None, error)
    if form.is_valid():
        if request.htmx:
            return render(request, "review/claim_review.html#claim_panel", _review_context(_claim_or_404(claim_id)))
        messages.success(request, "Claim saved.")
        return redirect("review:claim_review", claim_id=claim.pk)
    context = _review_context(claim, edit_form=form)
    if request.htmx:
        return render(request, "review/claim_review.html#claim_panel", context)
    return render(request, "review/claim_review.html", context, status=400)


@require_POST
@editor_required
def claim_factcheck(request: HttpRequest, claim_id: int) -> HttpResponse:
    """Save the fact-check (rating, explanation, sources); "publish" also publishes it, "withdraw" takes it back."""
    claim = _claim_or_404(claim_id)
    form = FactCheckForm(request.POST, sources=claim.sources.all())
    intent = request.POST.get("intent", "save")
    if form.is_valid():
        data = form.cleaned_data
        try:
            review_services.claim_review_save(
                claim_id=claim.pk, user=request.user, expected_version=data["version"], verdict=data["verdict"],
                explanation=data["explanation"], sources=form.new_sources(), keep_source_ids=data["keep_sources"],
                publish={"publish": True, "withdraw": False}.get(intent),
            )
        except services.StaleClaimError as error:
            form.add_error(None, f"{error} Your text is still in the form below.")
        except ValidationError as error:
            form.add_error(None, error)
    if form.is_valid():
        done = {"publish": "Fact-check published.", "withdraw": "Fact-check withdrawn."}.get(
            intent, "Fact-check saved.")
        if request.htmx:
            messages.success(request, done)
            return render(request, "review/claim_review.html#factcheck_panel",
                          _review_context(_claim_or_404(claim_id)))
        messages.success(request, done)
        return redirect("review:claim_review", claim_id=claim.pk)
    context = _review_context(claim, factcheck_form=form)
    if request.htmx:
        return render(request, "review/claim_review.html#factcheck_panel", context)
    return render(request, "review/claim_review.html", context, status=400)


@require_POST
@editor_required
def claim_delete(request: HttpRequest, claim_id: int) -> HttpResponse:
    form = VersionForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Bad request: the version is required.", status=400)
    try:
        article_id = review_services.claim_delete(claim_id=claim_id, user=request.user,
                                                  expected_version=form.cleaned_data["version"])
    except (services.StaleClaimError, ValidationError) as error:
        messages.error(request, error.messages[0] if isinstance(error, ValidationError) else str(error))
        return redirect("review:claim_review", claim_id=claim_id)
    messages.success(request, f"Claim #{claim_id} deleted; its history keeps it.")
    return redirect("review:article_detail", article_id=article_id)


@require_POST
@editor_required
def link_state(request: HttpRequest, link_id: int) -> HttpResponse:
    form = LinkStateForm(request.POST)
    if not form.is_valid():
        return HttpResponse("Bad request: state and claim are required.", status=400)
    try:
        services.link_set_state(link_id=link_id, state=form.cleaned_data["state"], user=request.user)
    except services.ClaimLink.DoesNotExist as exc:
        raise Http404("No such link.") from exc
    claim_id = form.cleaned_data["claim"]
    if request.htmx:
        return render(request, "review/claim_review.html#link_panel", _review_context(_claim_or_404(claim_id)))
    return redirect("review:claim_review", claim_id=claim_id)


def highlighted_segments(body: str, claims: list[Claim]) -> list[tuple[str, Claim | None]]:
    """The article body cut into plain text and claim spans (first claim wins where spans overlap)."""
    segments: list[tuple[str, Claim | None]] = []
    position = 0
    for claim in sorted((c for c in claims if c.span_start is not None), key=lambda c: c.span_start):
        if claim.span_start < position or claim.span_end > len(body):
            continue
        segments.append((body[position:claim.span_start], None))
        segments.append((body[claim.span_start:claim.span_end], claim))
        position = claim.span_end
    segments.append((body[position:], None))
    return [s for s in segments if s[0]]


@require_GET
@editor_required
def article_detail(request: HttpRequest, article_id: int) -> HttpResponse:
    article = selectors.article_with_claims(article_id)
    if article is None:
        raise Http404("No such article.")
    claims = list(article.claims.all())
    return render(request, "review/article_detail.html", {
        "article": article, "claims": claims, "segments": highlighted_segments(article.body, claims),
        "new_claim_form": NewClaimForm(),
    })


def _proposal_form(article: Article, text: str, near: int | None) -> NewClaimForm:
    """The new-claim form prefilled by running the extractor on the selection."""
    form = NewClaimForm(initial={"text": text, "start": near})
    try:
        proposal = review_services.claim_propose(article=article, text=text, near=near)
    except ValidationError as error:
        form = NewClaimForm({"text": text, "kind": "statement"})
        form.is_valid()
        form.add_error("text", error)
        return form
    form.initial = {name: getattr(proposal, name) for name in NewClaimForm.base_fields}
    return form


@editor_required
def claim_new(request: HttpRequest, article_id: int) -> HttpResponse:
    """GET: a new claim's form prefilled from the selection (or the pasted text); POST: create the claim."""
    article = Article.objects.select_related("publisher").filter(pk=article_id).first()
    if article is None:
        raise Http404("No such article.")
    if request.method == "POST":
        form = NewClaimForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            proposal = review_services.ClaimProposal(**{k: v for k, v in data.items() if k != "start"},
                                                     start=data["start"])
            try:
                claim = review_services.claim_add(article=article, proposal=proposal, user=request.user)
            except ValidationError as error:
                form.add_error("text", error)
            else:
                messages.success(request, f"Claim #{claim.pk} added.")
                return redirect(f"{reverse('review:article_detail', args=[article.pk])}#candidate-{claim.pk}")
        status = 400
    elif request.method == "GET":
        text = request.GET.get("text", "").strip()[:5000]
        start = request.GET.get("start", "")
        form = _proposal_form(article, text, int(start) if start.isdigit() else None) if text else NewClaimForm()
        status = 200
    else:
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    context = {"article": article, "new_claim_form": form}
    if request.htmx:
        return render(request, "review/new_claim.html#new_claim", context, status=status)
    return render(request, "review/new_claim.html", context, status=status)


@require_GET
@editor_required
def topic_list(request: HttpRequest) -> HttpResponse:
    page = rs.topics_page(after=request.GET.get("after", "")[:200])
    next_url = f"{request.path}?{urlencode({'after': page.next_after})}" if page.next_after else None
    # fifty rows: URLs joined from prefixes and the datalist built once, not three {% url %}s per row and a
    # template loop over every topic
    rename = reverse("review:topic_rename", args=[0])
    choices = "".join(f'<option value="{html.escape(slug)}">{html.escape(name)}</option>'
                      for slug, name in rs.topic_merge_choices())
    return render(request, "review/topics.html", {
        "topics": page.items, "next_url": next_url, "choices_html": mark_safe(choices),  # noqa: S308 (escaped)
        "count_cap": rs.COUNT_CAP, "topic_url": row_url_prefixes()["topic_url"],
        "topic_action_url": rename[: -len("0/rename/")]})


@require_POST
@editor_required
def topic_rename(request: HttpRequest, topic_id: int) -> HttpResponse:
    topic = Topic.objects.filter(pk=topic_id).first()
    if topic is None:
        raise Http404("No such topic.")
    form = TopicRenameForm(request.POST)
    if form.is_valid():
        services.topic_rename(topic=topic, name=form.cleaned_data["name"])
        messages.success(request, f"Topic renamed to {topic.name}.")
    else:
        messages.error(request, "A topic needs a name.")
    return redirect("review:topic_list")


@require_POST
@editor_required
def topic_merge(request: HttpRequest, topic_id: int) -> HttpResponse:
    source = Topic.objects.filter(pk=topic_id).first()
    form = TopicMergeForm(request.POST)
    target = rs.topic_by_slug_or_id(form.cleaned_data["into"]) if form.is_valid() else None
    if source is None or target is None or source.pk == target.pk:
        messages.error(request, "Choose another existing topic to merge into.")
        return redirect("review:topic_list")
    name = source.name
    services.topic_merge(source=source, target=target)
    messages.success(request, f"Merged {name} into {target.name}; its claims moved along.")
    return redirect("review:topic_list")
