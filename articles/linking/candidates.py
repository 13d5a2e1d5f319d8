"""Suggested links for new claims, found through indexes, never by comparing all pairs.

One SQL statement gathers a bounded candidate set for a batch of new claims, each branch served by an index:
same unit and topic (claim_unit_topic), same unit and value within 10 % (claim_unit_value_id, read from the
index alone), the nearest values of the same unit below and above within one order of magnitude, whatever the
topic or the language (claim_unit_value_id, read in value order: a revision or a contradiction across articles
that share no topic label), same article (article FK), same speaker (claim_speaker), and similar wording:
pg_trgm similarity among the latest claims of the same topic (claim_topic_id), for claims without a figure;
and shared subject terms in either language and any inflection ("Stellen"/"Stelle", "Wasser"/"water",
"Wien"/"Vienna"; see subject_keys in the judge's features): the newest claims under each form, read backwards
from ClaimTerm's primary key (term, claim_id), ten a form, the newest ten over all forms kept.
The pure judge in articles.linking.judge decides which candidates become suggestions. A batch
(an import run flushes one every few hundred claims) costs five queries, however many claims it holds.
"""

from __future__ import annotations

import functools
import json
import time
from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Q

from articles.extraction.types import Quantity
from articles.linking.judge import ClaimFacts, best_suggestions
from articles.linking.judge.features import subject_keys
from articles.models import Claim, ClaimLink, ClaimStatus, LinkState

PER_BRANCH = 10
# Similar wording is looked for among the most recent claims of the same topic: a pg_trgm index search
# over every claim costs 0.1-1 s at a million claims when the text shares common trigrams with many.
SIMILAR_WINDOW = 100  # 300 cost 17 ms a quote at 1M claims; claims on one subject also meet through their terms
SIMILAR_TEXT = 0.3
MAX_SUGGESTIONS = 3
# Claims sharing a subject term are found through ClaimTerm (term, claim_id). A term more claims carry than this
# (by PostgreSQL's statistics of the column: "berlin" in a city's paper) ties too little and is left out; the
# other branches still find claims on it by value, topic, article and speaker. (It was left out for its cost
# under the former GIN index too; under ClaimTerm it would cost the same ten rows as any term, but lifting the
# cap would change what is suggested.)
SUBJECT_MAX_CLAIMS = 2000
# "Same unit, value within 10 %": the newest among the nearest values on either side, read in index order
NEAR_VALUES = 40

# The same sum in another currency, within a topic: one claim_unit_topic index probe per major currency.
MONEY_CODES = ["EUR", "USD", "GBP", "CHF", "JPY", "CNY", "CAD", "AUD", "SEK", "NOK", "DKK", "PLN", "INR", "SGD"]

# Every ORDER BY ends in the id, in the direction the index reads it: among equal values (a round "2 billion")
# the rows kept would otherwise follow the plan, which follows statistics autovacuum refreshes at any moment,
# and an import's helper process could suggest other links than the importing process.
CANDIDATES_SQL = """
SELECT m.id, x.cid FROM articles_claim m
LEFT JOIN (SELECT e.key::bigint AS mid, ARRAY(SELECT jsonb_array_elements_text(e.value))::varchar[] AS forms
           FROM jsonb_each(%(subjects)s::jsonb) AS e) AS k ON k.mid = m.id
CROSS JOIN LATERAL (
  (SELECT c.id AS cid FROM articles_claim c
    WHERE m.quantity_unit <> '' AND m.topic_id IS NOT NULL
      AND c.quantity_unit = m.quantity_unit AND c.topic_id = m.topic_id AND c.id < m.id
    ORDER BY c.id DESC LIMIT %(n)s)
  UNION
  (SELECT v.id FROM (
      (SELECT c.id FROM articles_claim c
        WHERE m.quantity_unit <> '' AND c.quantity_unit = m.quantity_unit
          AND c.quantity_value >= m.quantity_value AND c.quantity_value <= m.quantity_value * 1.1 AND c.id < m.id
        ORDER BY c.quantity_value ASC, c.id ASC LIMIT %(near)s)
      UNION ALL
      (SELECT c.id FROM articles_claim c
        WHERE m.quantity_unit <> '' AND c.quantity_unit = m.quantity_unit
          AND c.quantity_value < m.quantity_value AND c.quantity_value >= m.quantity_value * 0.9 AND c.id < m.id
        ORDER BY c.quantity_value DESC, c.id DESC LIMIT %(near)s)) AS v
    ORDER BY v.id DESC LIMIT %(n)s)
  UNION
  (SELECT c.id FROM articles_claim c
    WHERE m.quantity_unit <> '' AND c.quantity_unit = m.quantity_unit AND m.quantity_value > 0
      AND c.quantity_value <= m.quantity_value AND c.quantity_value >= m.quantity_value * 0.1 AND c.id < m.id
    ORDER BY c.quantity_value DESC, c.id DESC LIMIT %(n)s)
  UNION
  (SELECT c.id FROM articles_claim c
    WHERE m.quantity_unit <> '' AND c.quantity_unit = m.quantity_unit AND m.quantity_value > 0
      AND c.quantity_value > m.quantity_value AND c.quantity_value <= m.quantity_value * 10 AND c.id < m.id
    ORDER BY c.quantity_value ASC, c.id ASC LIMIT %(n)s)
  UNION
  (SELECT o.id FROM unnest(%(money)s::text[]) AS u(code) CROSS JOIN LATERAL (
      SELECT c.id FROM articles_claim c
      WHERE m.topic_id IS NOT NULL AND m.quantity_unit = ANY(%(money)s) AND u.code <> m.quantity_unit
        AND c.quantity_unit = u.code AND c.topic_id = m.topic_id AND c.id < m.id
      ORDER BY c.id DESC LIMIT %(n)s) AS o
    ORDER BY o.id DESC LIMIT %(n)s)
  UNION
  (SELECT c.id FROM articles_claim c WHERE c.article_id = m.article_id AND c.id < m.id
    ORDER BY c.id DESC LIMIT %(n)s)
  UNION
  (SELECT c.id FROM articles_claim c
    WHERE m.speaker_id IS NOT NULL AND c.speaker_id = m.speaker_id AND c.id < m.id
    ORDER BY c.id DESC LIMIT %(n)s)
  UNION
  (SELECT DISTINCT s.cid FROM unnest(k.forms) AS f(term) CROSS JOIN LATERAL (
      SELECT t.claim_id AS cid FROM articles_claimterm t WHERE t.term = f.term AND t.claim_id < m.id
      ORDER BY t.claim_id DESC LIMIT %(n)s) AS s
    ORDER BY s.cid DESC LIMIT %(n)s)
  UNION
  (SELECT w.id FROM (SELECT c.id, similarity(c.text, m.text) AS sim FROM articles_claim c
      WHERE m.quantity_value IS NULL AND m.topic_id IS NOT NULL AND c.topic_id = m.topic_id AND c.id < m.id
      ORDER BY c.id DESC LIMIT %(window)s) AS w
    WHERE w.sim >= %(similar)s
    ORDER BY w.sim DESC, w.id DESC LIMIT %(n)s)
) AS x
WHERE m.id = ANY(%(ids)s)
"""

