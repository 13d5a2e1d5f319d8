"""The page benchmark at scale: fill a scratch database, serve it with gunicorn, measure every page from outside.

For each page: requests/s with a few concurrent clients for a fixed time, p50 and p99 latency, the number of
SQL queries one request runs (counted in-process with the test client: the first request, which renders the
page, and a second one, which the page caches may answer), and the ratio of /healthz's requests/s
to the page's, both measured against the same server in the same run. A page that answers 404 (one another
part of the project has not built yet) is skipped with a note.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import http.client
import logging
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.db import DatabaseError, connection

from articles import benchdata

NO_RESULTS = "xyzzyquux"
CONCURRENCY = 4  # two gunicorn workers, each kept busy while the other client waits on the network


@dataclass
class PageResult:
    path: str
    rps: float
    p50_ms: float
    p99_ms: float
    queries: int | None
    ratio: float | None = None
    queries_again: int | None = None
    status: int = 200


# --- the fill ----------------------------------------------------------------------------------------------


def _secondary_indexes(tables: tuple[str, ...]) -> list[tuple[str, str]]:
    """(name, definition) of the indexes of `tables` that back no constraint: those can be dropped and rebuilt."""
    with connection.cursor() as cur:
        cur.execute(
            """SELECT i.indexname, i.indexdef FROM pg_indexes i
               WHERE i.tablename = ANY(%s) AND i.schemaname = current_schema()
                 AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)""",
            [list(tables)],
        )
        return cur.fetchall()


def fill(claims: int, log) -> None:
    """Add `claims` synthetic claims with bulk SQL; indexes are rebuilt once afterwards, not row by row."""
    started = time.perf_counter()
    indexes = _secondary_indexes(("articles_claim", "articles_claimlink", "articles_article"))
    with connection.cursor() as cur:
        cur.execute("SET maintenance_work_mem = '512MB'")
        cur.execute("SET session_replication_role = replica")  # no triggers (history) and no FK checks
        for name, _ in indexes:
            cur.execute(f'DROP INDEX IF EXISTS "{name}"')
        for sql in benchdata.fill_sql(claims):
            cur.execute(sql)
        log(f"  rows written in {time.perf_counter() - started:.0f} s; rebuilding {len(indexes)} indexes")
        for _, definition in indexes:
            cur.execute(definition)
        cur.execute("SET session_replication_role = DEFAULT")
        cur.execute("VACUUM ANALYZE")
        # the fill's dirty pages are written now, not by checkpoints during the first minutes of what is measured
        # next (runs right after a fill varied from 78 to 96 articles/s without it)
        with contextlib.suppress(DatabaseError):  # CHECKPOINT needs a superuser or pg_checkpoint
            cur.execute("CHECKPOINT")
    log(f"  filled {claims:,} claims in {time.perf_counter() - started:.0f} s")


# --- what to measure --------------------------------------------------------------------------------------


def _one(sql: str, params: list | None = None):
    with connection.cursor() as cur:
        cur.execute(sql, params or [])
        row = cur.fetchone()
    return row[0] if row else None


def _forge_deep_cursor(next_href: str, last: tuple, deep: tuple) -> str | None:
    """The timeline's "older" link with page 1's last claim replaced by a claim deep in the timeline.

    Works for cursors that carry the claim's id and date in clear or as base64 text; `page=` links get a deep
    page number instead."""
    query = dict(parse_qsl(urlsplit(next_href).query))
    (last_id, last_day), (deep_id, deep_day, deep_page) = last, deep
    for key, value in query.items():
        if key == "page":
            query[key] = str(deep_page)
            return "/?" + urlencode(query)
        decoded, encoded_as = value, None
        for decoder in (base64.urlsafe_b64decode, base64.b64decode):
            try:
                text = decoder(value + "=" * (-len(value) % 4)).decode()
            except (binascii.Error, UnicodeDecodeError, ValueError):
                continue
            if str(last_id) in text:
                decoded, encoded_as = text, decoder
                break
        if str(last_id) not in decoded:
            continue
        swapped = decoded.replace(str(last_id), str(deep_id))
        if last_day and deep_day:
            swapped = swapped.replace(last_day.isoformat(), deep_day.isoformat())
        if encoded_as is not None:
            encoder = base64.urlsafe_b64encode if encoded_as is base64.urlsafe_b64decode else base64.b64encode
            swapped = encoder(swapped.encode()).decode().rstrip("=")
        query[key] = swapped
        return "/?" + urlencode(query)
    return None


def _deep_timeline_path(client, published: int, log) -> str | None:
    """A timeline URL half-way down the published claims (page 15,000 of 25 at 1,000,000 claims)."""
    html = client.get("/").content.decode(errors="replace")
    tag = re.search(r'<a\b[^>]*\brel="next"[^>]*>', html)
    match = (tag and re.search(r'href="([^"]+)"', tag.group(0))) or re.search(
        r'<a[^>]*href="([^"]*(?:cursor|after|before|page)=[^"]*)"', html)
    if not match:
        log("  note: no link to older claims on /: the deep timeline page is skipped")
        return None
    href = match.group(1).replace("&amp;", "&")
    from articles.selectors import PUBLIC_PAGE_SIZE as size

    order = "ORDER BY said_on DESC NULLS LAST, id DESC"
    last = _rows(f"SELECT id, said_on FROM articles_claim WHERE published {order} OFFSET %s LIMIT 1",  # noqa: S608
                 [size - 1])
    depth = max(published // 2, size)
    deep = _rows(f"SELECT id, said_on FROM articles_claim WHERE published {order} OFFSET %s LIMIT 1",  # noqa: S608
                 [depth - 1])
    if not last or not deep:
        return None
    path = _forge_deep_cursor(href, last[0], (*deep[0], depth // size))
    if path is None:
        log(f"  note: could not make a deep cursor from {href!r}: the deep timeline page is skipped")
    return path


def _rows(sql: str, params: list | None = None) -> list[tuple]:
    with connection.cursor() as cur:
        cur.execute(sql, params or [])
        return cur.fetchall()


def page_list(client, log) -> list[tuple[str, bool]]:
    """(path, needs a signed-in editor/admin) for every page of the site, with real ids from the database."""
    from articles.models import Publisher, Speaker
    from articles.public_links import slug_of

    published = _one("SELECT count(*) FROM articles_claim WHERE published") or 0
    claim = _one("""SELECT l.from_claim_id FROM articles_claimlink l JOIN articles_claim c ON c.id = l.from_claim_id
                    JOIN articles_claim o ON o.id = l.to_claim_id
                    WHERE l.state = 'confirmed' AND c.published AND o.published ORDER BY l.id DESC LIMIT 1""")
    claim = claim or _one("SELECT id FROM articles_claim WHERE published ORDER BY id DESC LIMIT 1")
    candidate = _one("""SELECT l.from_claim_id FROM articles_claimlink l WHERE l.state = 'suggested'
                        ORDER BY l.id DESC LIMIT 1""") or _one("SELECT MAX(id) FROM articles_claim")
    article = _one("SELECT article_id FROM articles_claim WHERE published ORDER BY id DESC LIMIT 1")
    topic = _one("SELECT slug FROM articles_topic ORDER BY id LIMIT 1") or "none"
    first_speaker = Speaker.objects.order_by("id").first()
    speaker = slug_of(first_speaker) if first_speaker else "none"
    first_outlet = Publisher.objects.order_by("id").first()
    outlet = slug_of(first_outlet) if first_outlet else "none"
    word = benchdata.PURPOSES[0]
    place = benchdata.PLACES[0]
    deep = _deep_timeline_path(client, published, log)
    public = [
        "/healthz", "/", *([deep] if deep else []), f"/?q={word}", f"/?q={NO_RESULTS}", f"/claims/{claim}/",
        "/topics/", f"/topics/{topic}/", "/speakers/", f"/speakers/{speaker}/", "/outlets/", f"/outlets/{outlet}/",
        f"/articles/{article}/", "/feeds/claims.atom", f"/feeds/topics/{topic}.atom", f"/feeds/speakers/{speaker}.atom",
        "/api/v1/claims", f"/api/v1/claims?q={word}", f"/api/v1/claims/{claim}", "/api/v1/docs", "/accounts/login/",
    ]
    editors = [
        "/review/", f"/review/?status=&q={word}", f"/review/?status=&q={NO_RESULTS}", "/review/suggestions/",
        f"/review/claims/{candidate}/", f"/review/claims/{candidate}/history/", f"/review/articles/{article}/",
        "/review/topics/", f"/review/topics/{topic}/", "/review/checks/", "/imports/",
        "/admin/", "/admin/articles/claim/", f"/admin/articles/claim/?q={place}",
        f"/admin/articles/claim/?q={NO_RESULTS}", "/admin/articles/claim/?status__exact=candidate",
        f"/admin/articles/claim/{claim}/change/", "/admin/articles/article/", f"/admin/articles/article/?q={word}",
        "/admin/articles/claimlink/",
    ]
    return [(p, False) for p in public] + [(p, True) for p in editors]


# --- measuring ----------------------------------------------------------------------------------------------


def count_queries(client, path: str) -> tuple[int, int, int]:
    """(status, queries of a first request, queries of the same request again) through the test client."""
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    with CaptureQueriesContext(connection) as again:
        client.get(path)
    return response.status_code, len(queries), len(again)


def _get(port: int, path: str, cookie: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        conn.request("GET", path, headers={"Cookie": cookie, "Host": "127.0.0.1"} if cookie else
                     {"Host": "127.0.0.1"})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def load(port: int, path: str, cookie: str, seconds: float, expect: int) -> tuple[float, list[float]]:
    """Requests/s and latencies with CONCURRENCY clients for `seconds` (at least one request each)."""
    started = time.perf_counter()
    status = _get(port, path, cookie)
    took = time.perf_counter() - started
    if took <= seconds:
        # one request per client at once, unmeasured, so each gunicorn worker has compiled the page's templates
        # and filled its caches: a worker's first render (~0.5-1 s) is start-up, not the page's cost
        warm = [threading.Thread(target=_get, args=(port, path, cookie)) for _ in range(CONCURRENCY)]
        for thread in warm:
            thread.start()
        for thread in warm:
            thread.join()
    if status != expect:
        raise RuntimeError(f"{path} answered {status} from gunicorn, {expect} in-process")
    if took > seconds:  # a page slower than the whole budget: one request tells enough, and keeps the run short
        return 1 / took, [took]
    latencies: list[float] = []
    lock = threading.Lock()
    deadline = time.perf_counter() + seconds

    def client() -> None:
        while True:
            started = time.perf_counter()
            _get(port, path, cookie)
            took = time.perf_counter() - started
            with lock:
                latencies.append(took)
            if time.perf_counter() >= deadline:
                return

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(CONCURRENCY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies) / (time.perf_counter() - started), latencies


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """The production server as `make serve` runs it (gunicorn, 2 workers, DEBUG off, WhiteNoise; the caller has
    run collectstatic), with a longer timeout so a slow page is measured rather than killed."""

    def __init__(self, database_url: str) -> None:
        self.port = _free_port()
        env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_DEBUG": "0",
               "DJANGO_SECURE_SSL_REDIRECT": "0"}
        # the key this process signed the bench session with, so the workers accept its cookie
        env.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(40))
        self.proc = subprocess.Popen(  # noqa: S603 (our own command line)
            [sys.executable, "-m", "gunicorn", "factcheck.wsgi", "--preload", "--workers", "2",
             "--bind", f"127.0.0.1:{self.port}", "--timeout", "120", "--no-control-socket", "--log-level", "warning"],
            env=env, stdout=subprocess.DEVNULL,
        )

    def __enter__(self) -> Server:
        for _ in range(300):
            try:
                if _get(self.port, "/healthz", "") == 200:
                    return self
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise RuntimeError("gunicorn exited")
            time.sleep(0.1)
        raise RuntimeError("gunicorn did not answer /healthz")

    def __exit__(self, *exc) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def run(*, database_url: str, seconds: float, log) -> list[PageResult]:
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404s of pages not built are noted below
    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin", defaults={"is_staff": True, "is_superuser": True})
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(user)  # a database session, which the gunicorn workers read too
    cookie = f"sessionid={signed_in.cookies['sessionid'].value}"
    pages = []
    for path, auth in page_list(anonymous, log):
        status, queries, queries_again = count_queries(signed_in if auth else anonymous, path)
        if status == 404:
            log(f"  note: {path} answers 404 here (not built in this branch): skipped")
            continue
        if status != 200:
            log(f"  note: {path} answers {status}")
        pages.append((path, auth, status, queries, queries_again))
    results = []
    with Server(database_url) as server:
        log(f"  gunicorn on 127.0.0.1:{server.port}, 2 workers; {CONCURRENCY} clients, {seconds:g} s per page")
        for path, auth, status, queries, queries_again in pages:
            rps, latencies = load(server.port, path, cookie if auth else "", seconds, status)
            latencies.sort()
            results.append(PageResult(
                path=path, rps=rps, p50_ms=round(statistics.median(latencies) * 1000, 1),
                p99_ms=round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 1),
                queries=queries, status=status, queries_again=queries_again,
            ))
            log(f"  {path:52} {rps:8.3g} req/s")
    floor = next((r.rps for r in results if r.path == "/healthz"), None)
    for result in results:
        result.ratio = round(floor / result.rps, 1) if floor and result.rps else None
        result.rps = float(f"{result.rps:.3g}")
    return results


def as_json(claims: int, results: list[PageResult]) -> dict:
    pages = []
    for result in results:
        row = asdict(result)
        if row["status"] == 200:
            row.pop("status")
        pages.append(row)
    return {"claims": claims, "server": "gunicorn, 2 workers", "pages": pages}
