"""Suggested links for new claims, found through indexes, never by comparing all pairs.

For each new claim one SQL statement gathers a bounded set of candidates, each branch served by an
index: same unit and topic (claim_unit_topic), same unit and value within 10 % (claim_unit_value),
same article (article FK), same speaker (claim_speaker), similar wording (claim_text_trgm, pg_trgm).
The pure judge in articles.extraction.relations decides which candidates become suggestions.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction

from articles.extraction.relations import ClaimFacts, best_suggestions
from articles.extraction.types import Quantity
from articles.models import Claim, ClaimLink, LinkState

PER_BRANCH = 40
MAX_SUGGESTIONS = 2

CANDIDATES_SQL = """
WITH me AS (SELECT id, article_id, speaker_id, topic_id, quantity_unit, quantity_value, text
            FROM articles_claim WHERE id = %(id)s)
SELECT DISTINCT cid FROM (
  (SELECT c.id AS cid FROM articles_claim c, me
    WHERE me.quantity_unit <> '' AND me.topic_id IS NOT NULL
      AND c.quantity_unit = me.quantity_unit AND c.topic_id = me.topic_id AND c.id <> me.id
    ORDER BY c.id DESC LIMIT %(n)s)
  UNION ALL
  (SELECT c.id FROM articles_claim c, me
    WHERE me.quantity_unit <> '' AND c.quantity_unit = me.quantity_unit
      AND c.quantity_value BETWEEN me.quantity_value * 0.9 AND me.quantity_value * 1.1 AND c.id <> me.id
    ORDER BY c.id DESC LIMIT %(n)s)
  UNION ALL
  (SELECT c.id FROM articles_claim c, me WHERE c.article_id = me.article_id AND c.id <> me.id
    ORDER BY c.id DESC LIMIT %(n)s)
  UNION ALL
  (SELECT c.id FROM articles_claim c, me
    WHERE me.speaker_id IS NOT NULL AND c.speaker_id = me.speaker_id AND c.id <> me.id
    ORDER BY c.id DESC LIMIT %(n)s)
  UNION ALL
  (SELECT c.id FROM articles_claim c, me WHERE c.text %% me.text AND c.id <> me.id LIMIT %(n)s)
) AS candidates
"""


def _facts(claims: Iterable[Claim]) -> dict[int, ClaimFacts]:
    out = {}
    for c in claims:
        qty = None
        if c.quantity_value is not None:
            qty = Quantity(
                value=c.quantity_value,
                unit=c.quantity_unit,
                bound=c.quantity_bound or "eq",
                high=c.quantity_high,
                unit_inferred=c.unit_inferred,
            )
        out[c.pk] = ClaimFacts(
            id=c.pk,
            article_id=c.article_id,
            kind=c.kind,
            text=c.text,
            speaker=c.speaker.name if c.speaker else None,
            stated_on=c.stated_on,
            published_on=c.article.published_on,
            quantity=qty,
            topic=c.topic.name if c.topic else None,
            terms=list(c.terms),
            language=c.article.language,
        )
    return out


def candidate_ids(claim_id: int) -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(CANDIDATES_SQL, {"id": claim_id, "n": PER_BRANCH})
        return [row[0] for row in cursor.fetchall()]


@transaction.atomic
def suggest_links(*, claim_ids: list[int]) -> int:
    """Suggest up to MAX_SUGGESTIONS links for each claim; returns how many new links were stored.

    A pair an editor already decided (any link confirmed or dismissed between them) is left alone, and
    the unique constraint on (pair, relation) makes re-suggesting a no-op.
    """
    created = 0
    base = Claim.objects.select_related("article", "speaker", "topic").exclude(status="rejected")
    for claim_id in claim_ids:
        ids = candidate_ids(claim_id)
        facts = _facts(base.filter(pk__in=[claim_id, *ids]))
        me = facts.pop(claim_id, None)
        if me is None or not facts:
            continue
        decided = set()
        for a, b in ClaimLink.objects.filter(
            from_claim_id__in=[claim_id, *facts], to_claim_id__in=[claim_id, *facts]
        ).exclude(state=LinkState.SUGGESTED).values_list("from_claim_id", "to_claim_id"):
            decided.add(b if a == claim_id else a)
        picks = [
            (other, s) for other, s in best_suggestions(me, facts.values(), limit=MAX_SUGGESTIONS)
            if other not in decided
        ]
        links = [
            ClaimLink(
                from_claim_id=claim_id,
                to_claim_id=other,
                relation=s.relation,
                state=LinkState.SUGGESTED,
                score=round(s.score, 3),
                rationale=s.reason[:500],
            )
            for other, s in picks
        ]
        created += len(ClaimLink.objects.bulk_create(links, ignore_conflicts=True))
    return created
