"""Browser import for staff with the import permission: upload, then watch the job."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from articles import imports_service
from articles.forms import UploadForm
from articles.models import Article, ImportJob
from articles.views.access import importer_required


@require_http_methods(["GET", "POST"])
@importer_required
def import_start(request: HttpRequest) -> HttpResponse:
    form = UploadForm()
    if request.method == "POST":
        form = UploadForm(request.POST, request.FILES)
        if form.is_valid():
            job = imports_service.import_job_create(files=form.cleaned_data["files"], user=request.user)
            return redirect("imports:job", job_id=job.pk)
    jobs = ImportJob.objects.order_by("-id")[:10]
    return render(request, "imports/start.html", {"form": form, "jobs": jobs}, status=400 if form.errors else 200)


@require_GET
@importer_required
def import_job(request: HttpRequest, job_id: int) -> HttpResponse:
    job = ImportJob.objects.filter(pk=job_id).first()
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
