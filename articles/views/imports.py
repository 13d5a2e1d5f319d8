"""Browser import for staff with the import permission: upload, then watch the job.

The upload is read through LimitedUploadHandler, which has to be installed before anything reads the body;
CSRF is therefore checked inside (Django's documented pattern for per-view upload handlers).
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from articles import imports_service
from articles.forms import UploadForm
from articles.models import Article, ImportJob
from articles.upload_limits import LimitedUploadHandler, human_size, refusal
from articles.views.access import importer_required


def visible_jobs(user):
    """A user sees the import jobs they started; a superuser sees all."""
    jobs = ImportJob.objects.all()
    return jobs if user.is_superuser else jobs.filter(created_by=user)


def _limits() -> dict:
    return {
        "max_file": human_size(settings.FACTCHECK_MAX_IMPORT_BYTES),
        "max_total": human_size(settings.FACTCHECK_MAX_UPLOAD_BYTES),
        "max_files": settings.FACTCHECK_MAX_UPLOAD_FILES,
    }


def _page(request: HttpRequest, form: UploadForm, status: int = 200) -> HttpResponse:
    jobs = visible_jobs(request.user).order_by("-id")[:10]
    return render(request, "imports/start.html", {"form": form, "jobs": jobs, "limits": _limits()}, status=status)


@csrf_exempt
@require_http_methods(["GET", "POST"])
@importer_required
def import_start(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        request.upload_handlers.insert(0, LimitedUploadHandler(request))
        request.POST  # noqa: B018 (reads the body through the handler, which may refuse it)
        reason = refusal(request)
        if reason:
            # nothing was stored and nothing will be: the refusal needs no CSRF token (it may not have arrived)
            return _page(request, UploadForm(refused=reason), status=413)
    return _import_start(request)


@csrf_protect
def _import_start(request: HttpRequest) -> HttpResponse:
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            job = imports_service.import_job_create(files=form.cleaned_data["files"], user=request.user)
            return redirect("imports:job", job_id=job.pk)
    return _page(request, form, status=400 if form.errors else 200)


@require_GET
@importer_required
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    job = visible_jobs(request.user).filter(pk=job_id).first()
    if job is None:
        raise Http404("No such import.")
    files = job.report.get("files", [])
    ids = {i for f in files for i in f.get("articles", []) + f.get("duplicates", [])}
    titles = dict(Article.objects.filter(pk__in=ids).values_list("id", "title"))
    rows = [
        {**f, "links": [(i, titles.get(i, f"#{i}")) for i in f.get("articles", [])],
         "dups": [(i, titles.get(i, f"#{i}")) for i in f.get("duplicates", [])]}
        for f in files
    ]
    template = "imports/job.html"
    if request.htmx:
        template += "#job_status"
    return render(request, template, {"job": job, "rows": rows})
