"""Uploads cannot hurt the server: limits while streaming, zips unpacked by the worker under caps,
a time limit, SIGTERM, jobs left by a dead worker, upload folders removed, and each user's own jobs."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from articles import import_runner, imports_service
from articles.models import Article, ImportJob
from factcheck.localdb import database_url

ROOT = Path(__file__).resolve().parent.parent
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def article(n: int) -> bytes:
    return (f"date 2025-04-0{n % 9 + 1}\nMeldung Nummer {n}\n\n"
            f"Der Kreis gab {n + 10} Millionen Euro für Radwege aus, sagte der Landrat {n}.\n").encode()


@pytest.fixture(autouse=True)
def folders(tmp_path, settings):
    settings.FACTCHECK_UPLOAD_DIR = tmp_path / "uploads"
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path / "incoming")
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # bigger files go to FILE_UPLOAD_TEMP_DIR as they stream
    (tmp_path / "incoming").mkdir()
    return tmp_path


def files_under(path: Path) -> list[Path]:
    return [p for p in path.rglob("*") if p.is_file()] if path.exists() else []


def upload(client, *files):
    return client.post(reverse("imports:start"), {"files": list(files)})


@pytest.fixture
def importer_client(client, importer):
    client.force_login(importer)
    return client


# --- limits while the request streams ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_file_over_the_limit_is_refused_before_it_is_stored(importer_client, settings, folders):
    settings.FACTCHECK_MAX_IMPORT_BYTES = 50_000
    response = upload(importer_client, SimpleUploadedFile("klein.txt", article(1)),
                      SimpleUploadedFile("riesig.txt", b"Wort " * 40_000))
    assert response.status_code == 413
    assert "riesig.txt is larger than 48.8 KiB, the limit for one file" in response.text
    assert not ImportJob.objects.exists()
    assert files_under(folders / "uploads") == [] and files_under(folders / "incoming") == []


@pytest.mark.django_db
def test_files_over_the_total_limit_are_refused(importer_client, settings, folders):
    settings.FACTCHECK_MAX_UPLOAD_BYTES = 100_000
    big = [SimpleUploadedFile(f"teil{i}.txt", b"Satz. " * 8_000) for i in range(3)]  # 48 KB each
    response = upload(importer_client, *big)
    assert response.status_code == 413
    assert "limit for one upload" in response.text or "may be sent at once" in response.text
    assert not ImportJob.objects.exists()
    assert files_under(folders / "uploads") == [] and files_under(folders / "incoming") == []


@pytest.mark.django_db
def test_an_upload_declared_larger_than_the_total_is_refused_unread(importer_client, settings, folders):
    settings.FACTCHECK_MAX_UPLOAD_BYTES = 10_000
    response = upload(importer_client, SimpleUploadedFile("gross.txt", b"Satz. " * 30_000))  # 180 KB
    assert response.status_code == 413
    assert "at most 9.8 KiB may be sent at once" in response.text
    assert not ImportJob.objects.exists()
    assert files_under(folders / "uploads") == [] and files_under(folders / "incoming") == []


@pytest.mark.django_db
def test_too_many_files_are_refused_with_a_form_error(importer_client, settings):
    settings.FACTCHECK_MAX_UPLOAD_FILES = 2
    response = upload(importer_client, *[SimpleUploadedFile(f"m{i}.txt", article(i)) for i in range(3)])
    assert response.status_code == 413
    assert "At most 2 files may be sent at once" in response.text
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_an_empty_post_is_a_form_error(importer_client):
    response = importer_client.post(reverse("imports:start"), {})
    assert response.status_code == 400
    assert "Choose at least one file to import." in response.text
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_the_page_states_the_limits(importer_client, settings):
    settings.FACTCHECK_MAX_UPLOAD_FILES = 7
    page = importer_client.get(reverse("imports:start"))
    assert "At most 7 files and 500 MiB per upload, 200 MiB per file." in page.text


# --- zips: unpacked by the worker, under caps ----------------------------------------------------------------


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.django_db(transaction=True)
def test_zip_is_unpacked_by_the_worker_and_a_zip_bomb_member_fails_alone(importer_client, settings):
    settings.FACTCHECK_MAX_ZIP_RATIO = 50
    archive = zip_of({"a.txt": article(1), "bomb.txt": b"0" * 5_000_000, "b.txt": article(2)})
    assert len(archive) < 20_000
    with override_settings(TASKS=DB_TASKS):
        response = upload(importer_client, SimpleUploadedFile("paket.zip", archive))
    assert response.status_code == 302
    job = ImportJob.objects.get()
    # the request stored the zip as it came; nothing was unpacked yet
    assert [p.name for p in files_under(Path(job.upload_dir))] == ["paket.zip"]
    report = imports_service.import_job_execute(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == "done" and job.total_files == job.done_files == 2
    assert {Path(f["path"]).name: f["status"] for f in report["files"]} == {"a.txt": "imported", "b.txt": "imported"}
    (problem,) = job.report["problems"]
    assert problem.startswith("bomb.txt: packed") and "more than the 50 to 1 allowed" in problem
    assert not Path(job.upload_dir).exists()  # the upload folder goes with the job


@pytest.mark.django_db(transaction=True)
def test_unpacking_stops_at_the_cap_on_unpacked_bytes(importer_client, settings):
    settings.FACTCHECK_MAX_UNPACKED_BYTES = 250
    archive = zip_of({f"m{i}.txt": article(i) for i in range(4)})  # about 110 bytes each
    with override_settings(TASKS=DB_TASKS):
        upload(importer_client, SimpleUploadedFile("viele.zip", archive))
    job = ImportJob.objects.get()
    imports_service.import_job_execute(job_id=job.pk)
    job.refresh_from_db()
    assert job.report["imported"] == 2
    assert len(job.report["problems"]) == 2
    assert all("would exceed 250 bytes unpacked" in p for p in job.report["problems"])


def test_a_member_that_holds_more_than_its_header_says_is_cut_off(tmp_path, settings):
    """A forged header cannot smuggle bytes past the caps: the copy counts what really comes out."""
    settings.FACTCHECK_MAX_UNPACKED_BYTES = 10_000_000
    path = tmp_path / "forged.zip"
    path.write_bytes(zip_of({"x.txt": b"A" * 4000}))
    data = bytearray(path.read_bytes())
    # lower the uncompressed size in the central directory record to 100 bytes
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    problems, written = imports_service.unpack_zip(path, tmp_path / "out", budget=10_000_000)
    assert written <= 100
    assert len(problems) == 1 and "x.txt" in problems[0]
    assert not (tmp_path / "out" / "forged" / "x.txt").exists()


# --- the job in the worker: time limit, SIGTERM, dead workers ------------------------------------------------


def queued_job(user, folder: Path, count: int) -> ImportJob:
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"datei{i}.txt").write_bytes(article(i))
    return ImportJob.objects.create(created_by=user, upload_dir=str(folder), total_files=count)


@pytest.mark.django_db
def test_a_job_over_its_time_limit_stops_and_reports_the_files_not_reached(importer, settings, folders):
    settings.FACTCHECK_JOB_TIME_LIMIT = 0
    job = queued_job(importer, folders / "uploads" / "j1", 3)
    imports_service.import_job_execute(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == "failed"
    assert "time limit (0 s) was reached" in job.report["error"]
    assert [f["status"] for f in job.report["files"]] == ["failed"] * 3
    assert not Path(job.upload_dir).exists()


@pytest.mark.django_db
def test_sigterm_finishes_the_current_file_and_requeues_the_rest(importer, folders, monkeypatch):
    job = queued_job(importer, folders / "uploads" / "j2", 3)
    real_import_file = import_runner.import_file

    def import_then_get_terminated(*args, **kwargs):
        entry = real_import_file(*args, **kwargs)
        os.kill(os.getpid(), signal.SIGTERM)  # as a deployment stopping the worker would
        return entry

    monkeypatch.setattr(import_runner, "import_file", import_then_get_terminated)
    worker_told = []  # the worker's own handler: it lets the task end, then exits

    def worker_handler(signum, frame):
        worker_told.append(signum)

    previous = signal.signal(signal.SIGTERM, worker_handler)
    try:
        with override_settings(TASKS=DB_TASKS):
            imports_service.import_job_execute(job_id=job.pk)
        assert signal.getsignal(signal.SIGTERM) is worker_handler  # the worker's handler is back
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert worker_told == [signal.SIGTERM]
    job.refresh_from_db()
    assert job.state == "queued" and job.done_files == 1
    assert [f["status"] for f in job.report["files"]] == ["imported"]
    assert len(files_under(Path(job.upload_dir))) == 2
    assert DBTaskResult.objects.filter(status="READY").count() == 1  # back in the queue

    monkeypatch.setattr(import_runner, "import_file", real_import_file)
    imports_service.import_job_execute(job_id=job.pk)  # the next worker picks it up
    job.refresh_from_db()
    assert job.state == "done" and job.done_files == job.total_files == 3
    assert [f["status"] for f in job.report["files"]] == ["imported"] * 3
    assert Article.objects.count() == 3
    assert not Path(job.upload_dir).exists()


def hold_job_lock(job_id: int) -> psycopg.Connection:
    """A second database session holding the job's lock, as a live worker elsewhere would."""
    conn = psycopg.connect(database_url(connection.settings_dict, connection.settings_dict["NAME"]), autocommit=True)
    conn.execute("SELECT pg_advisory_lock(%s, %s)", [imports_service.JOB_LOCK_NAMESPACE, job_id])
    return conn


