"""Times the editors' two queues with many claims and open suggestions (synthetic rows through SQL).

    manage.py bench_review --claims 1000000 --suggestions 100000

Fills the database in use up to the given numbers (never deletes), then requests each page 20 times as an
editor through the in-process client and prints the median time and the query count.
"""

from __future__ import annotations

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

PAGES = [
    ("floor: /healthz", "/healthz"),
    ("public timeline / (comparison)", "/"),
    ("suggestions queue", "/review/suggestions/"),
    ("suggestions, topic filter", "/review/suggestions/?topic=bench-topic-7"),
    ("suggestions, page 2", None),
    ("claim queue (candidates)", "/review/"),
    ("claim queue, all + speaker", "/review/?status=&speaker=Bench+Speaker+42"),
    ("claim queue, open suggestions", "/review/?status=candidate&open=1"),
    ("claim queue, older page", None),
]


class Command(BaseCommand):
    help = "Benchmark the editors' queues with many claims and open suggestions."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--claims", type=int, default=100_000)
        parser.add_argument("--suggestions", type=int, default=10_000)

    def _fill(self, claims: int, suggestions: int) -> None:
        from articles.models import Claim, ClaimLink

        have = Claim.objects.count()
        with connection.cursor() as cur:
            cur.execute("SET session_replication_role = replica")  # no history rows: not editors' work
            if have < claims:
                n = claims - have
                cur.execute("SELECT COALESCE(MAX(id), 0) FROM articles_article")
                a0 = cur.fetchone()[0]
                n_articles = max(n // 10, 1)
                cur.execute(
                    """INSERT INTO articles_article (title, url, content_hash, published_on, date_precision,
                           language, body, cited_urls, source_file, imported_at)
                       SELECT 'Review bench ' || g, NULL, md5('rb-' || %s || '-' || g) || md5('y-' || %s || '-' || g),
                              date '2025-01-01' + (g %% 300), 'day', CASE WHEN g %% 3 = 0 THEN 'en' ELSE 'de' END,
                              repeat('Ein Satz davor. ', 40) || 'Die Stadt plant ' || g || ' Euro. '
                              || repeat('Ein Satz danach. ', 40), '{}', 'bench', now()
                       FROM generate_series(1, %s) g""", [a0, a0, n_articles])
                cur.execute("INSERT INTO articles_speaker (name, key, kind, name_variants) "
                            "SELECT 'Bench Speaker ' || g, 'speaker ' || g, 'person', '{}' "
                            "FROM generate_series(1, 500) g ON CONFLICT DO NOTHING")
                cur.execute("INSERT INTO articles_topic (slug, name) SELECT 'bench-topic-' || g, 'Bench topic ' || g "
                            "FROM generate_series(1, 200) g ON CONFLICT DO NOTHING")
                cur.execute(
                    """INSERT INTO articles_claim (article_id, kind, text, span_start, span_end, speaker_id,
                           said_on, quantity_value, quantity_unit, quantity_bound, unit_inferred, topic_id, terms,
                           status, verdict, published, version, stated_on_source, explanation, created_at,
                           updated_at)
                       SELECT %(a0)s + 1 + (g %% %(na)s), 'figure', 'Die Stadt plant ' || g || ' Euro.', 640, 660,
                              (SELECT MIN(id) FROM articles_speaker WHERE name LIKE 'Bench Speaker %%') + g %% 500,
                              date '2025-01-01' + (g %% 300), g, 'EUR', 'eq', false,
                              (SELECT MIN(id) FROM articles_topic WHERE slug LIKE 'bench-topic-%%') + g %% 200, '{}',
                              (ARRAY['candidate','accepted','rejected'])[1 + g %% 3], '', false, 1, '', '', now(),
                              now()
                       FROM generate_series(1, %(n)s) g""", {"a0": a0, "na": n_articles, "n": n})
            open_now = ClaimLink.objects.filter(state="suggested").count()
            if open_now < suggestions:
                cur.execute(
                    """INSERT INTO articles_claimlink (from_claim_id, to_claim_id, relation, state, rationale, score,
                           created_at, updated_at)
                       SELECT id, id + 7, 'contradicts', 'suggested', 'bench: figures differ', random(), now(), now()
                       FROM articles_claim WHERE id %% 3 = 0 AND id + 7 <= (SELECT MAX(id) FROM articles_claim)
                       ORDER BY id DESC LIMIT %s ON CONFLICT DO NOTHING""", [suggestions - open_now])
            cur.execute("SET session_replication_role = DEFAULT")
            cur.execute("ANALYZE articles_claim")
            cur.execute("ANALYZE articles_claimlink")
            cur.execute("ANALYZE articles_article")

    def handle(self, *args, **options) -> None:
        from django.contrib.auth import get_user_model
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from articles.models import Claim, ClaimLink

        started = time.perf_counter()
        self._fill(options["claims"], options["suggestions"])
        self.stdout.write(f"filled in {time.perf_counter() - started:.0f} s: {Claim.objects.count():,} claims, "
                          f"{ClaimLink.objects.filter(state='suggested').count():,} open suggestions")
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
        user, _ = get_user_model().objects.get_or_create(username="bench-editor", defaults={"is_superuser": True})
        client = Client()
        client.force_login(user)
        from articles import review_selectors as rs

        _, next_cursor = rs.suggestion_queue(filters=rs.SuggestionFilters())
        _, older = rs.claim_queue(filters=rs.ClaimFilters())
        urls = []
        for label, url in PAGES:
            if url is None and "suggestions" in label:
                url = f"/review/suggestions/?start={next_cursor}"
            elif url is None:
                url = f"/review/?after={older}"
            urls.append((label, url))
        for label, url in urls:
            times = []
            for _ in range(20):
                with CaptureQueriesContext(connection) as queries:
                    t = time.perf_counter()
                    response = client.get(url, secure=True)
                    times.append(time.perf_counter() - t)
                assert response.status_code == 200, (url, response.status_code)
            self.stdout.write(f"  {label:32} median {statistics.median(times) * 1000:6.1f} ms, "
                              f"worst {max(times) * 1000:6.1f} ms, {len(queries)} queries")
