"""Synthetic articles for benchmarks, written for factcheck: varied figures, quotes, dates and outlets."""

from __future__ import annotations

import json
import random

SPEAKERS = ["Elena Vogt", "Marcus Hale", "Priya Raman", "Jonas Berger", "Claire Dubois", "Tomasz Nowak"]
PROJECTS = ["Nordlicht", "Atlas Compute", "Helios Grid", "Rheintal Cloud", "Project Juniper", "Baltic AI"]
UNITS_DE = [("Milliarden Euro", 1e9), ("Millionen Dollar", 1e6), ("Megawatt", 1e6), ("Hektar", 1e4)]
BOUNDS_DE = ["bis zu", "rund", "mehr als", "weniger als", "mindestens", ""]


def german_article(i: int, rng: random.Random) -> tuple[str, str]:
    project = PROJECTS[i % len(PROJECTS)]
    speaker = SPEAKERS[i % len(SPEAKERS)]
    amount = rng.randint(2, 900)
    unit, _ = rng.choice(UNITS_DE)
    bound = rng.choice(BOUNDS_DE)
    day = 1 + i % 28
    month = 1 + i % 12
    title = f"{project}: neue Zahlen zum Ausbau ({i})"
    body = (
        f"Das Konsortium hinter {project} will {bound} {amount} {unit} in neue Rechenzentren investieren. "
        f"Am Dienstag erklärte {speaker} vor Journalisten: „Wir haben die Finanzierung für die erste Phase "
        f"gesichert, {rng.randint(10, 95)} Prozent der Mittel sind zugesagt.“ Kritiker bezweifeln das. "
        f"Die Anlage soll {rng.randint(1, 9)},{rng.randint(1, 9)} Gigawatt Leistung erreichen und über "
        f"{rng.randint(2, 40)}.000 Arbeitsplätze schaffen. Ein Sprecher der Landesregierung sagte, man prüfe "
        f"die Pläne sorgfältig. Bis zum Jahresende soll eine Entscheidung fallen; Meldung Nummer {i}."
    )
    return title, f"date 2025-{month:02d}-{day:02d}\n{title}\n{body}\n"


def english_article(i: int, rng: random.Random) -> tuple[str, str]:
    project = PROJECTS[i % len(PROJECTS)]
    speaker = SPEAKERS[(i + 3) % len(SPEAKERS)]
    title = f"{project} backers promise more compute (report {i})"
    body = (
        f"The backers of {project} said on Thursday they would spend up to ${rng.randint(2, 500)}bn on data "
        f"centres. \"We have well under ${rng.randint(1, 20)}bn secured today,\" {speaker} told reporters. "
        f"The first site will draw about {rng.randint(1, 5)}.{rng.randint(1, 9)} gigawatts and employ more than "
        f"{rng.randint(1, 9)},000 people. Report number {i}."
    )
    return title, body


def _article(i: int, rng: random.Random, paragraphs: int) -> tuple[str, str]:
    """Two of three German; with paragraphs > 1 the body goes on with more paragraphs of the same kind (other
    figures, another speaker), about the length of a news article at 6."""
    make = german_article if i % 3 else english_article
    title, text = make(i, rng)
    more = [make(i + 7 * k, rng)[1].splitlines()[-1] for k in range(1, paragraphs)]
    return title, "\n".join([text.rstrip("\n"), *more]) + "\n"


def text_file(i: int, rng: random.Random, *, paragraphs: int = 1) -> str:
    return _article(i, rng, paragraphs)[1]


def html_file(i: int, rng: random.Random, *, paragraphs: int = 1) -> str:
    title, text = _article(i, rng, paragraphs)
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line and line != title and
                   not line.startswith("date "))
    return (
        f"<!doctype html><html lang=\"de\"><head><title>{title}</title>"
        f"<meta property=\"og:site_name\" content=\"Beispiel-Zeitung\">"
        f"<meta property=\"article:published_time\" content=\"2025-03-{1 + i % 28:02d}T10:00:00Z\"></head>"
        f"<body><nav><a href=\"/\">Start</a> <a href=\"/wirtschaft\">Wirtschaft</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        f"<section class=\"comments\"><h2>3 Kommentare</h2><p>Leserin: stimmt doch alles nicht</p></section>"
        f"<footer>Impressum · Datenschutz · Cookie-Einstellungen</footer></body></html>"
    )


def jsonl_line(i: int, rng: random.Random, *, padding: int = 0, paragraphs: int = 1) -> str:
    title, text = _article(i, rng, paragraphs)
    body = "\n".join(text.splitlines()[2:] if text.startswith("date") else [text])
    if padding:
        body += "\n" + " ".join(rng.choice(["Der", "Ausbau", "geht", "weiter", "und", "bleibt", "teuer."])
                                for _ in range(padding))
    return json.dumps({"title": title, "body": body, "url": f"https://bench.example/{i}",
                       "published": f"2025-02-{1 + i % 28:02d}", "publisher": "Bench Wire"}, ensure_ascii=False)


