"""Writes for browser imports: accept an upload into a job, then run the job (from a worker task).

The request only stores the uploaded files (already held to the limits by LimitedUploadHandler). Everything
slow or unbounded happens in the worker: zips are unpacked there, under a cap on the bytes unpacked and on
the compression ratio; the job has a time limit; SIGTERM stops it between files and puts it back in the
queue with its progress; a job left "running" by a worker that died is failed by the next worker to start.
A job's upload folder is removed when the job ends, whichever way it ends.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import signal
import threading
import time
import uuid
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.files.move import file_move_safe
from django.core.files.uploadedfile import UploadedFile
from django.db import connection, transaction
from django.utils import timezone

from articles import import_runner
from articles.import_lookups import ImportLookups
from articles.models import ImportJob, ImportJobState
from articles.upload_limits import human_size

log = logging.getLogger(__name__)

MAX_ZIP_MEMBERS = 5000
COPY_CHUNK = 1024 * 1024
# pg advisory lock namespace for "a worker is running this import job" (the second key is the job id)
JOB_LOCK_NAMESPACE = 7_301


def _safe_name(name: str) -> str:
    name = Path(name.replace("\\", "/")).name.replace("\x00", "")
    return name or "upload"


# --- the request: store the files ------------------------------------------------------------------------


@transaction.atomic
def import_job_create(*, files: list[UploadedFile], user) -> ImportJob:
    """Store the uploaded files in a folder of their own and queue their import for after the commit."""
    from articles.tasks import import_job_run

    if not files:
        raise ValueError("an import job needs at least one file")
    folder = Path(settings.FACTCHECK_UPLOAD_DIR) / uuid.uuid4().hex
    folder.mkdir(parents=True)
    try:
        used: set[str] = set()
        for upload in files:
            name = _safe_name(upload.name)
            while name in used:  # two files of the same name from different folders
                name = f"_{name}"
            used.add(name)
            target = folder / name
            if hasattr(upload, "temporary_file_path"):  # already on disk: move it rather than copy
                file_move_safe(upload.temporary_file_path(), target)
            else:
                with open(target, "wb") as dst:
                    for chunk in upload.chunks():
                        dst.write(chunk)
        job = ImportJob.objects.create(created_by=user, upload_dir=str(folder), total_files=len(files))
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # nothing half-written: no folder without its job
        raise
    transaction.on_commit(lambda: import_job_run.enqueue(job.pk))
    return job


# --- the worker: unpack zips -----------------------------------------------------------------------------


def _member_problem(exc: Exception) -> str:
    if isinstance(exc, RuntimeError) and "encrypted" in str(exc):
        return "encrypted (password protected), not imported"
    if isinstance(exc, NotImplementedError):
        return "packed with a compression method we cannot read, not imported"
    if isinstance(exc, OSError):
        return f"cannot be unpacked ({exc.strerror or exc}), not imported"
    return "damaged in the zip file, not imported"


class _TooBig(Exception):
    pass


def _copy_capped(src, dst, cap: int) -> int:
    """Copy at most `cap` bytes; raise _TooBig at the first byte over it (a header may lie about the size)."""
    written = 0
    while chunk := src.read(COPY_CHUNK):
        written += len(chunk)
        if written > cap:
            raise _TooBig
        dst.write(chunk)
    return written


def unpack_zip(archive: Path, into: Path, *, budget: int) -> tuple[list[str], int]:
    """Unpack a zip's regular files (no absolute paths, no `..`) into `into/<zip name>/`.

    Returns (problems, bytes written). Each member over the per-file limit or packed tighter than
    FACTCHECK_MAX_ZIP_RATIO fails alone with its reason; once `budget` bytes are written, the rest fail too.
    """
    problems: list[str] = []
    per_file = settings.FACTCHECK_MAX_IMPORT_BYTES
    ratio = settings.FACTCHECK_MAX_ZIP_RATIO
    written = 0
    try:
        with zipfile.ZipFile(archive) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
            if len(members) > MAX_ZIP_MEMBERS:
                problems.append(f"{archive.name}: {len(members)} files; only the first {MAX_ZIP_MEMBERS} were read")
                members = members[:MAX_ZIP_MEMBERS]
            for member in members:
                parts = [p for p in Path(member.filename.replace("\\", "/")).parts if p not in ("", ".", "..", "/")]
                if not parts or any(p.startswith(".") for p in parts) or parts[0] == "__MACOSX":
                    continue
                label = member.filename
                if member.file_size > per_file:
                    problems.append(f"{label}: {human_size(member.file_size)} unpacked, larger than the limit of "
                                    f"{human_size(per_file)} for one file, not imported")
                    continue
                if member.file_size > 1024 and member.file_size > ratio * max(member.compress_size, 1):
                    packed = member.file_size / max(member.compress_size, 1)
                    problems.append(f"{label}: packed {packed:.0f} to 1, more than the {ratio} to 1 allowed "
                                    "(a zip bomb?), not imported")
                    continue
                remaining = budget - written
                if member.file_size > remaining:
                    problems.append(f"{label}: not unpacked, the upload's files would exceed "
                                    f"{human_size(settings.FACTCHECK_MAX_UNPACKED_BYTES)} unpacked")
                    continue
                target = into.joinpath(archive.stem, *parts)
                try:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with zf.open(member) as src, open(target, "wb") as dst:
                        written += _copy_capped(src, dst, min(member.file_size, remaining))
                except _TooBig:
                    problems.append(f"{label}: holds more than its header says (a zip bomb?), not imported")
                    target.unlink(missing_ok=True)
                except (OSError, RuntimeError, NotImplementedError, EOFError, zlib.error, zipfile.BadZipFile,
                        ValueError) as exc:
                    # one member fails alone: encrypted (RuntimeError), an unsupported compression method,
                    # damaged data, or a name that clashes with a folder of the same name
                    problems.append(f"{label}: {_member_problem(exc)}")
                    if target.is_file():
                        target.unlink()
    except (zipfile.BadZipFile, OSError, ValueError):
        problems.append(f"{archive.name}: not a readable zip file")
    return problems, written


def _unpack_uploaded_zips(folder: Path) -> list[str]:
    problems: list[str] = []
    budget = settings.FACTCHECK_MAX_UNPACKED_BYTES
    for archive in sorted(folder.iterdir()):
        if archive.is_file() and archive.suffix.lower() == ".zip" and zipfile.is_zipfile(archive):
            found, written = unpack_zip(archive, folder, budget=budget)
            problems += found
            budget -= written
            archive.unlink(missing_ok=True)
    return problems


# --- the worker: run the job ------------------------------------------------------------------------------


@contextlib.contextmanager
def _job_lock(job_id: int) -> Iterator[bool]:
    """A session-level PostgreSQL advisory lock held while a worker runs the job: it vanishes with the
    worker's connection, so a job marked running whose lock is free was left by a worker that died."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [JOB_LOCK_NAMESPACE, job_id])
        got = cursor.fetchone()[0]
    try:
        yield got
    finally:
        if got:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [JOB_LOCK_NAMESPACE, job_id])


