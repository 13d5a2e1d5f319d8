"""Kept for callers of the old path: link suggestions live in articles.linking (candidates + judge)."""

from articles.linking.candidates import candidate_ids, claim_facts, suggest_links

__all__ = ["candidate_ids", "claim_facts", "suggest_links"]