# --- a scratch database at scale, filled by SQL ----------------------------------------------------------------
#
# Proportions per 1,000,000 claims: 100,000 articles (10 claims each), 2,500 speakers, 200 topics, 405,000 links.
# Claims: 15 % candidates, 5 % rejected, 80 % accepted of which 75 % of all claims published; two thirds
# figures, one third quotes; half carry their own date. Links: candidates' links are open suggestions, a tenth
# of the rest dismissed, the others confirmed.

SUBJECTS = ["Das Konsortium", "Die Regierung", "Der Konzern", "Die Stadt", "Das Ministerium", "Der Investor",
            "Die Allianz", "The company", "The government", "Investors", "The agency"]
VERBS = ["plant", "verspricht", "bestreitet", "meldet", "erwartet", "kündigt an", "says", "expects", "denies"]
UNITS = ["Milliarden Euro", "Millionen Dollar", "Megawatt", "Arbeitsplätze", "billion dollars", "gigawatts"]
PURPOSES = ["Rechenzentren", "Chipfabriken", "Stromnetze", "Forschung", "Kühlung", "Glasfaser", "Ausbildung",
            "Speicher", "Software", "Sicherheit", "Rohstoffe", "data centres", "power plants"]
PLACES = ["Berlin", "Texas", "Brandenburg", "Irland", "Bayern", "Ohio", "Lyon", "Warschau", "Mailand", "Oslo",
          "Leipzig", "Dublin", "Arizona", "Hamburg", "Wien", "Zürich", "Prag"]


def _sql_array(words: list[str]) -> str:
    return "ARRAY[" + ",".join("'" + w.replace("'", "''") + "'" for w in words) + "]"


def _pick(words: list[str], expr: str) -> str:
    return f"({_sql_array(words)})[1 + ({expr}) % {len(words)}]"


