"""`ilike_contains`: case-insensitive containment written so the pg_trgm GIN indexes can serve it.

Django's `icontains` is `UPPER(col) LIKE UPPER('%term%')`, which no index on `col` serves: a search that
matches nothing reads every row. `col ILIKE '%term%'` is what `gin_trgm_ops` answers, and the planner then
picks the trigram bitmap for rare words and a walk of the ordering index for common ones.
"""

from __future__ import annotations

import re

from django.db.models import Lookup, Q

from articles.models import Article, Claim


class ContainsILike(Lookup):
    lookup_name = "ilike_contains"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} ILIKE {rhs}", [*lhs_params, *rhs_params]

    def get_db_prep_lookup(self, value, connection):
        return "%s", [f"%{connection.ops.prep_for_like_query(value)}%"]


for _field in (Claim._meta.get_field("text"), Article._meta.get_field("title")):
    _field.register_lookup(ContainsILike)


def words_in(field: str, term: str) -> Q:
    """Rows whose `field` holds every whitespace-separated word of `term` (each an indexed ILIKE)."""
    match = Q()
    for word in [w for w in re.split(r"\s+", term.strip()[:200]) if w][:8]:
        match &= Q(**{f"{field}__ilike_contains": word})
    return match
