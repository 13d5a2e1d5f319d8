"""Background jobs, run by the configured Django tasks backend (db_worker in deployments)."""

from __future__ import annotations

from django.tasks import task

from articles import imports_service


@task()
def import_job_run(job_id: int) -> dict:
    """Import the files of one browser upload; the job row carries progress and the final report."""
    return imports_service.import_job_execute(job_id=job_id)
