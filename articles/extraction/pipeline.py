"""Claims in one article body, as a pipeline: sentences → people → topics → quotes and their speakers and
dates → figures (the speaker their sentence names) → claim drafts."""

from __future__ import annotations

import datetime as dt
import re

from articles.lexicon import alternation, both

from . import dates, numbers
from .names import NameBook
from .quotes import find_quotes, is_statement, outside_quotes
from .sentences import split_sentences
from .speakers import SpeakerRules
from .topics import _fold, _key_terms, _topic_terms, salient_terms, topic_candidates
from .types import ClaimDraft


class Document(SpeakerRules):
    """One article body with what every rule needs: sentences, people, topics."""

    def __init__(self, body: str, language: str, published_on: dt.date | None, title: str):
        self.body = body
        self.language = (language or "de")[:2].lower()
        self.published_on = published_on
        self.title = title or ""
        self.book = NameBook(self.title + "\n" + body)
        self.sentences = split_sentences(body, self.language)
        self._sent_starts = [s for s, _ in self.sentences]
        self.topics = topic_candidates(body, self.title, self.book, self.language)
        self._topic_keys = [(_fold(lbl), lbl) for lbl, _ in self.topics]
        self.main_topic = self.topics[0][0] if self.topics else None
        self.topic_terms = _topic_terms(self.main_topic)
        self.key_terms = _key_terms(self.title, body, self.book)

    def sentence_index(self, pos: int) -> int:
        lo, hi = 0, len(self.sentences) - 1
        best = 0
        while lo <= hi:
            mid = (lo + hi) // 2
            if self._sent_starts[mid] <= pos:
                best = mid
                lo = mid + 1
            else:
                hi = mid - 1
        return best

    def window(self, a: int, b: int) -> str:
        i, j = self.sentence_index(a), self.sentence_index(max(a, b - 1))
        i, j = max(0, i - 1), min(len(self.sentences) - 1, j + 1)
        return self.body[self.sentences[i][0] : self.sentences[j][1]]

    def topic_for(self, a: int, b: int) -> str | None:
        near = _fold(self.window(a, b))
        main_w = self.topics[0][1] if self.topics else 0
        for (key, lbl), (_, w) in zip(self._topic_keys, self.topics, strict=True):
            if key in near and w > 0 and w * 2 >= main_w:
                return lbl
        return self.main_topic

    def terms_for(self, a: int, b: int, extra: list[str] | None = None) -> list[str]:
        terms = [*self.key_terms, *salient_terms(self.window(a, b), self.book)]
        if extra:
            terms = [*extra, *terms]
        terms += self.topic_terms
        seen: dict[str, None] = {}
        for t in terms:
            seen.setdefault(t, None)
        return list(seen)[:24]


def _nearest_currency(body: str, pos: int, default: str | None) -> str | None:
    best = None
    for m in numbers.MONEY_CONTEXT_RE.finditer(body, max(0, pos - 800), pos):
        best = m
    if best is not None:
        return numbers.CURRENCY_WORDS.get(best.group(0).lower(), default)
    return default


# how far a speaker's dated quote dates the speaker's next quotes: a few paragraphs (a whole article when the
# day was given with an occasion of speaking)
SAID_ON_REACH = 1500
OCCASION_RE = re.compile(rf"\b(?:{alternation(both('OCCASION_NOUNS'), escape=True)})\b", re.IGNORECASE)


def _said_on(said_on: dict[str, tuple[dt.date, int]], speaker: str, pos: int) -> dt.date | None:
    """The day of the speaker's last dated quote whose reach goes past `pos`; "Ng" is the "Ng Yat" quoted
    before (one name's words within the other's)."""
    mine = {_fold(t) for t in speaker.split()}
    for name, (day, reach) in reversed(said_on.items()):
        theirs = {_fold(t) for t in name.split()}
        if (mine <= theirs or theirs <= mine) and pos < reach:
            return day
    return None


def _second_half(body: str, q, previous) -> bool:
    """ "“With a little patience,” Weller says, “forests come back.”": the short rest of a quote split by its
    attribution is a statement too (the first half was one)."""
    if previous is None or not q.closed:
        return False
    prev_q = previous[0]
    gap = body[(prev_q.close + 1 if prev_q.closed else prev_q.end) : q.open]
    inner = body[q.start : q.end]
    return (
        inner[:1].islower()
        and len(re.findall(r"\w+", inner)) >= 2
        and len(gap) <= 80
        and "\n" not in gap
        and gap.rstrip().endswith(",")
        and not re.search(r"[.!?]", gap)
    )