class _StopRequest:
    """Notes SIGTERM while a job runs and passes it on to the worker's own handler (which then exits after
    this task). Signal handlers can only be set in the main thread; elsewhere it never fires."""

    def __init__(self) -> None:
        self.requested = False
        self.previous = None
        self.installed = threading.current_thread() is threading.main_thread()

    def __enter__(self) -> _StopRequest:
        if self.installed:
            self.previous = signal.getsignal(signal.SIGTERM)
            signal.signal(signal.SIGTERM, self._handle)
        return self

    def _handle(self, signum, frame) -> None:
        self.requested = True
        log.warning("SIGTERM: the import stops after the current file and goes back to the queue")
        if callable(self.previous):  # the worker's handler: it exits once this task returns (at once if told twice)
            self.previous(signum, frame)

    def __exit__(self, *exc) -> None:
        if self.installed:
            signal.signal(signal.SIGTERM, self.previous if self.previous is not None else signal.SIG_DFL)


def _finish(job_id: int, *, state: str, report: dict, folder: Path) -> None:
    ImportJob.objects.filter(pk=job_id).update(state=state, report=report, finished_at=timezone.now())
    shutil.rmtree(folder, ignore_errors=True)


def import_job_execute(*, job_id: int) -> dict:
    """Run one import job; returns its report. A job already finished, or running elsewhere, is left alone."""
    job = ImportJob.objects.filter(pk=job_id).first()
    if job is None or job.state in (ImportJobState.DONE, ImportJobState.FAILED):
        return job.report if job else {}
    with _job_lock(job_id) as mine:
        if not mine:
            return {}
        return _run(job)