# (the ids as one array parameter: a batch reads ~15,000 claims, and an IN list of as many placeholders cost
# more to build and send than the judge spends on a tenth of them)
FACTS_SQL = """
SELECT c.id, c.article_id, c.kind, c.text, s.name, c.stated_on, a.published_on, c.quantity_value, c.quantity_unit,
       c.quantity_bound, c.quantity_high, c.unit_inferred, t.name, c.terms, a.language
FROM articles_claim c JOIN articles_article a ON a.id = c.article_id
LEFT JOIN articles_speaker s ON s.id = c.speaker_id LEFT JOIN articles_topic t ON t.id = c.topic_id
WHERE c.id = ANY(%(ids)s::bigint[]) AND c.status <> %(rejected)s
"""


def _id_array(ids) -> str:
    """Ids as one array literal ("{1,2,3}"): psycopg writes a list of ~6,000 ints element by element in Python, a
    fifth of this query's time."""
    return "{" + ",".join(map(str, ids)) + "}"


def claim_facts(ids: set[int]) -> dict[int, ClaimFacts]:
    """What the judge needs of each claim, in one query (rejected claims are never suggested)."""
    out = {}
    with connection.cursor() as cursor:
        cursor.execute(FACTS_SQL, {"ids": _id_array(ids), "rejected": ClaimStatus.REJECTED.value})
        rows = cursor.fetchall()
    for (pk, article_id, kind, text, speaker, stated_on, published_on, value, unit, bound, high, inferred,
         topic, terms, language) in rows:
        qty = None
        if value is not None:
            qty = Quantity(value=value, unit=unit, bound=bound or "eq", high=high, unit_inferred=inferred)
        out[pk] = ClaimFacts(
            id=pk, article_id=article_id, kind=kind, text=text, speaker=speaker, stated_on=stated_on,
            published_on=published_on, quantity=qty, topic=topic, terms=terms, language=language,
        )
    return out


_COMMON: tuple[float, frozenset[str]] = (0.0, frozenset())
COMMON_TTL = 600.0  # seconds: statistics change only with ANALYZE


_PINNED: frozenset[str] | None = None


def pin_common_terms(terms: frozenset[str] | None) -> None:
    """Use `terms` as the common terms from now on in this process (an import's helper process takes the
    importing process's reading); None goes back to reading the statistics."""
    global _PINNED
    _PINNED = terms


def forget_common_terms() -> None:
    """Read the statistics again at the next call (after a bulk load and its ANALYZE, say)."""
    global _COMMON
    _COMMON = (0.0, frozenset())


