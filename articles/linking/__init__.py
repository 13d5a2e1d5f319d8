"""Links between claims: `candidates` gathers a bounded set of earlier claims for a batch of new ones with one
indexed SQL query, `judge` (pure, no database) decides which pairs become suggestions and says why.

    from articles.linking import suggest_links      # services and the import runner call this
"""

from __future__ import annotations

from .candidates import suggest_links

__all__ = ["suggest_links"]