def _run(job: ImportJob) -> dict:
    folder = Path(job.upload_dir)
    # a job requeued by SIGTERM carries the files it finished; they were removed from its folder
    report = job.report if job.report.get("files") is not None else {**import_runner.new_report(), **job.report}
    ImportJob.objects.filter(pk=job.pk).update(state=ImportJobState.RUNNING)
    deadline = time.monotonic() + settings.FACTCHECK_JOB_TIME_LIMIT
    limit = f"the import's time limit ({settings.FACTCHECK_JOB_TIME_LIMIT} s) was reached"
    pending = import_runner.PendingSuggestions()
    lookups = ImportLookups()  # one memory of publishers, topics and speakers for the whole job
    state = ImportJobState.DONE
    with _StopRequest() as stop:
        try:
            report.setdefault("problems", [])
            report["problems"] += _unpack_uploaded_zips(folder)
            paths = list(import_runner.iter_input_files([folder])) if folder.is_dir() else []
            done = len(report["files"])
            ImportJob.objects.filter(pk=job.pk).update(total_files=done + len(paths), report=report)
            for index, path in enumerate(paths):
                display = import_runner.display_name(path, folder)
                if stop.requested:
                    pending.flush()
                    return _requeue(job, report)
                if time.monotonic() > deadline:
                    for rest in paths[index:]:
                        entry = import_runner.FileReport(path=import_runner.display_name(rest, folder))
                        entry.error = f"not imported: {limit}"
                        import_runner.add_to_report(report, entry)
                    state = ImportJobState.FAILED
                    report["error"] = f"stopped: {limit}"
                    break
                entry = import_runner.import_file(path, display=display, user=job.created_by, pending=pending,
                                                  should_stop=lambda: limit if time.monotonic() > deadline else None,
                                                  lookups=lookups)
                import_runner.add_to_report(report, entry)
                path.unlink(missing_ok=True)  # done: a requeued job must not import it again
                done += 1
                ImportJob.objects.filter(pk=job.pk).update(done_files=done, report=report)
            pending.flush()
            if pending.errors:
                report["warnings"] = pending.errors
        except Exception as exc:  # the job must end in a state the page can show, whatever happened
            log.exception("import job %s stopped", job.pk)
            report["error"] = f"import stopped: {exc}"
            state = ImportJobState.FAILED
        except BaseException:  # the worker is being killed (a second SIGTERM): keep the job for the next one
            _requeue(job, report)
            raise
    if not report["problems"]:
        del report["problems"]
    _finish(job.pk, state=state, report=report, folder=folder)
    return report


def _requeue(job: ImportJob, report: dict) -> dict:
    from articles.tasks import import_job_run

    ImportJob.objects.filter(pk=job.pk).update(state=ImportJobState.QUEUED, report=report)
    import_job_run.enqueue(job.pk)
    log.warning("import job %s put back in the queue after %s files", job.pk, len(report.get("files", [])))
    return report


def import_jobs_recover() -> list[int]:
    """Fail the jobs marked running whose worker is gone (their advisory lock is free); remove their uploads.

    Called when a worker starts. A job another live worker is running holds its lock and is left alone."""
    failed: list[int] = []
    for job in ImportJob.objects.filter(state=ImportJobState.RUNNING):
        with _job_lock(job.pk) as orphaned:
            if not orphaned:
                continue
            report = {**import_runner.new_report(), **job.report}
            report["error"] = (
                f"the worker running this import stopped (killed or crashed) after {job.done_files} of "
                f"{job.total_files} files; the articles of those files are kept, upload the others again"
            )
            _finish(job.pk, state=ImportJobState.FAILED, report=report, folder=Path(job.upload_dir))
            failed.append(job.pk)
    if failed:
        log.warning("import jobs left running by a stopped worker marked failed: %s", failed)
    return failed
