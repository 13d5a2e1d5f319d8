"""`make bench`: prints figures, asserts nothing.

Runs in a scratch database (`factcheck_bench`) beside the default one. Parts:
  import      articles/s for text, HTML and JSON Lines at 1,000 and 10,000 synthetic articles, extraction on;
              with --claims N into a database first filled to N claims (--articles, --formats to narrow it)
  memory      peak RSS of import_articles on JSON Lines files of growing size (streamed, so it stays flat)
  extraction  ms per article for claim extraction alone
  pages       every page of the site served by gunicorn (2 workers) from a scratch database of --claims N claims
              (factcheck_bench_pages, kept with --reuse): requests/s, p50, p99, queries, ratio to /healthz;
              --json FILE writes the same (format in shared docs/interfaces.md)
  suggest     suggestion time per new claim with 10,000 and 1,000,000 claims in the database
"""

from __future__ import annotations

import json
import os
import random
import re
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from articles import benchdata, benchpages
from articles.import_runner import default_jobs
from factcheck.localdb import database_url, recreate_database

PARTS = ["extraction", "import", "memory", "pages", "suggest"]
INTERNAL_PARTS = ["fill"]


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


class Command(BaseCommand):
    help = "Benchmarks; prints figures."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--part", action="append", choices=PARTS + INTERNAL_PARTS,
                            help="run only these parts (repeatable)")
        parser.add_argument("--quick", action="store_true", help="smaller sizes (a smoke run)")
        parser.add_argument("--in-scratch", action="store_true", help=Command.__doc__ and "internal")
        parser.add_argument("--claims", type=int, default=None,
                            help="pages: claims in the scratch database (default 10,000; 1,000 with --quick)")
        parser.add_argument("--reuse", action="store_true",
                            help="pages: keep the scratch database between runs (filled up to --claims)")
        parser.add_argument("--seconds", type=float, default=4.0, help="pages: load time per page")
        parser.add_argument("--json", metavar="FILE", help="pages: write the figures as JSON")
        parser.add_argument("--articles", type=int, help="import: this many articles per format (one size)")
        parser.add_argument("--formats", default="text,html,jsonl", help="import: formats, comma-separated")
        parser.add_argument("--paragraphs", type=int, default=1,
                            help="import: paragraphs per synthetic article (1 ≈ 0.6 KB; 6 ≈ 3.5 KB, a news article)")
        parser.add_argument("--jobs", type=int,
                            help="import: import_articles --jobs (processes; default: its own, the cores + 1)")
        parser.add_argument("--mib", help="memory: file sizes in MiB, comma-separated (default 25,50,100; 5,10,20 "
                                           "with --quick)")
        parser.add_argument("--database", default="factcheck_bench",
                            help="import/memory/suggest: the scratch database's name (on the server in use)")

    def handle(self, *args, **options) -> None:
        parts = options["part"] or PARTS
        self.quick = options["quick"]
        self.options = options
        self.claims = options["claims"] or (1000 if self.quick else 10_000)
        if options["in_scratch"]:
            for part in parts:
                getattr(self, f"part_{part}")()
            return
        self.manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        if "pages" in parts:
            self.pages_in_own_database()
            parts = [p for p in parts if p != "pages"]
            if not parts:
                return
        name = options["database"]
        with connection.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            exists = cur.fetchone() is not None
        reuse = exists and options["reuse"] and options["claims"] and set(parts) <= {"import", "fill"}
        url = database_url(connection.settings_dict, name) if reuse else recreate_database(name)
        self.env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "0"}
        subprocess.run([*self.manage, "migrate", "--noinput", "-v", "0"], env=self.env, check=True)
        self.stdout.write(f"factcheck bench · {os.cpu_count()} cores · PostgreSQL scratch database {name}"
                          f"{' (reused)' if reuse else ''} · load average {_load()}")
        if options["claims"] and "import" in parts:  # import into a database that already holds N claims
            subprocess.run([*self.manage, "bench", "--in-scratch", "--part", "fill", "--claims", str(self.claims)],
                           env=self.env, check=True)
        for part in parts:
            if part in ("import", "memory"):
                getattr(self, f"part_{part}")()
            else:
                flags = ["--quick"] if self.quick else []
                subprocess.run([*self.manage, "bench", "--in-scratch", "--part", part, *flags], env=self.env,
                               check=True)

    # --- parts run from the parent: they time the real command -------------------------------------

    def _import(self, files: list[Path] | Path, *extra: str) -> dict:
        """Run import_articles; returns what it reports (seconds, imported, queries, time in the database) and what
        the kernel says of the command's processes (CPU seconds, peak RSS in MiB)."""
        paths = [str(p) for p in (files if isinstance(files, list) else [files])]
        with tempfile.NamedTemporaryFile(suffix=".json") as stats_file:
            proc = subprocess.Popen([*self.manage, "import_articles", *paths, *extra, "--stats", stats_file.name],
                                    env=self.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
            out = proc.stdout.read() if proc.stdout else ""
            _, _, usage = os.wait4(proc.pid, 0)
            proc.returncode = 0
            stats = json.loads(Path(stats_file.name).read_text() or "{}")
        match = re.search(r"(\d+) imported, (\d+) duplicates, (\d+) failed from \d+ files in ([\d.]+)s", out)
        if not match:
            raise RuntimeError(f"unexpected import output: {out[-500:]}")
        # --jobs: the workers are the command's children; RUSAGE_CHILDREN of ours holds them after wait4
        return {"seconds": float(match.group(4)), "imported": int(match.group(1)), **stats,
                "cpu": usage.ru_utime + usage.ru_stime, "rss": usage.ru_maxrss // 1024}

    def part_import(self) -> None:
        jobs = self.options["jobs"]
        paragraphs = self.options["paragraphs"]
        processes = f"--jobs {jobs}" if jobs else f"import_articles' default: {default_jobs()} processes"
        self.stdout.write(f"\nimport (extraction and suggestions on; one file per article for text and HTML; "
                          f"{paragraphs} paragraph(s) an article; {processes})")
        sizes = [100, 300] if self.quick else [1000, 10000]
        if self.options["articles"]:
            sizes = [self.options["articles"]]
        offset = secrets.randbelow(1000) * 1_000_000_000  # a reused database already holds earlier runs' articles
        for fmt in self.options["formats"].split(","):
            for n in sizes:
                offset += 10_000_000
                rng = random.Random(n)
                with tempfile.TemporaryDirectory() as tmp:
                    if fmt == "jsonl":
                        path = Path(tmp) / "bench.jsonl"
                        path.write_text("\n".join(benchdata.jsonl_line(offset + i, rng, paragraphs=paragraphs)
                                                  for i in range(n)) + "\n")
                        size = path.stat().st_size
                    else:
                        path = Path(tmp)
                        size = 0
                        for i in range(n):
                            name = f"a{i:05d}.{'txt' if fmt == 'text' else 'html'}"
                            maker = benchdata.text_file if fmt == "text" else benchdata.html_file
                            size += (path / name).write_text(maker(offset + i, rng, paragraphs=paragraphs))
                    load = _load()
                    r = self._import(path, *(["--jobs", str(jobs)] if jobs else []))
                imported = max(r["imported"], 1)
                db_cpu = r.get("db_cpu")
                self.stdout.write(
                    f"  {fmt:5} {n:6d} articles ({size / n / 1024:.1f} KB each): "
                    f"{r['imported'] / r['seconds']:7.1f} articles/s ({r['seconds']:.1f} s, {r['imported']} imported); "
                    f"per article: app CPU {r['cpu'] / imported * 1000:.1f} ms, "
                    f"PostgreSQL CPU {db_cpu / imported * 1000 if db_cpu is not None else float('nan'):.1f} ms, "
                    f"waiting on queries {r.get('db_wall', 0) / imported * 1000:.1f} ms, "
                    f"{r.get('queries', 0) / imported:.1f} queries; peak RSS {r['rss']} MiB; load before {load}"
                )

    def part_memory(self) -> None:
        self.stdout.write("\nmemory: peak RSS of import_articles --no-extract on JSON Lines (streamed)")
        sizes = [5, 10, 20] if self.quick else [25, 50, 100]
        if self.options["mib"]:
            sizes = [int(x) for x in self.options["mib"].split(",")]
        offset = 50_000_000
        for mib in sizes:
            offset += 1_000_000
            rng = random.Random(mib)
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "big.jsonl"
                with open(path, "w", encoding="utf-8") as fh:
                    i = 0
                    while fh.tell() < mib * 1024 * 1024:
                        fh.write(benchdata.jsonl_line(offset + i, rng, padding=300) + "\n")
                        i += 1
                r = self._import(path, "--no-extract")
            self.stdout.write(f"  {mib:4d} MiB file, {r['imported']:6d} articles: peak RSS {r['rss']} MiB "
                              f"({r['imported'] / r['seconds']:.0f} articles/s without extraction)")

    # --- parts run inside the scratch database ----------------------------------------------------

    def part_extraction(self) -> None:
        from articles.extraction import extract_claims

        rng = random.Random(7)
        texts = [benchdata.german_article(i, rng)[1] if i % 3 else benchdata.english_article(i, rng)[1]
                 for i in range(300)]
        extract_claims(texts[0], language="de", published_on=None)  # warm caches
        started = time.perf_counter()
        claims = sum(len(extract_claims(t, language="de" if i % 3 else "en", published_on=None))
                     for i, t in enumerate(texts))
        per = (time.perf_counter() - started) / len(texts)
        self.stdout.write(
            f"\nextraction: {_ms(per)} per synthetic article (~0.6 KB), {claims / len(texts):.1f} claims each"
        )
        seeds = Path(settings.BASE_DIR).parent / "shared" / "seeds" / "articles"
        if seeds.is_dir():
            bodies = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
            started = time.perf_counter()
            for _ in range(5):
                for body in bodies:
                    extract_claims(body, language="de", published_on=None)
            per = (time.perf_counter() - started) / (5 * len(bodies))
            size = sum(map(len, bodies)) / len(bodies) / 1024
            self.stdout.write(f"extraction: {_ms(per)} per seed article (~{size:.1f} KB, ../shared/seeds)")

    def _fill(self, claims: int, *, published: bool) -> None:
        """Bulk synthetic rows through SQL (history triggers skipped: this is not editors' work)."""
        n_articles = max(claims // 10, 1)
        with connection.cursor() as cur:
            cur.execute("SET session_replication_role = replica")
            cur.execute("SELECT COALESCE(MAX(id), 0) FROM articles_article")
            a0 = cur.fetchone()[0]
            cur.execute("SELECT COALESCE(MAX(id), 0) FROM articles_claim")
            c0 = cur.fetchone()[0]
            cur.execute(
                """INSERT INTO articles_article (title, url, content_hash, published_on, date_precision, language,
                       body, cited_urls, source_file, imported_at)
                   SELECT 'Bench article ' || g, NULL, md5('bench' || g || %s) || md5('x' || g || %s),
                          date '2025-01-01' + (g %% 300), 'day', 'de', 'Body of bench article ' || g, '{}',
                          'bench', now()
                   FROM generate_series(1, %s) g""",
                [a0, a0, n_articles],
            )
            cur.execute("INSERT INTO articles_speaker (name, key, kind, name_variants) SELECT 'Bench Speaker ' || g, "
                        "'speaker ' || g, 'person', '{}' FROM generate_series(1, 500) g ON CONFLICT DO NOTHING")
            cur.execute("INSERT INTO articles_topic (slug, name) SELECT 'bench-topic-' || g, 'Bench topic ' || g "
                        "FROM generate_series(1, 200) g ON CONFLICT DO NOTHING")
            cur.execute("SELECT MIN(id) FROM articles_speaker WHERE name LIKE 'Bench Speaker %'")
            s0 = cur.fetchone()[0]
            cur.execute("SELECT MIN(id) FROM articles_topic WHERE slug LIKE 'bench-topic-%'")
            t0 = cur.fetchone()[0]
            cur.execute(
                """INSERT INTO articles_claim (article_id, kind, text, span_start, span_end, speaker_id, stated_on,
                       quantity_value, quantity_unit, quantity_bound, quantity_high, unit_inferred, topic_id, terms,
                       status, verdict, published, version, created_at, updated_at, explanation, stated_on_source)
                   SELECT %(a0)s + 1 + (g %% %(na)s), CASE WHEN g %% 3 = 0 THEN 'quote' ELSE 'figure' END,
                          (ARRAY['Das Konsortium','Die Regierung','Der Konzern','Die Stadt','Das Ministerium',
                                 'Der Investor','Die Allianz'])[1 + g %% 7] || ' ' ||
                          (ARRAY['plant','verspricht','bestreitet','meldet','erwartet'])[1 + g %% 5] || ' ' ||
                          (g %% 997) || ' ' ||
                          (ARRAY['Milliarden Euro','Millionen Dollar','Megawatt'])[1 + g %% 3] || ' für ' ||
                          (ARRAY['Rechenzentren','Chipfabriken','Stromnetze','Forschung','Kühlung','Glasfaser',
                                 'Ausbildung','Speicher','Software','Sicherheit','Rohstoffe'])[1 + g %% 11] ||
                          ' in ' || (ARRAY['Berlin','Texas','Brandenburg','Irland','Bayern','Ohio','Lyon',
                                 'Warschau','Mailand','Oslo','Leipzig','Dublin','Arizona'])[1 + g %% 13] ||
                          ' bis ' || (2026 + g %% 9) || '.',
                          0, 10, %(s0)s + (g %% 500), date '2025-01-01' + (g %% 300), (g %% 997 + 1) * 1e9,
                          (ARRAY['EUR','USD','W'])[1 + g %% 3], 'eq', NULL, false, %(t0)s + (g %% 200),
                          -- salient terms as extraction gives them: the subject and the place, folded (each shared by
                          -- one claim in 11 or 13: too common for the shared-terms branch), and a name 50 claims share
                          ARRAY[lower((ARRAY['Rechenzentren','Chipfabriken','Stromnetze','Forschung',
                                 'Kühlung','Glasfaser','Ausbildung','Speicher','Software','Sicherheit',
                                 'Rohstoffe'])[1 + g %% 11]),
                                lower((ARRAY['Berlin','Texas','Brandenburg','Irland','Bayern','Ohio','Lyon',
                                 'Warschau','Mailand','Oslo','Leipzig','Dublin','Arizona'])[1 + g %% 13]),
                                'werk' || (g %% 20000)],
                          'accepted', CASE WHEN g %% 4 = 0 THEN 'false' ELSE '' END, %(pub)s, 1, now(), now(),
                          '', 'reported'
                   FROM generate_series(1, %(n)s) g""",
                {"a0": a0, "na": n_articles, "s0": s0, "t0": t0, "n": claims, "pub": published},
            )
            # (ClaimTerm's rows, which its trigger would write outside replica mode)
            cur.execute("INSERT INTO articles_claimterm (term, claim_id) SELECT DISTINCT t, c.id "
                        "FROM articles_claim c, unnest(c.terms) t WHERE c.id > %s AND t IS NOT NULL", [c0])
            cur.execute(
                """INSERT INTO articles_claimlink (from_claim_id, to_claim_id, relation, state, rationale, score,
                       created_at, updated_at)
                   SELECT id, id + 1, 'contradicts', 'confirmed', 'bench', 0.9, now(), now()
                   FROM articles_claim WHERE id % 5 = 0 AND text LIKE 'D%'
                   ON CONFLICT DO NOTHING"""
            )
            cur.execute("SET session_replication_role = DEFAULT")
            cur.execute("ANALYZE")

    def pages_in_own_database(self) -> None:
        """The page run has a database of its own, kept between runs with --reuse (filling takes minutes)."""
        name = "factcheck_bench_pages"
        with connection.cursor() as cur:
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            exists = cur.fetchone() is not None
        url = database_url(connection.settings_dict, name) if exists and self.options["reuse"] else \
            recreate_database(name)
        env = {**os.environ, "DATABASE_URL": url, "DJANGO_DEBUG": "0", "DJANGO_SECURE_SSL_REDIRECT": "0",
               "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or secrets.token_urlsafe(40)}
        subprocess.run([*self.manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
        subprocess.run([*self.manage, "collectstatic", "--noinput", "-v", "0"], env=env, check=True)  # as make serve
        flags = ["--claims", str(self.claims), "--seconds", str(self.options["seconds"])]
        if self.options["json"]:
            flags += ["--json", str(Path(self.options["json"]).resolve())]
        subprocess.run([*self.manage, "bench", "--in-scratch", "--part", "pages", *flags], env=env, check=True)

    def part_fill(self) -> None:
        from articles.models import Claim

        have = Claim.objects.count()
        if have < self.claims:
            benchpages.fill(self.claims - have, self.stdout.write)

    def part_pages(self) -> None:
        from articles.models import Claim

        have = Claim.objects.count()
        self.stdout.write(f"\npages: scratch database factcheck_bench_pages, {have:,} claims stored")
        if have < self.claims:
            benchpages.fill(self.claims - have, self.stdout.write)
        claims = Claim.objects.count()
        results = benchpages.run(database_url=os.environ["DATABASE_URL"], seconds=self.options["seconds"],
                                 log=self.stdout.write)
        self.stdout.write(f"\npages with {claims:,} claims (gunicorn, 2 workers; ratio = /healthz req/s ÷ page's)")
        self.stdout.write(f"  {'path':52} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'queries':>7} {'again':>5} "
                          f"{'ratio':>7}")
        for r in results:
            self.stdout.write(f"  {r.path:52} {r.rps:8g} {r.p50_ms:8.1f} {r.p99_ms:8.1f} {r.queries:7d} "
                              f"{r.queries_again:5d} {r.ratio if r.ratio is not None else '-':>7}")
        if self.options["json"]:
            Path(self.options["json"]).write_text(json.dumps(benchpages.as_json(claims, results), indent=1) + "\n")
            self.stdout.write(f"  written to {self.options['json']}")

    def part_suggest(self) -> None:
        from articles.linking import candidates
        from articles.models import Article, Claim
        from articles.suggestions import suggest_links

        steps = [1000, 10000] if self.quick else [10_000, 1_000_000]
        self.stdout.write("\nsuggestions for a new claim (indexed candidate query + judge + insert)")
        for target in steps:
            have = Claim.objects.count()
            if have < target:
                started = time.perf_counter()
                self._fill(target - have, published=False)
                filled = time.perf_counter() - started
                self.stdout.write(f"  (filled to {Claim.objects.count()} claims in {filled:.0f} s)")
                # the fill ends with ANALYZE: the common terms are read again, as a server does within COMMON_TTL
                candidates.forget_common_terms()
            article = Article.objects.order_by("id").first()
            rng = random.Random(target)
            topic_id = Claim.objects.filter(topic__isnull=False).values_list("topic_id", flat=True).first()
            speaker_id = Claim.objects.filter(speaker__isnull=False).values_list("speaker_id", flat=True).first()
            figures = [
                Claim(article=article, kind="figure",
                      text=f"Das Konsortium plant {rng.randint(1, 996)} Milliarden Euro für Rechenzentren in "
                           f"Berlin bis {2026 + rng.randint(0, 8)}.",
                      quantity_value=rng.randint(1, 997) * 1e9, quantity_unit="EUR", quantity_bound="eq",
                      topic_id=topic_id, terms=["rechenzentren", "berlin", f"werk{rng.randint(0, 19999)}"])
                for _ in range(100)
            ]
            quotes = [
                Claim(article=article, kind="quote", speaker_id=speaker_id, topic_id=topic_id,
                      text=f"Die Regierung bestreitet die Pläne für {subject} in {place}, das Geld fehlt.",
                      terms=[subject.lower(), place.lower(), f"werk{rng.randint(0, 19999)}"])
                for subject, place in (
                    (rng.choice(["Rechenzentren", "Stromnetze"]), rng.choice(["Berlin", "Texas", "Leipzig"]))
                    for _ in range(100)
                )
            ]
            from articles.selectors import claim_search

            times = []
            for query in ("Rechenzentren", "bestreitet die Pläne", "Bench Speaker 7", "gesichert", "xyzzy"):
                started = time.perf_counter()
                claim_search(query=query)
                times.append(time.perf_counter() - started)
            self.stdout.write(f"  {Claim.objects.count():>9,} claims, editor search box: median "
                              f"{_ms(statistics.median(times))}, max {_ms(max(times))} per keystroke query")
            for label, new in (("figure", figures), ("quote", quotes)):
                times = []
                for claim in Claim.objects.bulk_create(new):
                    started = time.perf_counter()
                    suggest_links(claim_ids=[claim.pk])
                    times.append(time.perf_counter() - started)
                times.sort()
                self.stdout.write(
                    f"  {Claim.objects.count():>9,} claims, new {label:6}: median {_ms(statistics.median(times))}, "
                    f"p95 {_ms(times[int(len(times) * 0.95)])} per claim"
                )
