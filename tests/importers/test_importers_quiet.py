"""An import prints its own errors and nothing of the libraries' log chatter."""

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from articles.importers import ImportFailed, read_bytes
from factcheck.localdb import database_url

ROOT = Path(__file__).resolve().parents[2]

# trafilatura finds nothing in it and logs "discarding data: None" at WARNING
EMPTY_PAGE = (
    b"<html><head><title>Nur ein Titel</title></head><body><div class='leer'></div>"
    b"<footer><p>Impressum und Kontakt stehen hier in einem langen Satz ohne Artikel.</p></footer></body></html>"
)
GOOD_PAGE = (
    "<html lang='de'><head><title>Neue Radwege für die Altstadt</title></head><body><article>"
    "<p>Die Stadt baut bis zum Herbst vier Kilometer neue Radwege durch die Altstadt, teilte die Verwaltung mit.</p>"
    "<p>Die Kosten liegen bei 2,1 Millionen Euro; das Land übernimmt rund die Hälfte davon.</p>"
    "</article></body></html>"
).encode()


def test_library_warnings_are_not_logged_while_reading(caplog):
    with caplog.at_level(logging.DEBUG):
        items = []
        try:
            items = list(read_bytes(EMPTY_PAGE, name="leer.html"))
        except ImportFailed as exc:
            assert "no article text" in str(exc)
        list(read_bytes(GOOD_PAGE, name="gut.html"))
    noisy = [r for r in caplog.records if r.name.split(".")[0] in {"trafilatura", "htmldate", "courlan", "justext"}]
    assert noisy == [], [r.getMessage()[:80] for r in noisy]
    assert all(not getattr(item, "body", "") for item in items)


@pytest.mark.django_db(transaction=True)  # the child process must see the test database
def test_the_import_command_prints_real_errors_and_no_library_chatter(tmp_path):
    (tmp_path / "leer.html").write_bytes(EMPTY_PAGE)
    (tmp_path / "gut.html").write_bytes(GOOD_PAGE)
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict, connection.settings_dict["NAME"])}
    result = subprocess.run(
        [sys.executable, "manage.py", "import_articles", str(tmp_path), "--no-extract"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1  # one file failed
    assert "leer.html" in result.stderr and "no article text" in result.stderr  # the real error is told
    assert "discarding" not in result.stderr and "trafilatura" not in result.stderr
    assert "Traceback" not in result.stderr
    # nothing but our own lines: one per failed file
    assert [line for line in result.stderr.splitlines() if line.strip()] == [
        line for line in result.stderr.splitlines() if line.startswith("failed: ")
    ]
    assert "1 imported" in result.stdout
