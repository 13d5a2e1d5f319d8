"""`make eval`: import the seed articles into a scratch database and score the exports against the gold file.

The scratch database lives beside the default one (embedded or DATABASE_URL); this process keeps the
embedded server alive while the steps run as separate `manage.py` processes, exactly as a user runs them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from factcheck.localdb import recreate_database


class Command(BaseCommand):
    help = "Import seed articles into a scratch database and print the scorer's figures."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seeds", required=True)
        parser.add_argument("--gold", required=True)
        parser.add_argument("--scorer", required=True)
        parser.add_argument("--database", default="factcheck_eval")

    def handle(self, *args, **options) -> None:
        url = recreate_database(options["database"])
        env = {**os.environ, "DATABASE_URL": url}
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        with tempfile.TemporaryDirectory() as tmp:
            report, articles, claims = (str(Path(tmp) / n) for n in ("report.json", "articles.jsonl", "claims.jsonl"))
            steps = [
                [*manage, "migrate", "--noinput", "-v", "0"],
                [*manage, "import_articles", options["seeds"], "--report", report],
                [*manage, "export_articles", "--output", articles],
                [*manage, "export_claims", "--all", "--output", claims],
            ]
            for step in steps:
                result = subprocess.run(step, env=env, capture_output=True, text=True)
                if result.returncode not in (0, 1):  # 1: some input failed, which the scorer reports
                    self.stderr.write(result.stdout + result.stderr)
                    raise SystemExit(result.returncode)
                if "import_articles" in step:
                    self.stdout.write(result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "")
            scored = subprocess.run(
                [sys.executable, options["scorer"], options["gold"], articles, claims, "--report", report],
                capture_output=True, text=True,
            )
            self.stdout.write(scored.stdout)
            if scored.returncode:
                self.stderr.write(scored.stderr)