def common_terms() -> frozenset[str]:
    """Terms more than SUBJECT_MAX_CLAIMS claims carry, from PostgreSQL's statistics of Claim.terms (its most
    common elements and their frequencies; refreshed by (auto)ANALYZE), read at most every COMMON_TTL seconds."""
    global _COMMON
    if _PINNED is not None:
        return _PINNED
    now = time.monotonic()
    if _COMMON[0] and now - _COMMON[0] < COMMON_TTL:
        return _COMMON[1]
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs, c.reltuples
               FROM pg_stats s JOIN pg_class c ON c.relname = s.tablename
               WHERE s.tablename = 'articles_claim' AND s.attname = 'terms' AND s.schemaname = current_schema()"""
        )
        row = cursor.fetchone()
    found: frozenset[str] = frozenset()
    if row and row[0] and row[1]:
        elems, freqs, rows = row
        found = frozenset(t for t, f in zip(elems, freqs, strict=False) if f * max(rows, 0) > SUBJECT_MAX_CLAIMS)
    _COMMON = (now, found)
    return found


def candidate_ids(claim_ids: list[int]) -> dict[int, set[int]]:
    """Earlier claims worth judging against each claim: the newer claim of a pair is the one that looks."""
    found: dict[int, set[int]] = defaultdict(set)
    common = common_terms()
    subjects = {
        str(pk): keys
        for pk, terms in Claim.objects.filter(pk__in=claim_ids).values_list("id", "terms")
        if (keys := [k for k in subject_keys(list(terms)) if k not in common])
    }
    with connection.cursor() as cursor:
        if connection.in_atomic_block:
            # the planner's cost of a batch's lateral branches calls for JIT compilation, which took 50 ms to 1 s
            # of PostgreSQL CPU a batch for a query that runs in ~250 ms without it
            cursor.execute("SET LOCAL jit = off")
        cursor.execute(CANDIDATES_SQL, {"ids": list(claim_ids), "n": PER_BRANCH, "window": SIMILAR_WINDOW,
                                        "money": MONEY_CODES, "subjects": json.dumps(subjects),
                                        "near": NEAR_VALUES, "similar": SIMILAR_TEXT})
        for me, other in cursor.fetchall():
            found[me].add(other)
    return found


@transaction.atomic
def suggest_links(*, claim_ids: list[int]) -> int:
    """Suggest up to MAX_SUGGESTIONS links for each claim; returns how many links were proposed.

    A pair an editor already decided (any link confirmed or dismissed between them) is left out before
    the judge picks, and the unique constraint on (pair, relation) makes re-suggesting a no-op.
    """
    if not claim_ids:
        return 0
    from articles.services import import_commits_without_flush_wait

    import_commits_without_flush_wait()  # derived data, made again by re-running the import
    candidates = candidate_ids(claim_ids)
    every = set(claim_ids).union(*candidates.values()) if candidates else set(claim_ids)
    facts = claim_facts(every)
    decided = {
        frozenset(pair)
        for pair in ClaimLink.objects.filter(Q(from_claim_id__in=claim_ids) | Q(to_claim_id__in=claim_ids))
        .exclude(state=LinkState.SUGGESTED)
        .values_list("from_claim_id", "to_claim_id")
    }
    links: list[tuple[int, int, str, float, str]] = []
    for claim_id in claim_ids:
        me = facts.get(claim_id)
        if me is None:
            continue
        pool = [
            facts[o] for o in candidates.get(claim_id, ()) if o in facts and frozenset((claim_id, o)) not in decided
        ]
        for other, suggestion in best_suggestions(me, pool, limit=MAX_SUGGESTIONS):
            links.append((claim_id, other, suggestion.relation, round(suggestion.score, 3), suggestion.reason[:500]))
    _store_suggested(links)
    return len(links)


def _store_suggested(links: list[tuple[int, int, str, float, str]]) -> None:
    """Insert the suggested links (a pair and relation already there is left as it is) and their history events,
    in one statement whose text is the same for any number of links (each column one array)."""
    if not links:
        return
    from_ids, to_ids, relations, scores, reasons = map(list, zip(*links, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(_store_suggested_sql(), {"from": from_ids, "to": to_ids, "relation": relations,
                                                "score": scores, "rationale": reasons,
                                                "state": LinkState.SUGGESTED.value})


@functools.cache
def _store_suggested_sql() -> str:
    from articles.history_events import HISTORY_WRITTEN_OFF, HISTORY_WRITTEN_ON, insert_events_sql
    from articles.models import ClaimLinkEvent

    # (constant SQL built from the models; the values travel as parameters)
    return f"""{HISTORY_WRITTEN_ON};
WITH inserted AS (
  INSERT INTO articles_claimlink (from_claim_id, to_claim_id, relation, state, score, rationale, created_by_id,
                                  created_at, updated_at)
  SELECT l.f, l.t, l.r, %(state)s, l.s, l.w, NULL, now(), now()
  FROM unnest(%(from)s::bigint[], %(to)s::bigint[], %(relation)s::varchar[], %(score)s::float8[],
              %(rationale)s::text[]) AS l(f, t, r, s, w)
  ON CONFLICT DO NOTHING
  RETURNING *)
{insert_events_sql(ClaimLinkEvent, inserted="inserted")};
{HISTORY_WRITTEN_OFF}"""  # noqa: S608
