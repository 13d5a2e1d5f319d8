"""Rows stored in bulk with their history events written by the same statement, not by pghistory's row trigger.

pghistory records an insert with a trigger on each row: a PL/pgSQL call that enters two exception blocks (a
subtransaction each), upserts the history context and inserts the event. That is ~85 µs a row: of the 105 ms
PostgreSQL spent storing 900 suggested links at a million claims, the trigger took 77. An import stores about
twelve suggested links an article.

`insert_events_sql` writes the same event rows from the rows a statement inserted (`RETURNING *`): the event
model's columns, the label "insert", the history context attached once for the statement. While such a statement
runs, the transaction-local setting HISTORY_WRITTEN is on, and the insert trigger's WHEN condition
(UNLESS_HISTORY_WRITTEN) lets those rows pass; every other insert still gets its event from the trigger.
"""

from __future__ import annotations

import pgtrigger

HISTORY_WRITTEN = "factcheck.history_written"
UNLESS_HISTORY_WRITTEN = pgtrigger.Condition(f"current_setting('{HISTORY_WRITTEN}', true) IS DISTINCT FROM 'on'")

# the setting is on only between these two statements; both are transaction-local, so a failure between them
# (which aborts the transaction or its savepoint) leaves it off
HISTORY_WRITTEN_ON = f"SELECT set_config('{HISTORY_WRITTEN}', 'on', true)"
HISTORY_WRITTEN_OFF = f"SELECT set_config('{HISTORY_WRITTEN}', '', true)"


def insert_events_sql(event_model, *, inserted: str) -> str:
    """INSERT of the "insert" events of the rows of the CTE `inserted` (an INSERT … RETURNING *), column for column
    as pghistory's trigger writes them."""
    from django.db import connection

    quote = connection.ops.quote_name
    computed = {
        "pgh_created_at": "NOW()",
        "pgh_label": "'insert'",
        "pgh_obj_id": f"{inserted}.{quote(event_model.pgh_tracked_model._meta.pk.column)}",
        "pgh_context_id": "(SELECT _pgh_attach_context())",  # once for the statement, as the trigger does per row
    }
    columns = [f.column for f in event_model._meta.concrete_fields if f.column != "pgh_id"]
    values = [computed.get(c, f"{inserted}.{quote(c)}") for c in columns]
    # (identifiers from the models, quoted; no value is written into the SQL)
    return (f"INSERT INTO {quote(event_model._meta.db_table)} ({', '.join(map(quote, columns))}) "  # noqa: S608
            f"SELECT {', '.join(values)} FROM {inserted}")
