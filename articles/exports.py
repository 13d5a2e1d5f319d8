"""Rows of the export formats in interfaces.md, streamed in id order with a constant number of queries per chunk."""

from __future__ import annotations

import contextlib
import datetime as dt
import sys
from collections import defaultdict
from collections.abc import Iterator
from typing import IO

from django.db.models import Q

from articles.models import Article, Check, Claim, ClaimLink

CHUNK = 2000


@contextlib.contextmanager
def open_output(path: str | None, fallback) -> Iterator[IO[str]]:
    if path:
        with open(path, "w", encoding="utf-8") as fh:
            yield fh
    else:
        yield fallback._out if hasattr(fallback, "_out") else sys.stdout


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def article_rows() -> Iterator[dict]:
    qs = Article.objects.select_related("publisher").order_by("id")
    for article in qs.iterator(chunk_size=CHUNK):
        yield {
            "id": article.pk,
            "title": article.title,
            "url": article.url,
            "published_on": article.published_on.isoformat() if article.published_on else None,
            "date_precision": article.date_precision or None,
            "language": article.language,
            "publisher": article.publisher.name if article.publisher else None,
            "body": article.body,
            "source_file": article.source_file,
            "source_index": article.source_index,
            "cited_urls": list(article.cited_urls),
            "imported_at": _utc(article.imported_at),
        }


def claim_row(claim: Claim, links: list[dict]) -> dict:
    quantity = None
    if claim.quantity_value is not None:
        quantity = {"value": claim.quantity_value, "unit": claim.quantity_unit,
                    "bound": claim.quantity_bound or "eq", "high": claim.quantity_high}
        if claim.unit_inferred:
            quantity["unit_inferred"] = True
    return {
        "id": claim.pk,
        "article_id": claim.article_id,
        "kind": claim.kind,
        "text": claim.text,
        "speaker": claim.speaker.name if claim.speaker else None,
        "stated_on": claim.stated_on.isoformat() if claim.stated_on else None,
        "quantity": quantity,
        "topic": claim.topic.slug if claim.topic else None,
        "status": claim.status,
        "verdict": claim.verdict or None,
        "published": claim.published,
        "links": links,
    }


def claim_rows(*, everything: bool) -> Iterator[dict]:
    qs = Claim.objects.select_related("speaker", "topic").order_by("id")
    if not everything:
        qs = qs.filter(published=True)
    last = 0
    while True:
        chunk = list(qs.filter(pk__gt=last)[:CHUNK])
        if not chunk:
            return
        ids = [c.pk for c in chunk]
        links: dict[int, list[dict]] = defaultdict(list)
        link_qs = ClaimLink.objects.filter(Q(from_claim_id__in=ids) | Q(to_claim_id__in=ids)).order_by("id")
        if not everything:
            link_qs = link_qs.filter(from_claim__published=True, to_claim__published=True)
        id_set = set(ids)
        for a, b, relation, state in link_qs.values_list("from_claim_id", "to_claim_id", "relation", "state"):
            if a in id_set:
                links[a].append({"claim_id": b, "relation": relation, "state": state})
            if b in id_set:
                links[b].append({"claim_id": a, "relation": relation, "state": state})
        checks = check_rows(ids, everything=everything)
        for claim in chunk:
            yield claim_row(claim, links[claim.pk]) | {"checks": checks[claim.pk]}
        last = ids[-1]


# --- checks (issue 12) ---------------------------------------------------------------------------------------


def check_row(check: Check) -> dict:
    return {"kind": check.kind, "expression": check.expression, "stated": check.stated, "computed": check.computed,
            "unit": check.unit, "values": check.values, "difference_pct": check.difference_pct,
            "status": check.status, "state": check.state, "published": check.published}


def check_rows(claim_ids: list[int], *, everything: bool) -> dict[int, list[dict]]:
    """Each claim's checks in one query; readers' export (not `everything`) only those published with the review."""
    qs = Check.objects.filter(claim_id__in=claim_ids).order_by("claim_id", "id")
    if not everything:
        qs = qs.filter(published=True)
    out: dict[int, list[dict]] = defaultdict(list)
    for check in qs:
        out[check.claim_id].append(check_row(check))
    return out
