"""Staff with the import permission upload files in the browser; the import runs as a background task."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.urls import reverse

from articles.models import Article, ImportJob
from factcheck.localdb import database_url

ROOT = Path(__file__).resolve().parent.parent

TEXT = "date 2025-11-06\nKein Rettungsschirm\nDer KI-Berater schrieb, es werde keine Rettung durch den Bund geben.\n"
JSONL = (
    '{"title": "Rechenzentrum in Brandenburg", "body": "Auf 12 Hektar entsteht ein Rechenzentrum.",'
    ' "url": "https://example.org/a", "date": "2025-03-02"}\n'
    '{"title": broken\n'
)


@pytest.fixture(autouse=True)
def uploads_in_tmp(tmp_path, settings):
    settings.FACTCHECK_UPLOAD_DIR = tmp_path / "uploads"


def upload(client, *files):
    return client.post(reverse("imports:start"), {"files": list(files)})


@pytest.mark.django_db
def test_import_needs_the_permission_not_just_staff(client, django_user_model):
    staff = django_user_model.objects.create_user("sam", password="x-long-password", is_staff=True)
    client.force_login(staff)
    assert client.get(reverse("imports:start")).status_code == 403
    assert upload(client, SimpleUploadedFile("a.txt", TEXT.encode())).status_code == 403
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_anonymous_upload_goes_to_login(client):
    response = client.get(reverse("imports:start"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.django_db
def test_upload_of_several_files_and_a_zip_reports_each_file(client, importer, django_capture_on_commit_callbacks):
    client.force_login(importer)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("feeds/lines.jsonl", JSONL)
        zf.writestr("../../evil.txt", "date 2025-01-01\nBöse\nDieser Pfad darf nicht aus dem Ordner hinaus.\n")
    with django_capture_on_commit_callbacks(execute=True):  # the task is enqueued once the upload commits
        response = upload(
            client,
            SimpleUploadedFile("rettung.txt", TEXT.encode()),
            SimpleUploadedFile("leer.txt", b""),
            SimpleUploadedFile("bundle.zip", archive.getvalue(), content_type="application/zip"),
        )
    assert response.status_code == 302
    job = ImportJob.objects.get()
    page = client.get(response["Location"])  # the immediate backend ran the task already
    job.refresh_from_db()
    assert job.state == "done" and job.done_files == job.total_files == 4
    statuses = {Path(f["path"]).name: f["status"] for f in job.report["files"]}
    assert statuses == {"rettung.txt": "imported", "leer.txt": "failed", "lines.jsonl": "partial",
                        "evil.txt": "imported"}
    assert not (Path(job.upload_dir).parent.parent / "evil.txt").exists()
    assert "Rechenzentrum in Brandenburg" in page.text
    assert "item 2" in page.text
    polled = client.get(response["Location"], headers={"HX-Request": "true"})
    assert polled.text.lstrip().startswith('<section id="job-status"')
    assert "hx-trigger" not in polled.text  # finished: polling stops


@pytest.mark.django_db(transaction=True)
def test_database_worker_runs_the_queued_import(client, importer):
    """The deployment backend: the upload is queued in the database and `db_worker` imports it."""
    client.force_login(importer)
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        response = upload(client, SimpleUploadedFile("rettung.txt", TEXT.encode()))
    job = ImportJob.objects.get()
    assert job.state == "queued" and not Article.objects.exists()
    url = database_url(connection.settings_dict, connection.settings_dict["NAME"])
    env = {**os.environ, "DATABASE_URL": url}
    result = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    job.refresh_from_db()
    assert job.state == "done"
    assert job.report["imported"] == 1
    assert Article.objects.get().title == "Kein Rettungsschirm"
    assert client.get(response["Location"]).status_code == 200
