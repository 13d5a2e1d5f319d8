"""The database's change stamp: every committed write moves it, whoever writes, and writers never wait on it."""

from __future__ import annotations

import threading

import psycopg
import pytest
from django.db import connection, transaction

from articles import change_stamp
from articles.models import Article, Topic
from tests.conftest import make_article


def _connect(**extra) -> psycopg.Connection:
    """A second connection to the test database, however it is reached (embedded server's socket or TCP)."""
    params = connection.get_connection_params()
    wanted = {k: v for k, v in params.items() if k in ("dbname", "host", "port", "user", "password")}
    return psycopg.connect(**wanted, **extra)


@pytest.mark.django_db
def test_every_table_but_sessions_and_the_cache_is_stamped():
    with connection.cursor() as cur:
        cur.execute(
            """SELECT c.relname, count(t.tgname) FROM pg_class c
               JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
               LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname LIKE 'factcheck\\_%%'
               WHERE c.relkind = 'r' GROUP BY c.relname"""
        )
        counts = dict(cur.fetchall())
    assert counts["articles_claim"] == counts["auth_user"] == counts["django_admin_log"] == 3
    unstamped = {table for table, n in counts.items() if n == 0}
    assert unstamped <= change_stamp.UNSTAMPED_TABLES and "django_session" in unstamped
    assert all(n == 3 for table, n in counts.items() if table not in change_stamp.UNSTAMPED_TABLES)


@pytest.mark.django_db
def test_a_transaction_sees_its_own_writes_in_the_stamp():
    before = change_stamp.read()
    Topic.objects.create(name="Brücken", slug="bruecken")
    assert change_stamp.read() != before


@pytest.mark.django_db(transaction=True)
def test_a_commit_moves_the_stamp_once_and_a_rollback_not_at_all():
    before = change_stamp.read()
    with transaction.atomic():
        Topic.objects.create(name="Schulen", slug="schulen")
        Topic.objects.create(name="Straßen", slug="strassen")
    after = change_stamp.read()
    assert after != before and after.endswith(".")  # committed: nothing of its own left open
    assert int(after.split(".")[0]) == int(before.split(".")[0]) + 1
    with pytest.raises(RuntimeError), transaction.atomic():
        Topic.objects.create(name="Häfen", slug="haefen")
        raise RuntimeError
    assert change_stamp.read() == after
    Article.objects.filter(pk=make_article()).update(title="Neu")  # a queryset update sends no signal
    assert change_stamp.read() != after


@pytest.mark.django_db(transaction=True)
def test_concurrent_writers_do_not_wait_for_each_other():
    """The stamp's row is locked only at commit: an open transaction that wrote holds up no other writer."""
    first = _connect()
    try:
        with first.cursor() as cur:
            cur.execute("BEGIN")
            cur.execute("INSERT INTO articles_topic (name, slug) VALUES ('Wald', 'wald')")
        done = threading.Event()
        error: list[Exception] = []

        def second_writer() -> None:
            try:
                with _connect(autocommit=True) as other, other.cursor() as cur:
                    cur.execute("SET lock_timeout = '2s'")
                    cur.execute("INSERT INTO articles_topic (name, slug) VALUES ('Feld', 'feld')")
            except Exception as exc:  # noqa: BLE001 (reported below)
                error.append(exc)
            done.set()

        thread = threading.Thread(target=second_writer)
        thread.start()
        thread.join(10)
        assert done.is_set() and not error
        first.commit()
    finally:
        first.close()
    assert set(Topic.objects.values_list("slug", flat=True)) >= {"wald", "feld"}