def fill_sql(claims: int) -> list[str]:
    """Statements that add `claims` claims (and their articles, speakers, topics, links) to the database.

    Run with session_replication_role = replica: triggers are skipped (history is editors' work, not
    synthetic rows), so said_on is written here the way the claim_said_on trigger would, and so are the
    ClaimTerm rows the claim_terms_insert trigger would write."""
    n_articles = max(claims // 10, 1)
    n_speakers = max(claims // 400, 50)
    sizes = {"%(n)s": str(claims), "%(na)s": str(n_articles), "%(ns)s": str(n_speakers)}
    claim_text = (
        f"{_pick(SUBJECTS, 'g')} || ' ' || {_pick(VERBS, 'g / 11')} || ' ' || (g * 37 % 997) || ' ' || "
        f"{_pick(UNITS, 'g / 7')} || ' für ' || {_pick(PURPOSES, 'g / 3')} || ' in ' || "
        f"{_pick(PLACES, 'g / 13')} || ' bis ' || (2026 + g % 9) || ' (Meldung ' || g || ').'"
    )
    statements = [
        "CREATE TEMP TABLE bench_base AS SELECT "
        "(SELECT COALESCE(MAX(id), 0) FROM articles_article) AS a0, "
        "(SELECT COALESCE(MAX(id), 0) FROM articles_claim) AS c0, "
        "(SELECT COALESCE(MAX(id), 0) FROM articles_speaker) AS s0, "
        "(SELECT COALESCE(MAX(id), 0) FROM articles_topic) AS t0",
        "INSERT INTO articles_publisher (name, domain) SELECT 'Bench Outlet ' || g, 'outlet' || g || '.example' "
        "FROM generate_series(1, 40) g ON CONFLICT DO NOTHING",
        """INSERT INTO articles_article (id, title, url, content_hash, published_on, date_precision, language,
                   publisher_id, body, cited_urls, source_file, imported_at)
            SELECT b.a0 + g, 'Bench article ' || (b.a0 + g) || ': ' || """ + _pick(PURPOSES, "g") + """,
                   'https://bench.example/' || (b.a0 + g), md5('bench' || (b.a0 + g)) || md5('body' || (b.a0 + g)),
                   date '2019-01-01' + (g * 7 % 2500), 'day', CASE WHEN g % 4 = 0 THEN 'en' ELSE 'de' END,
                   (SELECT MIN(id) FROM articles_publisher WHERE name LIKE 'Bench Outlet %') + g % 40,
                   'Bench article ' || (b.a0 + g) || '. ' || (SELECT string_agg(md5(g::text || i::text), ' ')
                                                        FROM generate_series(1, 40) i),
                   '{}', 'bench', now()
            FROM bench_base b, generate_series(1, %(na)s) g""",  # noqa: S608 (our own constants)
        """INSERT INTO articles_speaker (name, key, kind, name_variants)
            SELECT 'Bench Speaker ' || (b.s0 + g), 'speaker' || (b.s0 + g),
                   CASE WHEN g % 5 = 0 THEN 'organisation' ELSE 'person' END, '{}'
            FROM bench_base b, generate_series(1, %(ns)s) g""",
        """INSERT INTO articles_topic (slug, name)
            SELECT 'bench-topic-' || (b.t0 + g), 'Bench topic ' || (b.t0 + g)
            FROM bench_base b, generate_series(1, 200) g ON CONFLICT DO NOTHING""",
        """INSERT INTO articles_claim (id, article_id, kind, text, span_start, span_end, speaker_id, stated_on,
                   stated_on_source, said_on, quantity_value, quantity_unit, quantity_bound, quantity_high,
                   unit_inferred, topic_id, terms, status, verdict, published, explanation, version, created_at,
                   updated_at)
            SELECT b.c0 + g, b.a0 + 1 + (g - 1) / 10, k.kind, """ + claim_text + """, 0, 80,
                   CASE WHEN k.kind = 'quote' OR g % 2 = 0 THEN b.s0 + 1 + g * 13 % %(ns)s END,
                   d.stated, CASE WHEN d.stated IS NULL THEN 'reported' ELSE 'stated' END,
                   COALESCE(d.stated, date '2019-01-01' + ((1 + (g - 1) / 10) * 7 % 2500)),
                   CASE WHEN k.kind = 'figure' THEN (g * 37 % 997 + 1) * 1e9 END,
                   CASE WHEN k.kind = 'figure' THEN (ARRAY['EUR','USD','W','jobs'])[1 + g / 7 % 4] ELSE '' END,
                   CASE WHEN k.kind = 'figure' THEN 'eq' ELSE '' END, NULL, false,
                   (SELECT MIN(id) FROM articles_topic WHERE slug LIKE 'bench-topic-%') + g * 7 % 200, '{}',
                   s.status, CASE WHEN s.status = 'accepted' AND g % 6 = 0 THEN 'false'
                                  WHEN s.status = 'accepted' AND g % 6 = 1 THEN 'true' ELSE '' END,
                   s.status = 'accepted' AND g % 20 <> 4, '', 1, now(), now()
            FROM bench_base b, generate_series(1, %(n)s) g,
                 LATERAL (SELECT CASE WHEN g % 3 = 0 THEN 'quote' ELSE 'figure' END AS kind) k,
                 LATERAL (SELECT CASE WHEN g % 2 = 0 THEN date '2019-01-01' + (g * 31 % 2500) END AS stated) d,
                 LATERAL (SELECT CASE WHEN g % 20 < 3 THEN 'candidate' WHEN g % 20 = 3 THEN 'rejected'
                                      ELSE 'accepted' END AS status) s""",  # noqa: S608
        # 0.4 links per claim to a claim a few rows back, plus a few "same" links further away
        """INSERT INTO articles_claimlink (from_claim_id, to_claim_id, relation, state, rationale, score,
                   created_at, updated_at)
            SELECT c.id, c.id - 7, CASE WHEN c.id % 5 = 0 THEN 'contradicts' ELSE 'supports' END,
                   CASE WHEN c.status = 'candidate' THEN 'suggested' WHEN c.id % 10 = 1 THEN 'dismissed'
                        ELSE 'confirmed' END,
                   'bench: same unit and topic', 0.5 + (c.id % 50) / 100.0, now(), now()
            FROM articles_claim c, bench_base b WHERE c.id > b.c0 + 7 AND c.id % 5 IN (0, 1)""",
        """INSERT INTO articles_claimlink (from_claim_id, to_claim_id, relation, state, rationale, score,
                   created_at, updated_at)
            SELECT c.id, c.id - 1000, 'same', CASE WHEN c.status = 'candidate' THEN 'suggested' ELSE 'confirmed' END,
                   'bench: same wording', 0.9, now(), now()
            FROM articles_claim c, bench_base b WHERE c.id > b.c0 + 1000 AND c.id % 200 = 2""",
        # the triggers that keep ClaimTerm are skipped too (replica): its rows for the new claims, written here
        """INSERT INTO articles_claimterm (term, claim_id)
            SELECT DISTINCT t, c.id FROM articles_claim c, bench_base b, unnest(c.terms) t
            WHERE c.id > b.c0 AND t IS NOT NULL""",
        "SELECT setval(pg_get_serial_sequence('articles_article', 'id'), (SELECT MAX(id) FROM articles_article))",
        "SELECT setval(pg_get_serial_sequence('articles_claim', 'id'), (SELECT MAX(id) FROM articles_claim))",
        "DROP TABLE bench_base",
    ]
    for placeholder, value in sizes.items():
        statements = [sql.replace(placeholder, value) for sql in statements]
    return statements
