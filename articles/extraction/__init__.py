"""Pure-Python claim extraction: figures, quotes, speakers, dates, topics. No Django, no database.

extract_claims(body, language="de", published_on=date(2025, 12, 1), title="...") -> list[ClaimDraft]
canonical_speaker("Lindqvist", ["Mara Lindqvist", "Jonas Okafor"]) -> "Mara Lindqvist"
speaker_key("Mara Lindqvist") == speaker_key("Lindqvist") == "lindqvist"

One Speaker across articles: index speakers by ``speaker_key(name)`` (the folded surname). For a draft's
speaker, load the speakers with that key, then ``canonical_speaker(draft.speaker, [names and variants])``
gives the name to file it under: an existing full name ("Lindqvist" -> "Mara Lindqvist"), or the draft's own name
when it is fuller than what is stored (rename the stored speaker and keep the old name as a variant), or
the draft's name when nothing matches (a new speaker). Store ``draft.speaker`` as a variant either way.
"""

from __future__ import annotations

import datetime as dt

from .names import canonical_speaker, display_name, speaker_key
from .pipeline import extract as _extract
from .types import Bound, ClaimDraft, ClaimKind, Quantity

__all__ = [
    "Bound",
    "ClaimDraft",
    "ClaimKind",
    "Quantity",
    "canonical_speaker",
    "display_name",
    "extract_claims",
    "speaker_key",
]


def extract_claims(
    body: str, *, language: str, published_on: dt.date | None, title: str = ""
) -> list[ClaimDraft]:
    """The claims an editor would mark in an article body, in text order.

    Deterministic; for every claim ``body[claim.start:claim.end] == claim.text``. Figure claims span their
    sentence, quote claims the quoted words (without the quote marks). ``published_on`` anchors weekdays and
    "gestern"; without it only explicit dates give ``stated_on``.
    """
    if not body or not body.strip():
        return []
    return _extract(body, language=language, published_on=published_on, title=title)
