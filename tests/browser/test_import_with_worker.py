"""The browser import with a real worker: a `manage.py db_worker` process against the test database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import override_settings

from articles.models import Article
from factcheck.localdb import database_url
from tests.browser.axe import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "browser-import-password-7"
FILES = {
    "haushalt.txt": "date 2025-06-02\nHaushalt beschlossen\n\nDer Rat gibt 14 Millionen Euro für Brücken aus.\n",
    "seite.html": ('<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Neue Buslinie</title></head>'
                   "<body><article><h1>Neue Buslinie</h1><p>Die Linie fährt ab Juli alle 20 Minuten, sagte "
                   "die Verkehrsdezernentin am Dienstag.</p></article></body></html>"),
    "meldungen.jsonl": ('{"title": "Freibad öffnet", "body": "Das Freibad öffnet am 1. Juni mit 3 Becken.", '
                        '"date": "2025-05-20"}\n'),
}


@pytest.fixture
def worker(tmp_path):
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict, connection.settings_dict["NAME"])}
    log = open(tmp_path / "worker.log", "w+")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    yield process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
        log.close()


def test_browser_upload_is_imported_by_a_real_worker(page_factory, live_server, worker, django_user_model,
                                                    tmp_path, settings):
    settings.FACTCHECK_UPLOAD_DIR = tmp_path / "uploads"
    user = django_user_model.objects.create_user("imke", password=PASSWORD, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="import_articles"))
    paths = []
    for name, content in FILES.items():
        (tmp_path / name).write_text(content)
        paths.append(str(tmp_path / name))

    page = page_factory()
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        page.goto(f"{live_server.url}/accounts/login/?next=/imports/")
        page.fill("input[name=username]", "imke")
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.set_input_files("input[name=files]", paths)
        page.click("button:has-text('Import')")
        page.wait_for_selector(".job-state:text-is('done')", timeout=60_000)  # htmx polls the job page
    assert worker.poll() is None  # the worker is still serving
    rows = page.locator("table.report tbody tr")
    assert rows.count() == 3
    assert page.locator("tr.status-imported").count() == 3
    assert "Haushalt beschlossen" in page.content() and "Freibad öffnet" in page.content()
    assert Article.objects.count() == 3
    assert_accessible(page)
