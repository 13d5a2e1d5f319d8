"""Issue 3 end to end against the real PostgreSQL: bad input fails alone with a clear reason and loses
nothing else; importing is idempotent, also when two imports of the same article race.

Every fixture is written here, in our own words, into tmp_path.
"""

from __future__ import annotations

import io
import json
import os
import pty
import re
import select
import subprocess
import sys
import threading
import time
import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import DataError, connection

from articles import services
from articles.importers.types import ArticleDraft
from articles.models import Article, Publisher
from factcheck.localdb import database_url

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SIZE_LIMIT = 6000  # bytes; FACTCHECK_MAX_IMPORT_BYTES for these tests

GOOD_TEXT = """date 2025-03-14
Solarpark bei Cottbus geht ans Netz
Auf einer früheren Tagebaufläche liefern seit Freitag rund 90.000 Module Strom. Der Betreiber nennt eine
Leistung von 48 Megawatt und spricht von Strom für etwa 15.000 Haushalte. Die Stadt erhält eine jährliche Abgabe.
"""

HTML_PAGE = """<!doctype html>
<html lang="de"><head><meta charset="utf-8">
<title>Kühlwasser <b>aus</b> dem Fluss &lt;script&gt;alert(1)&lt;/script&gt;</title>
<script>document.write('<p>eingeschleust</p>')</script>
</head><body onload="steal()">
<nav><a href="/">Startseite</a> <a href="/wirtschaft">Wirtschaft</a></nav>
<article>
<h1 onclick="alert(1)">Kühlwasser aus dem Fluss</h1>
<p onclick="alert('x')">Ein Rechenzentrum am Main will sein Kühlwasser künftig direkt aus dem Fluss entnehmen.
Die Betreiber versprechen, das Wasser nur um wenige Grad erwärmt zurückzuleiten.</p>
<script>var verfolgung = "<b>geheim</b>";</script>
<p>Die Genehmigungsbehörde prüft den Antrag seit dem Sommer. <img src="x.png" onerror="alert(2)">
Umweltverbände fordern ein unabhängiges Gutachten zu den Folgen für Fische im Sommer.</p>
<p onmouseover="alert(3)">Der Betreiber rechnet mit Einsparungen von rund 30 Prozent beim Strom für die Kühlung.</p>
</article>
<footer>Impressum · Datenschutz</footer>
</body></html>
"""

JSONL_ONE_BAD_LINE = (
    '{"title": "Netzausbau im Norden", "body": "Der Übertragungsnetzbetreiber legt eine neue Trasse fest."}\n'
    '{"title": "Abgeschnitten", "body": \n'
    '{"title": "Speicher für Windstrom", "body": "Ein Batteriespeicher mit 200 Megawattstunden entsteht."}\n'
)

NUL_TEXT = (
    "Wärmepumpen für das Rathaus\n\nDie Gemeinde tauscht\x00 ihre alte Ölheizung gegen zwei Wärmepumpen. "
    "Der Umbau kostet 1,2 Millionen Euro\x00 und soll bis zum Herbst fertig sein. Ein Zuschuss des Landes "
    "deckt die Hälfte der Kosten, den Rest trägt der Haushalt der Gemeinde in den nächsten Jahren.\n"
)

CP1252_TEXT = (
    "Größere Überraschung in Gößweinstein\n\n"
    "Die Bürgermeisterin sagte: „Wir hätten das nie erwartet.“ Die Straße zum Gewerbegebiet wird für "
    "12 Millionen Euro saniert – früher als geplant. Anwohner begrüßen die Entscheidung.\n"
)

BOM_CRLF_TEXT = (
    "Fernwärme aus Abwasser\n\n"
    "Das Klärwerk der Stadt gibt künftig Wärme an das Fernwärmenetz ab.\n"
    "Nach Angaben der Stadtwerke reicht sie für 3.000 Wohnungen; die Anlage kostet 9 Millionen Euro.\n"
)

