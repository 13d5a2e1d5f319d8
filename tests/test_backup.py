"""`make backup` and `make restore`: a database with articles, claims, links and history comes back equal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from articles import services
from articles.models import Article, Claim
from factcheck.localdb import database_url, recreate_database
from tests.conftest import make_article

ROOT = Path(__file__).resolve().parent.parent
TABLES = ["articles_article", "articles_claim", "articles_claimlink", "articles_claimevent", "articles_speaker",
          "articles_claimlinkevent", "pghistory_context", "auth_user"]

pytestmark = pytest.mark.django_db(transaction=True)


def fingerprint(cursor) -> dict[str, str]:
    found = {}
    for table in TABLES:
        cursor.execute(f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM {table} t")
        found[table] = cursor.fetchone()
    return found


def manage(url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=300)


def test_backup_and_restore_round_trip(tmp_path, editor):
    article = Article.objects.get(pk=make_article(body="Der Bund gibt 5 Milliarden Euro. Später hieß es 3 Milliarden."))
    first = services.claim_create(article=article, kind="figure", text="5 Milliarden Euro", speaker="Ada Muster")
    second = services.claim_create(article=article, kind="figure", text="3 Milliarden Euro")
    services.claim_link(from_claim_id=first.pk, to_claim_id=second.pk, relation="contradicts", user=editor)
    Claim.objects.filter(pk=second.pk).update(text="drei Milliarden Euro")  # a recorded change
    with connection.cursor() as cursor:
        before = fingerprint(cursor)
    assert before["articles_claimevent"][0] >= 3

    source = database_url(connection.settings_dict, connection.settings_dict["NAME"])
    dump = tmp_path / "backup.dump"
    backup = manage(source, "backup_db", "--output", str(dump))
    assert backup.returncode == 0, backup.stderr[-2000:]
    assert dump.stat().st_size > 0

    target = recreate_database("test_factcheck_restore")
    restored = manage(target, "restore_db", str(dump))
    assert restored.returncode == 0, restored.stderr[-2000:]
    again = manage(target, "restore_db", str(dump))
    assert again.returncode != 0 and "not empty" in again.stderr, "a restore never mixes into existing data"

    import psycopg

    with psycopg.connect(target) as restored_db, restored_db.cursor() as cursor:
        assert fingerprint(cursor) == before
    with connection.cursor() as cursor:
        cursor.execute('DROP DATABASE "test_factcheck_restore" WITH (FORCE)')