@pytest.mark.django_db(transaction=True)
def test_worker_start_fails_jobs_a_dead_worker_left_running(importer, folders):
    dead = queued_job(importer, folders / "uploads" / "dead", 2)
    alive = queued_job(importer, folders / "uploads" / "alive", 2)
    ImportJob.objects.update(state="running", done_files=1)
    live_worker = hold_job_lock(alive.pk)
    try:
        env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict, connection.settings_dict["NAME"])}
        result = subprocess.run(
            [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
        )
        assert result.returncode == 0, result.stderr[-2000:]
    finally:
        live_worker.close()
    dead.refresh_from_db()
    alive.refresh_from_db()
    assert dead.state == "failed"
    assert "the worker running this import stopped (killed or crashed) after 1 of 2 files" in dead.report["error"]
    assert not Path(dead.upload_dir).exists()
    assert alive.state == "running" and Path(alive.upload_dir).exists()  # another worker is on it


# --- each importer sees their own jobs ---------------------------------------------------------------------


@pytest.mark.django_db
def test_an_importer_sees_only_their_own_jobs(client, importer, django_user_model, folders):
    from django.contrib.auth.models import Permission

    other = django_user_model.objects.create_user("otto", password="a-long-test-password", is_staff=True)
    other.user_permissions.add(Permission.objects.get(codename="import_articles"))
    mine = ImportJob.objects.create(created_by=importer, upload_dir=str(folders / "x"), state="done")
    theirs = ImportJob.objects.create(created_by=other, upload_dir=str(folders / "y"), state="done")
    client.force_login(importer)
    assert client.get(reverse("imports:job", args=[mine.pk])).status_code == 200
    assert client.get(reverse("imports:job", args=[theirs.pk])).status_code == 404
    listing = client.get(reverse("imports:start")).text
    assert f"Import #{mine.pk}" in listing and f"Import #{theirs.pk}" not in listing
    boss = django_user_model.objects.create_superuser("chefin", password="a-long-test-password")
    client.force_login(boss)
    assert client.get(reverse("imports:job", args=[theirs.pk])).status_code == 200
