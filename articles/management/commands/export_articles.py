"""manage.py export_articles [--output FILE]: JSON Lines, one article a line (interfaces.md)."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandParser

from articles.exports import article_rows, open_output


class Command(BaseCommand):
    help = "Export every article as JSON Lines."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", help="file to write (default: standard output)")

    def handle(self, *args, **options) -> None:
        with open_output(options.get("output"), self.stdout) as out:
            for row in article_rows():
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