TRUNCATED_JSON = '{"title": "Halbfertig", "body": "Dieser Text bricht mitten im'

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Energiewende-Ticker</title><link>https://ticker.example.de/</link>
<description>Kurzmeldungen</description>
<item><title>Erste Meldung: Umspannwerk eröffnet</title><link>https://ticker.example.de/1</link>
<pubDate>Mon, 03 Mar 2025 09:00:00 +0100</pubDate>
<description>Ein neues Umspannwerk bei Magdeburg ist in Betrieb gegangen.</description></item>
<item><title>Zweite Meldung: Elektrolyseur bestellt</title><link>https://ticker.example.de/2</link>
<pubDate>Tue, 04 Mar 2025 09:00:00 +0100</pubDate>
<description>kurz</description>
<content:encoded><![CDATA[<p>Ein Stahlwerk bestellt einen Elektrolyseur mit 100 Megawatt Leistung.</p>]]>
</content:encoded></item>
<item><title>Dritte Meldung: Ladepark wächst</title><link>https://ticker.example.de/3</link>
<pubDate>Wed, 05 Mar 2025 09:00:00 +0100</pubDate>
<description>Der Ladepark an der Autobahn bekommt zwanzig weitere Schnelllader.</description></item>
</channel></rss>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def run_import(*args: str) -> tuple[int, str, str]:
    """call_command with captured output (not a terminal: plain lines); returns (exit status, stdout, stderr)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    return code, out.getvalue(), err.getvalue()


def read_report(path: Path) -> tuple[dict, dict[str, dict]]:
    report = json.loads(path.read_text(encoding="utf-8"))
    return report, {Path(f["path"]).name: f for f in report["files"]}


def make_bad_folder(folder: Path) -> dict[str, str]:
    """A folder mixing good files with every kind of bad input; returns {file name: expected status}."""
    write(folder, "gut.txt", GOOD_TEXT)
    write(folder, "seite.html", HTML_PAGE)
    write(folder, "leer.txt", b"")
    write(folder, "bild.bin", bytes(range(256)) * 8)
    write(folder, "kaputt.json", TRUNCATED_JSON)
    write(folder, "meldungen.jsonl", JSONL_ONE_BAD_LINE)
    write(folder, "nul.txt", NUL_TEXT)
    write(folder, "riesig.txt", "Ein sehr langer Text über Stromnetze. " * 400)  # ~15 KB > SIZE_LIMIT
    write(folder, "unterordner/windows.txt", CP1252_TEXT.replace("\n", "\r\n").encode("cp1252"))
    write(folder, "unterordner/bom_crlf.txt", b"\xef\xbb\xbf" + BOM_CRLF_TEXT.replace("\n", "\r\n").encode())
    # An unreadable path. chmod 000 does not stop root (the tests run as root), so we use paths that
    # cannot be read by anyone: a symlink whose target is gone, and a named pipe (not a regular file).
    (folder / "verwaist.txt").symlink_to(folder / "gibt-es-nicht.txt")
    os.mkfifo(folder / "rohr.txt")
    return {
        "gut.txt": "imported", "seite.html": "imported", "leer.txt": "failed", "bild.bin": "failed",
        "kaputt.json": "failed", "meldungen.jsonl": "partial", "nul.txt": "imported", "riesig.txt": "failed",
        "windows.txt": "imported", "bom_crlf.txt": "imported", "verwaist.txt": "failed", "rohr.txt": "failed",
    }


# --- bad input fails alone -------------------------------------------------------------------------------


def test_every_bad_input_fails_alone_with_its_reason(tmp_path, settings):
    settings.FACTCHECK_MAX_IMPORT_BYTES = SIZE_LIMIT
    expected = make_bad_folder(tmp_path / "in")
    missing = tmp_path / "nicht-da.txt"
    report_path = tmp_path / "report.json"

    code, out, err = run_import(str(tmp_path / "in"), str(missing), "--no-extract", "--report", str(report_path))

    assert code == 1
    assert "Traceback" not in err
    report, files = read_report(report_path)
    expected["nicht-da.txt"] = "failed"
    assert {name: f["status"] for name, f in files.items()} == expected

    reasons = {name: (f["error"] or "") for name, f in files.items()}
    assert reasons["leer.txt"].startswith("empty file")
    assert reasons["bild.bin"].startswith("not a text file")
    assert "not valid JSON" in reasons["kaputt.json"] and "cut off" in reasons["kaputt.json"]
    assert reasons["riesig.txt"].startswith("file too large") and "limit" in reasons["riesig.txt"]
    assert reasons["verwaist.txt"] == "no such file"
    assert reasons["nicht-da.txt"] == "no such file"
    assert reasons["rohr.txt"] == "not a regular file"
    for name, status in expected.items():
        if status == "imported":
            assert reasons[name] == "" and files[name]["errors"] == [] and len(files[name]["articles"]) == 1
        if status == "failed":
            assert files[name]["articles"] == [] and files[name]["duplicates"] == []

    # JSON Lines: the good lines are stored, the bad one is named by its line number
    jsonl = files["meldungen.jsonl"]
    assert len(jsonl["articles"]) == 2
    assert [e["item"] for e in jsonl["errors"]] == [2]
    assert jsonl["errors"][0]["error"].startswith("line 2: not valid JSON")
    assert jsonl["error"] == "1 of 3 items failed"

    # counts: 5 single files + 2 JSON Lines entries; 8 failures (7 files and one line)
    assert (report["imported"], report["duplicates"], report["failed"]) == (7, 0, 8)
    assert Article.objects.count() == 7
    stored_ids = {i for f in report["files"] for i in f["articles"]}
    assert set(Article.objects.values_list("id", flat=True)) == stored_ids

    # every failure is on stderr with its reason; the summary on stdout
    for name, status in expected.items():
        if status in ("failed", "partial"):
            assert f"{status}: " in err and name in err
    assert "item 2: line 2: not valid JSON" in err
    assert "7 imported, 0 duplicates, 8 failed from 13 files" in out

    # what was stored is clean
    html = Article.objects.get(pk=files["seite.html"]["articles"][0])
    for text in (html.title, html.body):
        assert "<" not in text and ">" not in text
        for bad in ("script", "alert", "onclick", "onerror", "onload", "eingeschleust", "geheim"):
            assert bad not in text
    assert html.title.startswith("Kühlwasser")
    assert "Umweltverbände fordern" in html.body and "30 Prozent" in html.body

    nul = Article.objects.get(pk=files["nul.txt"]["articles"][0])
    assert "\x00" not in nul.body and "\x00" not in nul.title
    assert "Die Gemeinde tauscht ihre alte Ölheizung" in nul.body

    windows = Article.objects.get(pk=files["windows.txt"]["articles"][0])
    assert windows.title == "Größere Überraschung in Gößweinstein"
    assert "„Wir hätten das nie erwartet.“" in windows.body and "Straße" in windows.body
    assert "–" in windows.body and "\r" not in windows.body and windows.language == "de"

    bom = Article.objects.get(pk=files["bom_crlf.txt"]["articles"][0])
    assert bom.title == "Fernwärme aus Abwasser"
    assert "\ufeff" not in bom.body + bom.title and "\r" not in bom.body
    assert bom.body.startswith("Das Klärwerk")


def test_an_article_whose_claims_fail_is_not_half_written(tmp_path, monkeypatch):
    """One transaction per article: a database error after the article row was inserted (here in claim
    extraction) rolls back the article, its publisher and everything else it wrote; the rest is stored."""
    real_extract = services.claims_extract

    def failing_extract(*, article, **options):
        if "Sabotage" in article.title:
            raise DataError("value too long for type character varying(100)")
        return real_extract(article=article, **options)

    monkeypatch.setattr(services, "claims_extract", failing_extract)
    write(tmp_path / "in", "a_gut.txt", GOOD_TEXT)
    write(tmp_path / "in", "b_sabotage.json", json.dumps({
        "title": "Sabotage am Umspannwerk", "publisher": "Sabotage-Verlag",
        "url": "https://verlag.example.org/sabotage",
        "body": "Unbekannte haben in der Nacht ein Umspannwerk beschädigt; der Schaden liegt bei 2 Millionen Euro.",
    }))
    write(tmp_path / "in", "c_liste.jsonl", "\n".join(json.dumps(row) for row in [
        {"title": "Leitung genehmigt", "body": "Die Behörde genehmigt die Leitung nach Bayern."},
        {"title": "Sabotage an der Leitung", "body": "Ein Mast wurde angesägt, die Polizei ermittelt."},
        {"title": "Speicher eingeweiht", "body": "Der Speicher am Kraftwerk ist fertig."},
    ]) + "\n")
    report_path = tmp_path / "report.json"

    code, _out, err = run_import(str(tmp_path / "in"), "--report", str(report_path))

    assert code == 1 and "Traceback" not in err
    report, files = read_report(report_path)
    assert files["a_gut.txt"]["status"] == "imported"
    assert files["b_sabotage.json"]["status"] == "failed"
    assert files["b_sabotage.json"]["error"].startswith("not stored: value too long")
    assert files["c_liste.jsonl"]["status"] == "partial"
    assert files["c_liste.jsonl"]["errors"] == [{"item": 2, "error": "not stored: value too long for type "
                                                                      "character varying(100)"}]
    assert (report["imported"], report["failed"]) == (3, 2)

    assert not Article.objects.filter(title__contains="Sabotage").exists()
    assert not Article.objects.filter(url="https://verlag.example.org/sabotage").exists()
    assert not Publisher.objects.filter(name="Sabotage-Verlag").exists()
    assert sorted(Article.objects.values_list("title", flat=True)) == [
        "Leitung genehmigt", "Solarpark bei Cottbus geht ans Netz", "Speicher eingeweiht"]
    assert Article.objects.get(title__startswith="Solarpark").claims.exists()  # extraction did run

    # the failed article is not remembered as a duplicate: once the fault is gone it imports
    monkeypatch.setattr(services, "claims_extract", real_extract)
    code, _out, _err = run_import(str(tmp_path / "in" / "b_sabotage.json"), "--report", str(report_path))
    assert code == 0
    assert read_report(report_path)[1]["b_sabotage.json"]["status"] == "imported"


def test_an_unexpected_error_fails_one_article_or_file_alone(tmp_path, monkeypatch):
    """A bug of ours (not the input's fault) in one article or one file: reported, no traceback, the rest goes on."""
    from articles import import_runner

    real_extract, real_read = services.claims_extract, import_runner.read_file

    def buggy_extract(*, article, **options):
        if "Panne" in article.title:
            raise KeyError("speaker")
        return real_extract(article=article, **options)

    def buggy_read(path, **options):
        if path.name == "c_kaputt.jsonl":
            def items():
                yield from list(real_read(path, **options))[:1]
                raise RuntimeError("reader gave up")
            return items()
        return real_read(path, **options)

    monkeypatch.setattr(services, "claims_extract", buggy_extract)
    monkeypatch.setattr(import_runner, "read_file", buggy_read)
    write(tmp_path / "in", "a_panne.txt", "Panne im Umspannwerk\n\nNach einem Kurzschluss fiel der Strom aus.\n")
    write(tmp_path / "in", "b_gut.txt", GOOD_TEXT)
    write(tmp_path / "in", "c_kaputt.jsonl", JSONL_ONE_BAD_LINE)
    write(tmp_path / "in", "d_gut.txt", BOM_CRLF_TEXT)
    report_path = tmp_path / "report.json"

    code, _out, err = run_import(str(tmp_path / "in"), "--report", str(report_path))

    assert code == 1 and "Traceback" not in err
    report, files = read_report(report_path)
    assert files["a_panne.txt"]["status"] == "failed"
    assert files["a_panne.txt"]["error"] == "not stored: internal error (KeyError: 'speaker')"
    assert files["c_kaputt.jsonl"]["status"] == "partial"  # the first line was stored before the reader broke
    assert files["c_kaputt.jsonl"]["error"] == "could not be read (RuntimeError: reader gave up)"
    assert files["b_gut.txt"]["status"] == files["d_gut.txt"]["status"] == "imported"
    assert not Article.objects.filter(title__contains="Panne").exists()
    assert Article.objects.count() == 3 == report["imported"]


def test_nul_bytes_in_json_metadata_are_removed_not_fatal(tmp_path):
    write(tmp_path, "nul.json", json.dumps({
        "title": "Netz\u0000ausbau", "url": "https://zeitung.example.de/netz\u0000ausbau", "publisher": "Ver\u0000lag",
        "links": ["https://amt.example.org/plan\u0000feststellung"],
        "body": "Die Trasse\u0000 wird 2026 gebaut; Einzelheiten stehen im Planfeststellungsbeschluss.",
    }))  # json.dumps writes each NUL as the escape \u0000
    code, _out, err = run_import(str(tmp_path), "--no-extract")
    assert code == 0, err
    article = Article.objects.get()
    assert article.url == "https://zeitung.example.de/netzausbau" and article.title == "Netzausbau"
    assert article.publisher.name == "Verlag" and article.cited_urls == ["https://amt.example.org/planfeststellung"]
    assert "\x00" not in article.body


def test_a_file_name_that_is_not_utf8_is_imported_and_reported(tmp_path):
    """Zips from old Windows tools carry Latin-1 names; the file must not be lost for its name."""
    name = b"stra\xdfenbau.txt"  # "straßenbau.txt" in Latin-1: not valid UTF-8
    (tmp_path / "in").mkdir()
    with open(os.path.join(os.fsencode(tmp_path / "in"), name), "wb") as fh:
        fh.write(CP1252_TEXT.encode())
    report_path = tmp_path / "report.json"

    code, out, err = run_import(str(tmp_path / "in"), "--no-extract", "--report", str(report_path))

    assert code == 0, err
    report = json.loads(report_path.read_text(encoding="utf-8"))
    (entry,) = report["files"]
    assert entry["status"] == "imported" and entry["path"].endswith("stra\\xdfenbau.txt")
    assert Article.objects.get().source_file == entry["path"]
    assert "stra\\xdfenbau.txt" in out


def test_a_report_in_a_missing_folder_is_a_usage_error_before_anything_is_imported(tmp_path):
    write(tmp_path / "in", "gut.txt", GOOD_TEXT)
    with pytest.raises(CommandError, match="does not exist") as raised:
        call_command("import_articles", str(tmp_path / "in"), "--report", str(tmp_path / "fehlt" / "r.json"),
                     stdout=StringIO(), stderr=StringIO())
    assert raised.value.returncode == 2
    assert Article.objects.count() == 0


def test_a_folder_that_cannot_be_read_is_reported_not_skipped(tmp_path, monkeypatch):
    """chmod 000 does not stop root (the tests run as root), so the refusal is simulated in os.scandir."""
    write(tmp_path / "in" / "gesperrt", "a.txt", GOOD_TEXT)
    write(tmp_path / "in", "offen.txt", BOM_CRLF_TEXT)
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "gesperrt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report_path = tmp_path / "report.json"
    code, _out, err = run_import(str(tmp_path / "in"), "--no-extract", "--report", str(report_path))
    assert code == 1 and "Traceback" not in err
    report, files = read_report(report_path)
    assert files["gesperrt"] == {"path": str(tmp_path / "in" / "gesperrt"), "status": "failed", "articles": [],
                                 "duplicates": [], "error": "permission denied (the folder cannot be read)",
                                 "errors": []}
    assert files["offen.txt"]["status"] == "imported"
    assert (report["imported"], report["failed"]) == (1, 1)


def test_report_is_written_even_when_everything_failed(tmp_path):
    write(tmp_path / "in", "leer.txt", b"")
    write(tmp_path / "in", "bild.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    report_path = tmp_path / "report.json"
    code, out, err = run_import(str(tmp_path / "in"), "--report", str(report_path))
    assert code == 1 and "Traceback" not in err
    report, files = read_report(report_path)
    assert (report["imported"], report["duplicates"], report["failed"]) == (0, 0, 2)
    assert {f["status"] for f in files.values()} == {"failed"}
    assert all(f["error"] for f in files.values())
    assert "0 imported, 0 duplicates, 2 failed from 2 files" in out
    assert Article.objects.count() == 0


def _zip_with_an_encrypted_member() -> bytes:
    """A zip of two good texts and one member marked as encrypted (the flag bit set in both of its headers)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("texte/gut.txt", GOOD_TEXT)
        zf.writestr("texte/geheim.txt", "Geheim\n\nDieser Text ist verschlüsselt und bleibt es.\n")
        zf.writestr("texte/windows.txt", CP1252_TEXT.encode("cp1252"))
    data = bytearray(buffer.getvalue())
    name = b"texte/geheim.txt"
    for signature, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = data.find(signature)
        while data[at + name_at: at + name_at + len(name)] != name:
            at = data.find(signature, at + 1)
        data[at + flag_at] |= 1
    return bytes(data)


def test_a_damaged_zip_member_fails_alone_in_the_browser_upload(client, importer, settings, tmp_path,
                                                                  django_capture_on_commit_callbacks):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from articles.models import ImportJob

    settings.FACTCHECK_UPLOAD_DIR = tmp_path / "uploads"
    client.force_login(importer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("imports:start"), {"files": [
            # (the empty file is not last: UploadForm validates only the last file and refuses an empty one)
            SimpleUploadedFile("leer.txt", b""),
            SimpleUploadedFile("bündel.zip", _zip_with_an_encrypted_member(), content_type="application/zip"),
        ]})
    assert response.status_code == 302  # not a server error
    job = ImportJob.objects.get()
    assert job.state == "done"
    statuses = {Path(f["path"]).name: f["status"] for f in job.report["files"]}
    assert statuses == {"gut.txt": "imported", "windows.txt": "imported", "leer.txt": "failed"}
    assert job.report["problems"] == ["texte/geheim.txt: encrypted (password protected), not imported"]
    assert Article.objects.count() == 2
    page = client.get(response["Location"])
    assert "texte/geheim.txt: encrypted" in page.text


# --- idempotency -------------------------------------------------------------------------------------------


def test_the_same_file_twice_is_a_duplicate_of_the_first(tmp_path):
    write(tmp_path, "gut.txt", GOOD_TEXT)
    report_path = tmp_path / "report.json"
    assert run_import(str(tmp_path / "gut.txt"), "--no-extract", "--report", str(report_path))[0] == 0
    first = read_report(report_path)[1]["gut.txt"]["articles"][0]

    code, out, _err = run_import(str(tmp_path / "gut.txt"), "--no-extract", "--report", str(report_path))

    assert code == 0
    report, files = read_report(report_path)
    assert files["gut.txt"]["status"] == "duplicate" and files["gut.txt"]["duplicates"] == [first]
    assert files["gut.txt"]["articles"] == [] and files["gut.txt"]["error"] is None
    assert (report["imported"], report["duplicates"], report["failed"]) == (0, 1, 0)
    assert "0 imported, 1 duplicates, 0 failed" in out
    assert list(Article.objects.values_list("id", flat=True)) == [first]


def test_the_same_text_under_another_name_and_encoding_is_a_duplicate(tmp_path):
    write(tmp_path / "a", "original.txt", CP1252_TEXT)
    # the same article again: other name, Windows-1252, CRLF line ends, extra blank space
    write(tmp_path / "b", "kopie.txt", ("\r\n" + CP1252_TEXT.replace("\n", "  \r\n")).encode("cp1252"))
    report_path = tmp_path / "report.json"

    code, _out, _err = run_import(str(tmp_path / "a"), str(tmp_path / "b"), "--no-extract",
                                  "--report", str(report_path))

    assert code == 0
    _report, files = read_report(report_path)
    assert files["original.txt"]["status"] == "imported"
    assert files["kopie.txt"]["status"] == "duplicate"
    assert files["kopie.txt"]["duplicates"] == files["original.txt"]["articles"]
    assert Article.objects.count() == 1


def test_the_same_url_with_a_changed_body_is_a_duplicate(tmp_path):
    url = "https://zeitung.example.de/2025/04/pumpspeicher"
    write(tmp_path, "a.json", json.dumps({"title": "Pumpspeicher im Harz", "url": url,
                                          "body": "Ein altes Bergwerk wird zum Pumpspeicherkraftwerk umgebaut."}))
    write(tmp_path, "b.json", json.dumps({"title": "Pumpspeicher im Harz (aktualisiert)", "url": url,
                                          "body": "Ein altes Bergwerk wird zum Pumpspeicherkraftwerk umgebaut. "
                                                  "Update: Der Kreistag hat zugestimmt."}))
    report_path = tmp_path / "report.json"

    code, _out, _err = run_import(str(tmp_path), "--no-extract", "--report", str(report_path))

    assert code == 0
    report, files = read_report(report_path)
    assert files["a.json"]["status"] == "imported" and files["b.json"]["status"] == "duplicate"
    assert files["b.json"]["duplicates"] == files["a.json"]["articles"]
    assert (report["imported"], report["duplicates"]) == (1, 1)
    article = Article.objects.get()
    assert article.url == url and "Kreistag" not in article.body  # the first version is kept as it was


def _race(drafts: list[ArticleDraft]) -> list[services.ImportOutcome | BaseException]:
    """Import the drafts at the same moment, one thread (and database connection) each."""
    barrier = threading.Barrier(len(drafts))
    results: list[services.ImportOutcome | BaseException] = [None] * len(drafts)  # type: ignore[list-item]

    def work(n: int) -> None:
        try:
            barrier.wait(timeout=10)
            results[n] = services.article_import(draft=drafts[n], source_file=f"thread-{n}", extract=True)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            results[n] = exc
        finally:
            connection.close()

    threads = [threading.Thread(target=work, args=(n,)) for n in range(len(drafts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


@pytest.fixture
def slow_extraction(monkeypatch):
    """The thread that inserted keeps its transaction open a moment (as real extraction does), so the other
    thread's insert surely meets the uncommitted row: the unique constraint has to decide, and a
    check-then-insert would fail this test every time instead of now and then."""
    calls: list[int] = []

    def slow(*, article, **_options):
        calls.append(article.pk)
        time.sleep(0.3)
        return []

    monkeypatch.setattr(services, "claims_extract", slow)
    return calls


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_article_at_once_store_one_row(slow_extraction):
    for round_ in range(2):
        draft = ArticleDraft(title=f"Gleichzeitig {round_}", body=f"Zwei Importe zur selben Zeit, Runde {round_}.",
                             language="de")
        results = _race([draft, ArticleDraft(**vars(draft))])
        assert all(isinstance(r, services.ImportOutcome) for r in results), results
        assert sorted(r.duplicate for r in results) == [False, True]
        assert results[0].article_id == results[1].article_id
        assert Article.objects.filter(title=f"Gleichzeitig {round_}").count() == 1
    assert len(slow_extraction) == 2  # only the winner of each round went on to extraction


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_url_at_once_store_one_row(slow_extraction):
    url = "https://zeitung.example.de/gleichzeitig"
    drafts = [ArticleDraft(title="Fassung A", body="Die erste Fassung des Textes.", url=url),
              ArticleDraft(title="Fassung B", body="Die zweite, längere Fassung des Textes.", url=url)]
    results = _race(drafts)
    assert all(isinstance(r, services.ImportOutcome) for r in results), results
    assert sorted(r.duplicate for r in results) == [False, True]
    assert Article.objects.filter(url=url).count() == 1 == Article.objects.count()


# --- progress output, --format -----------------------------------------------------------------------------


def test_plain_progress_lines_when_output_is_not_a_terminal(tmp_path):
    write(tmp_path, "a.txt", GOOD_TEXT)
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.txt", GOOD_TEXT)  # same text: a duplicate
    code, out, _err = run_import(str(tmp_path), "--no-extract")
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("[")]
    assert len(lines) == 3
    assert re.match(r"^\[1/3\] imported: .*a\.txt\b", lines[0])
    assert re.match(r"^\[2/3\] failed: .*b\.txt\b", lines[1])
    assert re.match(r"^\[3/3\] duplicate: .*c\.txt\b", lines[2])
    assert "\x1b[" not in out  # no terminal control codes


@pytest.mark.django_db(transaction=True)  # the child process must see (and may write) committed rows
def test_on_a_terminal_a_progress_bar_and_never_a_traceback(tmp_path):
    """The real `manage.py import_articles` on a pseudo-terminal, over the folder of bad inputs."""
    make_bad_folder(tmp_path / "in")
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict, connection.settings_dict["NAME"]),
           "FACTCHECK_MAX_IMPORT_BYTES": str(SIZE_LIMIT), "TERM": "xterm-256color", "COLUMNS": "160"}
    env.pop("NO_COLOR", None)
    primary, secondary = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "manage.py", "import_articles", str(tmp_path / "in"), "--no-extract"],
            cwd=ROOT, env=env, stdout=secondary, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
        )
        os.close(secondary)
        chunks: list[bytes] = []
        while True:
            ready, _, _ = select.select([primary], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not chunk:
                break
            chunks.append(chunk)
        stderr = proc.stderr.read().decode()
        code = proc.wait(timeout=60)
    finally:
        os.close(primary)
    screen = b"".join(chunks).decode("utf-8", "replace")

    assert code == 1
    assert "Traceback" not in stderr and "Traceback" not in screen
    assert "failed: " in stderr and "no such file" in stderr and "file too large" in stderr
    assert "12/12" in screen  # rich's MofN column
    assert "5 ok · 0 dup · 7 failed" in screen  # the bar counts files; the partial JSON Lines file as failed
    assert "[1/12]" not in screen  # not the plain lines
    assert "7 imported, 0 duplicates, 7 failed from 12 files" in screen
    assert Article.objects.count() == 7


def test_format_json_forces_json_on_a_txt_file(tmp_path):
    write(tmp_path, "export.txt", json.dumps({"title": "Erzwungenes JSON", "url": "https://example.org/json",
                                              "body": "Der Inhalt steckt in einem JSON-Objekt, die Datei heißt .txt."}))
    report_path = tmp_path / "report.json"
    code, _out, _err = run_import(str(tmp_path / "export.txt"), "--format", "json", "--no-extract",
                                  "--report", str(report_path))
    assert code == 0
    article = Article.objects.get()
    assert (article.title, article.url) == ("Erzwungenes JSON", "https://example.org/json")
    assert article.body.startswith("Der Inhalt steckt") and "{" not in article.body

    write(tmp_path, "prosa.txt", GOOD_TEXT)  # forcing JSON on prose: a clear error, not a traceback
    code, _out, err = run_import(str(tmp_path / "prosa.txt"), "--format", "json", "--report", str(report_path))
    assert code == 1 and "Traceback" not in err
    assert read_report(report_path)[1]["prosa.txt"]["error"].startswith("not valid JSON")


def test_format_html_on_plain_text_still_yields_an_article(tmp_path):
    write(tmp_path, "notiz.txt", "Nur eine Notiz ohne Markup.\n\nDer Gemeinderat tagt am Donnerstag zum Windpark.\n")
    report_path = tmp_path / "report.json"
    code, _out, err = run_import(str(tmp_path), "--format", "html", "--no-extract", "--report", str(report_path))
    assert "Traceback" not in err
    entry = read_report(report_path)[1]["notiz.txt"]
    if code == 0:
        article = Article.objects.get(pk=entry["articles"][0])
        assert article.title and "Gemeinderat tagt" in article.body
    else:  # acceptable too, as long as the reason is clear
        assert code == 1 and entry["status"] == "failed" and entry["error"]


# --- export after import -----------------------------------------------------------------------------------


def test_export_keeps_source_index_and_source_file_of_a_feed(tmp_path):
    write(tmp_path / "in", "ticker.xml", RSS_FEED)
    write(tmp_path / "in", "meldungen.jsonl", JSONL_ONE_BAD_LINE)
    write(tmp_path / "in", "gut.txt", GOOD_TEXT)
    code, _out, _err = run_import(str(tmp_path / "in"), "--no-extract")
    assert code == 1  # the bad JSON line

    output = tmp_path / "articles.jsonl"
    call_command("export_articles", "--output", str(output))
    rows = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    by_file: dict[str, list[dict]] = {}
    for row in rows:
        by_file.setdefault(Path(row["source_file"]).name, []).append(row)

    feed = sorted(by_file["ticker.xml"], key=lambda r: r["source_index"])
    assert [r["source_index"] for r in feed] == [0, 1, 2]
    assert [r["title"] for r in feed] == ["Erste Meldung: Umspannwerk eröffnet", "Zweite Meldung: Elektrolyseur "
                                          "bestellt", "Dritte Meldung: Ladepark wächst"]
    assert [r["url"] for r in feed] == [f"https://ticker.example.de/{n}" for n in (1, 2, 3)]
    assert feed[1]["body"] == "Ein Stahlwerk bestellt einen Elektrolyseur mit 100 Megawatt Leistung."
    assert feed[0]["published_on"] == "2025-03-03" and feed[0]["date_precision"] == "day"
    assert all(r["source_file"] == str(tmp_path / "in" / "ticker.xml") for r in feed)
    # JSON Lines: the index is the line's position, so the bad line 2 leaves a gap
    assert sorted(r["source_index"] for r in by_file["meldungen.jsonl"]) == [0, 2]
    assert [r["source_index"] for r in by_file["gut.txt"]] == [None]


# --- a run remembers what it looked up ---------------------------------------------------------------------


def _solar_article(n: int) -> str:
    return (f"date 2025-04-{n:02d}\nSolarpark bei Cottbus wächst ({n})\n"
            f"Der Solarpark bei Cottbus bekommt {n * 10} Megawatt mehr. „Wir bauen den Park in diesem Jahr weiter "
            f"aus und suchen neue Flächen“, sagte die Betreiberin Ines Kolbe am Montag. Die Stadt Cottbus rechnet "
            f"mit {n} Millionen Euro Abgaben.\n")


def test_a_run_looks_each_name_up_once(tmp_path):
    """An import run remembers the publisher, topic and speaker rows behind the names it met: the second article
    on the same subject, from the same outlet and speaker, costs no look-up at all."""
    from django.test.utils import CaptureQueriesContext

    from articles.import_lookups import ImportLookups
    from articles.import_runner import import_file

    lookups = ImportLookups()
    first = import_file(write(tmp_path, "a.txt", _solar_article(1)), display="a.txt", lookups=lookups)
    with CaptureQueriesContext(connection) as queries:
        second = import_file(write(tmp_path, "b.txt", _solar_article(2)), display="b.txt", lookups=lookups)
    assert first.articles and second.articles and not second.errors
    looked_up = [q["sql"] for q in queries.captured_queries
                 if re.search(r'FROM "articles_(publisher|topic|speaker)"', q["sql"])]
    assert looked_up == []
    a, b = (Article.objects.get(pk=r.articles[0]) for r in (first, second))
    assert {c.topic_id for c in a.claims.all()} == {c.topic_id for c in b.claims.all()}
    speakers = {c.speaker_id for c in a.claims.filter(kind="quote")}
    assert speakers and speakers == {c.speaker_id for c in b.claims.filter(kind="quote")}


@pytest.mark.django_db(transaction=True)
def test_a_topic_merged_away_during_a_run_is_looked_up_again(tmp_path):
    """An editor merges a topic while a long import runs: the run's remembered topic is gone, the next article's
    commit fails on its foreign key, and the article is stored again with every name looked up afresh —
    nothing lost, nothing reported."""
    from articles.import_lookups import ImportLookups
    from articles.import_runner import import_file
    from articles.models import Topic

    lookups = ImportLookups()
    first = import_file(write(tmp_path, "a.txt", _solar_article(1)), display="a.txt", lookups=lookups)
    topics = {c.topic for c in Article.objects.get(pk=first.articles[0]).claims.all()} - {None}
    assert topics
    target = Topic.objects.create(slug="energie-sammlung", name="Energie (Sammlung)")
    for topic in topics:
        services.topic_merge(source=topic, target=target)

    second = import_file(write(tmp_path, "b.txt", _solar_article(2)), display="b.txt", lookups=lookups)

    assert second.articles and not second.errors and not second.error
    stored = Article.objects.get(pk=second.articles[0])
    assert stored.claims.exists()
    assert all(c.topic_id is None or Topic.objects.filter(pk=c.topic_id).exists() for c in stored.claims.all())
