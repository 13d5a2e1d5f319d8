"""The management commands and their JSON formats (shared docs/interfaces.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from articles.models import Article, Claim

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent

STARGATE = """date 2025-01-23
Stargate-Zweifel: Musk hält den Plan für unterfinanziert
Die Partner OpenAI, SoftBank und Oracle wollen bis zu 500 Milliarden Dollar in Rechenzentren stecken.
Elon Musk schrieb am Mittwoch auf X: „Die haben das Geld gar nicht. SoftBank hat deutlich unter
10 Milliarden Dollar gesichert.“
"""

GENESIS = """date 2025-12
Genesis-Mission: Washington bündelt die Rechenzentren
Das Energieministerium soll binnen 90 Tagen einen Plan für die gemeinsame Infrastruktur vorlegen.
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def run_import(*args: str) -> int:
    try:
        call_command("import_articles", *args)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    return 0


def test_import_report_has_the_documented_shape(tmp_path):
    write(tmp_path / "in", "stargate.txt", STARGATE)
    write(tmp_path / "in", "sub/genesis.txt", GENESIS)
    write(tmp_path / "in", "bild.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    report_path = tmp_path / "report.json"
    code = run_import(str(tmp_path / "in"), "--report", str(report_path))
    report = json.loads(report_path.read_text())
    assert code == 1  # one file failed
    assert set(report) == {"imported", "duplicates", "failed", "files"}
    assert report["imported"] == 2 and report["duplicates"] == 0 and report["failed"] == 1
    by_name = {Path(f["path"]).name: f for f in report["files"]}
    assert set(by_name["stargate.txt"]) == {"path", "status", "articles", "duplicates", "error", "errors"}
    assert by_name["stargate.txt"]["status"] == "imported"
    assert by_name["bild.png"]["status"] == "failed" and by_name["bild.png"]["error"]
    article = Article.objects.get(pk=by_name["genesis.txt"]["articles"][0])
    assert (article.published_on.isoformat(), article.date_precision) == ("2025-12-01", "month")


def test_importing_again_reports_duplicates_and_adds_nothing(tmp_path):
    write(tmp_path, "stargate.txt", STARGATE)
    assert run_import(str(tmp_path)) == 0
    before = (Article.objects.count(), Claim.objects.count())
    report_path = tmp_path / "again.json"
    assert run_import(str(tmp_path / "stargate.txt"), "--report", str(report_path)) == 0
    report = json.loads(report_path.read_text())
    assert report["files"][0]["status"] == "duplicate"
    assert report["files"][0]["duplicates"] == [Article.objects.get().pk]
    assert (Article.objects.count(), Claim.objects.count()) == before


def test_no_extract_stores_articles_without_claims(tmp_path):
    write(tmp_path, "stargate.txt", STARGATE)
    assert run_import(str(tmp_path), "--no-extract") == 0
    assert Article.objects.count() == 1 and Claim.objects.count() == 0


def test_exports_follow_the_documented_formats(tmp_path, capsys):
    write(tmp_path, "stargate.txt", STARGATE)
    run_import(str(tmp_path))
    articles_out, claims_out = tmp_path / "a.jsonl", tmp_path / "c.jsonl"
    call_command("export_articles", "--output", str(articles_out))
    call_command("export_claims", "--all", "--output", str(claims_out))
    article = json.loads(articles_out.read_text().splitlines()[0])
    assert set(article) == {"id", "title", "url", "published_on", "date_precision", "language", "publisher", "body",
                            "source_file", "source_index", "cited_urls", "imported_at"}
    assert article["published_on"] == "2025-01-23" and article["imported_at"].endswith("Z")
    claims = [json.loads(line) for line in claims_out.read_text().splitlines()]
    assert claims, "the Stargate article states figures"
    for claim in claims:
        assert {"id", "article_id", "kind", "text", "speaker", "stated_on", "quantity", "topic", "status",
                "verdict", "published", "links"} <= set(claim)
    call_command("export_claims", "--output", str(claims_out))
    assert claims_out.read_text() == ""  # nothing published yet


def test_usage_error_exits_2():
    result = subprocess.run([sys.executable, "manage.py", "import_articles", "--format", "pdf", "x"],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
