"""The helper processes of `import_articles --jobs N`: they make the link suggestions for batches of claims the
importing process has committed (see import_runner.PendingSuggestions).

Started by spawning, so this module imports nothing of Django at import time: the helper sets Django up first.
"""

from __future__ import annotations

import contextlib
import logging

log = logging.getLogger("articles.import_runner")


def start(database_name: str, common_terms: frozenset[str]) -> None:
    """A helper's first step: Django, the database the importing process uses (the test database under
    pytest, say), and the importing process's reading of the common terms (PostgreSQL's statistics may be
    refreshed by an ANALYZE meanwhile: a batch must leave out the terms it would have left out there)."""
    import signal

    import django

    # a Ctrl-C on the terminal reaches every process of the group: the importing process decides (it stops after
    # its article and waits for the batches handed over), so a helper finishes its batch
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    django.setup()
    from django.db import connection

    from articles.linking import candidates

    connection.settings_dict["NAME"] = database_name
    candidates.pin_common_terms(common_terms)
    # what Django and the judge's word lists made at start lives as long as the helper: out of the cyclic
    # collector's way (import_runner.objects_so_far_left_out_of_gc)
    import gc

    gc.freeze()


def suggest_batch(ids: list[int], history: dict | None, *, helper: bool = False) -> tuple[str | None, dict]:
    """Suggest links for one batch; returns the report's warning when the database refused, and (in a helper)
    what the batch cost the database."""
    from django.db import DatabaseError

    from articles.import_runner import QueryStats
    from articles.services import history_context
    from articles.suggestions import suggest_links

    stats = QueryStats()
    try:
        with stats.counting() if helper else contextlib.nullcontext(), \
                history_context(**history) if history is not None else contextlib.nullcontext():
            suggest_links(claim_ids=ids)
    except DatabaseError as exc:  # the articles and claims are stored; only the suggestions are missing
        log.warning("suggestions not made: %s", exc)
        return f"suggestions for {len(ids)} claims not made: {str(exc).splitlines()[0][:200]}", stats.as_dict()
    return None, stats.as_dict()
