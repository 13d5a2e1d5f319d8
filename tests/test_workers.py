"""Several real worker processes share one queue: each import job runs exactly once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from articles.models import Article, ImportJob
from articles.tasks import import_job_run
from factcheck.localdb import database_url

ROOT = Path(__file__).resolve().parent.parent
JOBS = 8


@pytest.mark.django_db(transaction=True)
def test_two_workers_run_each_job_exactly_once(importer, tmp_path):
    jobs = []
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        for n in range(JOBS):
            folder = tmp_path / f"job{n}"
            folder.mkdir()
            (folder / "meldung.txt").write_text(
                f"date 2025-05-{n + 1:02d}\nHaushalt Nummer {n}\n\n"
                f"Die Gemeinde plant {n + 3} Millionen Euro für Schulen ein, sagte die Kämmerin {n}.\n"
            )
            job = ImportJob.objects.create(created_by=importer, upload_dir=str(folder), total_files=1)
            import_job_run.enqueue(job.pk)
            jobs.append(job)
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict, connection.settings_dict["NAME"])}
    workers = [
        subprocess.Popen(
            [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--interval", "0.1",
             "--worker-id", f"worker-{name}"],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )
        for name in ("a", "b")
    ]
    for worker in workers:
        output, _ = worker.communicate(timeout=300)
        assert worker.returncode == 0, output[-2000:]
    results = list(DBTaskResult.objects.all())
    assert len(results) == JOBS
    assert all(r.status == "SUCCESSFUL" for r in results), [(r.status, r.exception_class_path) for r in results]
    assert all(len(r.worker_ids) == 1 for r in results)  # claimed once, by one worker
    for job in jobs:
        job.refresh_from_db()
        assert job.state == "done"
        assert [f["status"] for f in job.report["files"]] == ["imported"]  # a second run would say "duplicate"
    assert Article.objects.count() == JOBS
