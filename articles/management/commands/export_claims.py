"""manage.py export_claims [--all] [--output FILE]: JSON Lines, one claim a line (interfaces.md)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandParser

from articles.exports import claim_rows, open_output


class Command(BaseCommand):
    help = "Export published claims (or, with --all, every claim) as JSON Lines."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", help="every claim, candidates included")
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, **options) -> None:
        with open_output(options.get("output"), self.stdout) as out:
            for row in claim_rows(everything=options["all"]):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
