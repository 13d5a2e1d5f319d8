"""django-tasks-db's worker, which first fails the import jobs a dead worker left "running".

Several workers may run at once, on several machines: django-tasks-db hands each task to one of them
(SELECT … FOR UPDATE SKIP LOCKED), and an import job runs under an advisory lock of its own.
"""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from articles.imports_service import import_jobs_recover


class Command(DatabaseWorkerCommand):
    help = DatabaseWorkerCommand.help + " Import jobs a stopped worker left running are marked failed first."

    def handle(self, *args, **options) -> None:
        failed = import_jobs_recover()
        if failed:
            self.stderr.write(f"import jobs left running by a stopped worker, now failed: {failed}")
        super().handle(*args, **options)
