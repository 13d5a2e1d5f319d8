"""`import_articles --jobs 2`: a helper process makes the link suggestions while the import goes on, and an
editor finds exactly the suggestions a one-process import makes."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from articles import benchdata
from articles.import_runner import PendingSuggestions, import_paths
from articles.linking import candidates
from articles.linking.judge.features import subject_keys
from articles.models import Article, Claim, ClaimLink
from factcheck.localdb import database_url

ROOT = Path(__file__).resolve().parent.parent

# the helper must see the importer's committed claims: real transactions, not one wrapped around the test
pytestmark = pytest.mark.django_db(transaction=True)


def claim_key(claim: Claim) -> tuple:
    return (claim.article.url, claim.kind, claim.span_start, claim.span_end, claim.quantity_value,
            claim.quantity_unit)


def suggestions() -> list[tuple]:
    """Every link an editor would see, by what the claims say (ids differ between two imports)."""
    links = ClaimLink.objects.select_related("from_claim__article", "to_claim__article")
    return sorted((claim_key(link.from_claim), claim_key(link.to_claim), link.relation, link.state, link.score,
                   link.rationale) for link in links)


# one helper; two, whose batches finish in any order; no --jobs: one helper a core
@pytest.mark.parametrize("jobs", [2, 3, None])
def test_helper_processes_make_the_same_suggestions_as_one_process(tmp_path, monkeypatch, jobs):
    rng = random.Random(5)
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(benchdata.jsonl_line(i, rng, paragraphs=2) for i in range(36)) + "\n")
    monkeypatch.setattr(PendingSuggestions, "BATCH", 25)  # several batches from a small file

    # this process read the common terms earlier (its reading is kept for minutes) and PostgreSQL's statistics
    # say otherwise by now: the helper must leave out the same terms as this process
    import_paths([path])
    keys = Counter(k for terms in Claim.objects.values_list("terms", flat=True) for k in subject_keys(list(terms)))
    Article.objects.all().delete()
    monkeypatch.setattr(candidates, "_COMMON", (time.monotonic(), frozenset(keys)))

    serial = import_paths([path])
    expected = suggestions()
    assert serial["imported"] == 36 and len(expected) > 30

    Article.objects.all().delete()  # claims and links go with their articles
    started = []
    start = PendingSuggestions._start_helpers

    def spy(self):
        start(self)
        started.append(self.helpers if self._pool is not None else 0)

    monkeypatch.setattr(PendingSuggestions, "_start_helpers", spy)
    report = tmp_path / "report.json"
    call_command("import_articles", str(path), *(["--jobs", str(jobs)] if jobs else []), "--report", str(report))

    cores = len(os.sched_getaffinity(0))
    assert started == [(jobs or cores + 1) - 1]  # the helpers really ran, one a core by default
    assert Article.objects.count() == 36
    assert suggestions() == expected
    assert "_helper_stats" not in report.read_text()  # the report keeps the documented format


def test_jobs_must_be_positive(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--jobs"):
        call_command("import_articles", str(tmp_path), "--jobs", "0")


def test_a_run_turns_the_flush_wait_off_once_for_its_session_and_back_after(tmp_path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    rng = random.Random(9)
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(benchdata.jsonl_line(i, rng) for i in range(4)) + "\n")
    with CaptureQueriesContext(connection) as queries:
        report = import_paths([path])
    assert report["imported"] == 4
    sets = [q["sql"] for q in queries.captured_queries if "synchronous_commit" in q["sql"]]
    assert sets == ["SET synchronous_commit TO OFF", "RESET synchronous_commit"]  # not one an article
    with connection.cursor() as cursor:
        cursor.execute("SHOW synchronous_commit")
        assert cursor.fetchone()[0] == "on"


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def test_a_ctrl_c_stops_after_an_article_and_the_stored_claims_get_every_suggestion(tmp_path, monkeypatch):
    """Ctrl-C on the terminal (SIGINT to the command and its helpers) during the real command, helpers on by
    default: it stops after an article, reports what it did not reach, and the claims it stored get exactly
    the suggestions an import of just those articles makes. No traceback."""
    rng = random.Random(9)
    lines = [benchdata.jsonl_line(i, rng) for i in range(3000)]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines) + "\n")
    report = tmp_path / "report.json"
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict, connection.settings_dict["NAME"])}
    proc = subprocess.Popen([sys.executable, "manage.py", "import_articles", str(path), "--report", str(report)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline and not (
        Article.objects.count() >= 100 and _children(proc.pid)  # past the first batch: the helpers run
    ):
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)

    assert proc.returncode == 1, err
    assert "Traceback" not in err + out
    assert "stopped after" in err and "interrupted (Ctrl-C)" in err
    stored = Article.objects.count()
    assert 100 <= stored < len(lines)
    assert json.loads(report.read_text())["imported"] == stored
    assert f"{stored} imported" in out
    interrupted = suggestions()
    assert interrupted
    # the claims are fewer than a term needs to be common: no term is left out, here or in the command
    assert Claim.objects.count() < candidates.SUBJECT_MAX_CLAIMS
    monkeypatch.setattr(candidates, "_COMMON", (time.monotonic(), frozenset()))

    Article.objects.all().delete()
    path.write_text("\n".join(lines[:stored]) + "\n")  # the articles the interrupted run stored, in one process
    import_paths([path])
    assert suggestions() == interrupted