def extract(body: str, *, language: str, published_on: dt.date | None, title: str = "") -> list[ClaimDraft]:
    art = Document(body, language, published_on, title)
    lang = art.language
    default_cur = numbers.dominant_currency(body)
    money = default_cur is not None
    mentions = []
    # the currency for "10 Milliarden" comes from the nearest money word before it
    for mnt in numbers.find_figures(body, lang, money_context=money, default_currency=default_cur or "USD"):
        if mnt.quantity.unit_inferred:
            mnt.quantity.unit = _nearest_currency(body, mnt.start, default_cur) or mnt.quantity.unit
        mentions.append(mnt)

    claims: list[ClaimDraft] = []
    used: set[int] = set()  # mention indexes attached to a quote
    quotes = find_quotes(body)
    previous_date: dt.date | None = None
    previous_quote = None
    # the day each speaker's last quote was said, when the text gave it, and how far into the body it dates
    # the speaker's next quotes
    said_on: dict[str, tuple[dt.date, int]] = {}
    for q in quotes:
        inner = body[q.start : q.end]
        if not (is_statement(inner) or _second_half(body, q, previous_quote)):
            continue
        speaker, ctx, header_date = art.speaker_for(q, quotes)
        if speaker is None:
            speaker = art.speaker_from_context(q, previous_quote)
            ctx = body[art.sentences[art.sentence_index(q.open)][0] : q.open] if art.sentences else ""
        if speaker is None:
            continue
        previous_quote = (q, speaker)
        ctx = outside_quotes(ctx)  # "“We will have it by June 1,” she said": June 1 is not when she said it
        stated = None
        if header_date:
            stated = dates.find_date(header_date, lang, published_on, previous_date)
        if stated is None:
            stated = dates.find_date(ctx, lang, published_on, previous_date)
        if stated is None:
            stated = art.date_said_before(q, speaker, lang, previous_date)
        if stated is None:
            # "“…,” Corvin said on Wednesday. … “…,” she told reporters later": a speaker's quotes with no day
            # of their own were said on the day of the speaker's last quote that gave one
            stated = _said_on(said_on, speaker, q.open)
        source = ""
        if stated is not None:
            previous_date = stated
            # a day given with an occasion of speaking ("in a media briefing on Tuesday") dates the speaker's
            # later quotes in the whole article; any other only those within SAID_ON_REACH characters
            said_on.pop(speaker, None)  # kept in the order the days were given: the last one first on lookup
            said_on[speaker] = (stated, len(body) if OCCASION_RE.search(ctx) else q.close + SAID_ON_REACH)
            source = "stated"
        elif published_on is not None:
            stated, source = published_on, "reported"  # no day given: said by the day it was reported
        inside = [i for i, mn in enumerate(mentions) if q.start <= mn.start < q.end]
        qty = None
        if inside:
            qty = mentions[inside[0]].quantity
            used.add(inside[0])
        terms = art.terms_for(q.start, q.end, extra=[_fold(speaker.split()[-1])])
        claims.append(
            ClaimDraft(
                kind="quote",
                text=inner,
                start=q.start,
                end=q.end,
                speaker=speaker,
                stated_on=stated,
                stated_on_source=source,
                quantity=qty,
                topic=art.topic_for(q.start, q.end),
                terms=terms,
            )
        )
    quoted = [c for c in claims]
    for i, mn in enumerate(mentions):
        if i in used:
            continue
        si = art.sentence_index(mn.start)
        s, e = art.sentences[si]
        speaker, stated, source = None, None, ""
        for qc in quoted:  # a figure inside a quote: the quote's span, speaker and date
            if qc.start <= mn.start < qc.end:
                s, e = max(s, qc.start), min(e, qc.end)
                speaker, stated, source = qc.speaker, qc.stated_on, qc.stated_on_source
                break
        else:
            speaker = art.figure_speaker(s, e)  # "laut X", "according to X", "X said"
            if speaker is not None:
                stated = dates.find_date(body[s:e], lang, published_on, None)
                source = "stated" if stated else ""
                if stated is None and published_on is not None:
                    stated, source = published_on, "reported"
        claims.append(
            ClaimDraft(
                kind="figure",
                text=body[s:e],
                start=s,
                end=e,
                speaker=speaker,
                stated_on=stated,
                stated_on_source=source,
                quantity=mn.quantity,
                topic=art.topic_for(s, e),
                terms=art.terms_for(s, e),
            )
        )
    claims.sort(key=lambda c: (c.start, c.end, c.kind))
    # a lead paragraph repeated in the body (teaser + article) gives the same claims twice: keep the first
    seen: set[tuple] = set()
    out: list[ClaimDraft] = []
    for c in claims:
        q = c.quantity
        key = (
            c.kind,
            re.sub(r"\s+", " ", c.text).strip().casefold(),
            c.speaker,
            (q.value, q.unit, q.bound) if q else None,
        )
        if key in seen:
            continue
        seen.add(key)
        out.append(c)
    return out
