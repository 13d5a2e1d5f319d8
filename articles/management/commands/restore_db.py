"""`make restore FILE=…`: load a backup written by `make backup` into an empty database."""

from __future__ import annotations

import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from factcheck.localdb import database_url, postgres_tool


class Command(BaseCommand):
    help = "Restore a backup from `make backup` into the database in use, which must be empty."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")

    def handle(self, *args, file: str, **options) -> None:
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such backup file")
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
            tables = cursor.fetchone()[0]
            server_version = connection.pg_version
        if tables:
            raise CommandError(
                f"the database {connection.settings_dict['NAME']!r} is not empty ({tables} tables): restore into an "
                "empty one (a new DATABASE_URL, or move var/pgdata aside for the embedded server)"
            )
        url = database_url(connection.settings_dict, connection.settings_dict["NAME"])
        connection.close()
        restore = [postgres_tool("pg_restore"), "--no-owner", "--exit-on-error"]
        if server_version >= 170000:
            result = subprocess.run([*restore, "--single-transaction", "--dbname", url, str(path)],
                                    capture_output=True, text=True)
        else:
            result = self._restore_into_older_server(restore, url, path)
        if result.returncode:
            raise CommandError(f"pg_restore failed, nothing was restored: {result.stderr.strip()}")
        self.stdout.write(f"restored {path} into {connection.settings_dict['NAME']}")

    @staticmethod
    def _restore_into_older_server(restore: list[str], url: str, path: Path) -> subprocess.CompletedProcess:
        """pg_restore 18 starts every session with `SET transaction_timeout`, a setting PostgreSQL 17 brought:
        an older server refuses it. The dump is turned into its SQL script, that one line left out, and run by
        psql in one transaction, stopping at the first error, so a failed restore still leaves nothing."""
        script = subprocess.run([*restore, "--file", "-", str(path)], capture_output=True, text=True)
        if script.returncode:
            return script
        sql = "\n".join(line for line in script.stdout.splitlines() if not line.startswith("SET transaction_timeout"))
        return subprocess.run([postgres_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction",
                               "--set", "ON_ERROR_STOP=1", "--dbname", url],
                              input=sql, capture_output=True, text=True)
