"""`make backup`: a pg_dump of the database in use (embedded or DATABASE_URL) into var/backups/."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from factcheck.localdb import database_url, postgres_tool


class Command(BaseCommand):
    help = "Write a pg_dump (custom format) of the database in use to var/backups/ and print its path."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", help="file to write (default: var/backups/factcheck-<time>.dump)")

    def handle(self, *args, output: str | None = None, **options) -> None:
        if output:
            target = Path(output)
        else:
            stamp = dt.datetime.now(tz=dt.UTC).strftime("%Y%m%d-%H%M%S")
            target = Path(settings.BASE_DIR) / "var" / "backups" / f"factcheck-{stamp}.dump"
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        url = database_url(connection.settings_dict, connection.settings_dict["NAME"])
        result = subprocess.run(
            [postgres_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(partial), "--dbname", url],
            capture_output=True, text=True,
        )
        if result.returncode:
            partial.unlink(missing_ok=True)
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        partial.replace(target)  # a backup file that exists is always whole
        self.stdout.write(str(target))
