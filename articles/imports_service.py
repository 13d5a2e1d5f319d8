"""Writes for browser imports: accept an upload into a job, then run the job (from a task)."""

from __future__ import annotations

import shutil
import uuid
import zipfile
import zlib
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from articles import import_runner
from articles.models import ImportJob, ImportJobState

MAX_ZIP_MEMBERS = 5000


def _safe_name(name: str) -> str:
    name = Path(name.replace("\\", "/")).name.replace("\x00", "")
    return name or "upload"


def _member_problem(exc: Exception) -> str:
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return "encrypted (password protected), not imported"
    if isinstance(exc, NotImplementedError):
        return "packed with a compression method we cannot read, not imported"
    if isinstance(exc, OSError):
        return f"cannot be unpacked ({exc.strerror or exc}), not imported"
    return "damaged in the zip file, not imported"


def _unpack_zip(archive: Path, into: Path) -> list[str]:
    """Unpack a zip's regular files (no absolute paths, no `..`), refusing zip bombs by size."""
    problems: list[str] = []
    limit = settings.FACTCHECK_MAX_IMPORT_BYTES
    try:
        with zipfile.ZipFile(archive) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()][:MAX_ZIP_MEMBERS]
            for member in members:
                parts = [p for p in Path(member.filename.replace("\\", "/")).parts if p not in ("", ".", "..", "/")]
                if not parts or any(p.startswith(".") for p in parts) or parts[0] == "__MACOSX":
                    continue
                if member.file_size > limit:
                    problems.append(f"{member.filename}: larger than the import limit")
                    continue
                target = into.joinpath(f"{archive.stem}", *parts)
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(member) as src, open(target, "wb") as dst:
                        shutil.copyfileobj(src, dst)
                except (OSError, RuntimeError, NotImplementedError, EOFError, zlib.error, zipfile.BadZipFile) as exc:
                    # one member fails alone: encrypted (RuntimeError), an unsupported compression method,
                    # damaged data, or a name that clashes with a folder of the same name
                    problems.append(f"{member.filename}: {_member_problem(exc)}")
                    if target.is_file():
                        target.unlink()
    except zipfile.BadZipFile:
        problems.append(f"{archive.name}: not a readable zip file")
    archive.unlink(missing_ok=True)
    return problems


@transaction.atomic
def import_job_create(*, files: list[UploadedFile], user) -> ImportJob:
    """Save the uploaded files (zips unpacked) and queue their import for after the commit."""
    from articles.tasks import import_job_run

    folder = Path(settings.FACTCHECK_UPLOAD_DIR) / uuid.uuid4().hex
    folder.mkdir(parents=True)
    problems: list[str] = []
    for upload in files:
        target = folder / _safe_name(upload.name)
        with open(target, "wb") as dst:
            for chunk in upload.chunks():
                dst.write(chunk)
        if zipfile.is_zipfile(target) and target.suffix.lower() == ".zip":
            problems += _unpack_zip(target, folder)
    job = ImportJob.objects.create(
        created_by=user, upload_dir=str(folder), total_files=import_runner.count_input_files([folder]),
        report={"problems": problems} if problems else {},
    )
    transaction.on_commit(lambda: import_job_run.enqueue(job.pk))
    return job


def import_job_execute(*, job_id: int) -> dict:
    job = ImportJob.objects.get(pk=job_id)
    folder = Path(job.upload_dir)
    ImportJob.objects.filter(pk=job_id).update(state=ImportJobState.RUNNING)

    def progress(_entry: import_runner.FileReport) -> None:
        ImportJob.objects.filter(pk=job_id).update(done_files=F("done_files") + 1)

    try:
        report = import_runner.import_paths([folder], user=job.created_by, display_root=folder, on_file=progress)
        state = ImportJobState.DONE
    except Exception as exc:  # the job must end in a state the page can show, whatever happened
        report = {**import_runner.new_report(), "error": f"import stopped: {exc}"}
        state = ImportJobState.FAILED
    report.update({k: v for k, v in job.report.items() if k == "problems"})
    ImportJob.objects.filter(pk=job_id).update(state=state, report=report, finished_at=timezone.now())
    shutil.rmtree(folder, ignore_errors=True)
    return report
