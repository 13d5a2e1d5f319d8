"""A version stamp of the whole database that PostgreSQL keeps itself: it changes with every committed write.

The signed-in page cache (articles/workspace_cache.py) keys its pages by this stamp. Writes come from many
places that send no Django signal (bulk_create and queryset updates in imports, raw SQL in the suggestions,
the worker, the admin, restores), so the stamp is kept by triggers on every table instead of by the code that
writes:

- `factcheck_stamp_change`, a deferred constraint trigger on each row written, bumps the one row of
  `factcheck_change_stamp` at commit, once per transaction (a transaction-local setting remembers it did). The
  row lock is taken only at commit, so concurrent writers (an import and its helper, two editors) never wait
  on each other for the length of a transaction.
- `factcheck_note_change`, a statement trigger, counts the writes of the open transaction in the
  transaction-local setting `factcheck.changes`. The transaction itself sees its writes before it commits (a
  request inside a test's transaction, a view that writes and then renders).

Reading the stamp is one query. It is MVCC-consistent: a page rendered after the stamp was read shows at least
what that stamp counts, and a write committed later makes a new stamp, so no page is ever kept under a stamp
older than what it shows. TRUNCATE bumps the counter at once (it locks the table anyway).

Tables left out: sessions, the cache table, Django's migration list and the stamp itself (a login or a
cached page must not make every page stale).
"""

from __future__ import annotations

STAMP_TABLE = "factcheck_change_stamp"
# (articles_claimterm: written only by articles_claim's triggers, in the statement that writes the claims, which
# stamp the change themselves; a deferred trigger on each of its rows, ~40 an article, would add nothing)
UNSTAMPED_TABLES = {STAMP_TABLE, "django_session", "django_migrations", "factcheck_cache", "articles_claimterm"}

CREATE_SQL = """
CREATE TABLE factcheck_change_stamp (id smallint PRIMARY KEY CHECK (id = 1), n bigint NOT NULL);
INSERT INTO factcheck_change_stamp VALUES (1, 0);
CREATE FUNCTION factcheck_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM set_config('factcheck.changes',
    (coalesce(nullif(current_setting('factcheck.changes', true), ''), '0')::bigint + 1)::text, true);
  RETURN NULL;
END $$;
CREATE FUNCTION factcheck_stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('factcheck.stamped', true), '') <> '1' THEN
    PERFORM set_config('factcheck.stamped', '1', true);
    UPDATE factcheck_change_stamp SET n = n + 1 WHERE id = 1;
  END IF;
  RETURN NULL;
END $$;
CREATE FUNCTION factcheck_stamp_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE factcheck_change_stamp SET n = n + 1 WHERE id = 1;
  RETURN NULL;
END $$;
"""

DROP_SQL = """
DROP FUNCTION IF EXISTS factcheck_note_change() CASCADE;
DROP FUNCTION IF EXISTS factcheck_stamp_change() CASCADE;
DROP FUNCTION IF EXISTS factcheck_stamp_truncate() CASCADE;
DROP TABLE IF EXISTS factcheck_change_stamp;
"""

TRIGGERS = {
    "factcheck_note_change": "CREATE TRIGGER factcheck_note_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                             "ON {table} FOR EACH STATEMENT EXECUTE FUNCTION factcheck_note_change()",
    "factcheck_stamp_change": "CREATE CONSTRAINT TRIGGER factcheck_stamp_change AFTER INSERT OR UPDATE OR DELETE "
                              "ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                              "EXECUTE FUNCTION factcheck_stamp_change()",
    "factcheck_stamp_truncate": "CREATE TRIGGER factcheck_stamp_truncate AFTER TRUNCATE ON {table} "
                                "FOR EACH STATEMENT EXECUTE FUNCTION factcheck_stamp_truncate()",
}


def install_triggers(*, using: str = "default") -> int:
    """Give every table of the schema that lacks them the stamp's triggers (run after every migrate, so a table
    a later migration adds is stamped too); returns how many triggers were created."""
    from django.db import connections

    conn = connections[using]
    with conn.cursor() as cur:
        cur.execute("SELECT to_regclass(%s) IS NOT NULL", [STAMP_TABLE])
        if not cur.fetchone()[0]:
            return 0  # the migration that makes the stamp has not run (yet)
        cur.execute(
            """SELECT c.relname, array_remove(array_agg(t.tgname::text), NULL)
               FROM pg_class c
               JOIN pg_namespace ns ON ns.oid = c.relnamespace AND ns.nspname = current_schema()
               LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname = ANY(%s)
               WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
               GROUP BY c.relname""",
            [list(TRIGGERS)],
        )
        created = 0
        for table, present in cur.fetchall():
            if table in UNSTAMPED_TABLES:
                continue
            for name, sql in TRIGGERS.items():
                if name not in present:
                    cur.execute(sql.format(table=conn.ops.quote_name(table)))
                    created += 1
    return created


def on_post_migrate(using: str = "default", **kwargs) -> None:
    install_triggers(using=using)


def read(*, using: str = "default") -> str:
    """The stamp: committed writes, plus this connection's own uncommitted ones (inside a transaction). On a
    replica, the committed writes it has replayed."""
    from django.db import connections

    with connections[using].cursor() as cur:
        cur.execute("SELECT n, current_setting('factcheck.changes', true) FROM factcheck_change_stamp WHERE id = 1")
        row = cur.fetchone()
    if row is None:
        return ""
    return stamp(*row)


def stamp(committed: int, own: str | None) -> str:
    """The stamp of `committed` writes and this transaction's own uncommitted count ("" outside one)."""
    return f"{committed}.{own or ''}"


def committed(value: str) -> int:
    """The count of committed writes a stamp stands for."""
    head = value.split(".", 1)[0]
    return int(head) if head.isdigit() else 0
