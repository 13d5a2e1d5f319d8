"""Topics and salient terms: what an article and each of its claims are about."""

from __future__ import annotations

import functools
import re
import unicodedata

from .names import FUNCTION_WORDS, NameBook, is_role

TERM_RE = re.compile(r"[A-Za-zÄÖÜäöüß][\w&]*(?:-[\w&]+)*")
UNIT_TERMS = frozenset(
    """
        milliarden milliarde millionen million billionen billion dollar euro us-dollar prozent mrd
        mio billions millions trillion percent
    """.split()
)
TOPIC_GENERIC = frozenset(["ki", "ai", "eu", "us", "usa", "un", "it", "uk"])
PROJECT_RES = [
    re.compile(r"[\"„“”»](?P<g>[^\"„“”»«\n]{2,40})[\"“”«]"),
    re.compile(
        r"(?<![\w-])(?P<g>[A-ZÄÖÜ][\w]+)[\"“”«]?-(?:Projekt|Projekts|Projektes|Initiative|Programm|Plans?|Mission)\b"
    ),
    re.compile(r"\b(?P<g>[A-Z][\w]+) (?:project|initiative|program|programme|venture|mission)\b"),
    re.compile(r"\b(?:Project|Operation|Projekt|Initiative|Programm|Mission) (?P<g>[A-Z][\w]+)\b"),
    re.compile(
        r"\b(?:project|initiative|program|programme|venture|mission) (?:called |named )?(?P<g>[A-Z][\w]+)\b"
    ),
]


@functools.lru_cache(maxsize=65536)
def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def salient_terms(text: str, book: NameBook, *, keep_initial: bool = False) -> list[str]:
    """Names and capitalised terms, folded; persons as their folded surname, genitives undone.

    A capitalised word opening a sentence is skipped, unless keep_initial (a headline opens with its subject).
    """
    out: list[str] = []
    for m in TERM_RE.finditer(text):
        tok = m.group(0)
        low = _fold(tok)
        if len(tok) < 2 or low in FUNCTION_WORDS or tok.casefold() in FUNCTION_WORDS or low in UNIT_TERMS:
            continue
        rest = tok[1:]
        inner_caps = not rest.islower() and any(ch.isupper() for ch in rest)  # (islower: the common case, fast)
        if not (tok[0].isupper() or inner_caps):
            continue
        j = m.start() - 1
        while j >= 0 and text[j] in " \t\"„“”»«'(–-":
            j -= 1
        initial = j < 0 or text[j] in ".!?:\n"
        if initial and not keep_initial and not inner_caps and book.resolve(tok) is None and not book.is_genitive(tok):
            continue  # a capitalised sentence start says nothing
        if book.resolve(tok) is not None:
            out.append(_fold(book.resolve(tok).split()[-1]))
            continue
        if book.is_genitive(tok):
            out.append(low[:-1])
            continue
        if len(tok) < 3 and not inner_caps:
            continue
        out.append(low)
        if "-" in tok:
            for part in tok.split("-"):
                pl = _fold(part)
                if (
                    len(part) >= 2
                    and pl not in FUNCTION_WORDS
                    and pl not in UNIT_TERMS
                    and part[:1].isupper()
                ):
                    out.append(pl)
    return out


def topic_candidates(body: str, title: str, book: NameBook, language: str = "de") -> list[tuple[str, int]]:
    """Proposed topic labels of an article with a weight: quoted names and project names; when there are
    none, the most frequent name with inner capitals ("KI-Infrastruktur") alone, with weight 0."""
    person_words = {_fold(w) for p in book.people for w in (p.first, p.last)}
    counts: dict[str, int] = {}
    label: dict[str, str] = {}
    folded_title = _fold(title)
    found = ((i, m) for i, rx in enumerate(PROJECT_RES) for text in (title, body) for m in rx.finditer(text))
    for i, m in found:
        raw = m.group("g").strip()
        words = raw.split()
        if not words or len(words) > 3 or not all(w[:1].isupper() for w in words):
            continue
        if any(ch.isdigit() for ch in raw) or _fold(raw) in FUNCTION_WORDS or _fold(words[0]) in UNIT_TERMS:
            continue
        if _fold(raw) in person_words or "Dollar" in raw or "Euro" in raw:
            continue
        if (raw.isupper() and len(raw) <= 3) or _fold(raw) in TOPIC_GENERIC:
            continue
        key = _fold(raw)
        if i == 0 and len(words) == 1 and raw[1:].islower() and key not in folded_title:
            continue  # a single scare-quoted word („Bailout“) names no project unless the headline does
        label.setdefault(key, raw if not raw.isupper() else raw.title())
        counts[key] = max(counts.get(key, 0), int(i > 0))  # 1: named by a project pattern
    # frequent non-person names with inner capitals ("KI-Infrastruktur", "NordWerk") as a fallback
    freq: dict[str, int] = {}
    for m in TERM_RE.finditer(body):
        tok = m.group(0)
        if (
            any(ch.isupper() for ch in tok[1:])
            and not tok.isupper()
            and _fold(tok) not in person_words
            and _fold(tok) not in TOPIC_GENERIC
        ):
            freq[_fold(tok)] = freq.get(_fold(tok), 0) + 1
            label.setdefault(_fold(tok), tok)
    folded_body = _fold(body)
    out: list[tuple[str, int]] = []
    for key in counts:
        n = len(re.findall(rf"(?<!\w){re.escape(key)}(?!\w)", folded_body))
        w = n + (5 if key in folded_title else 0)
        if n >= 2 or key in folded_title or counts[key]:
            out.append((label[key], w))
    if not out:
        for key, n in freq.items():
            if n >= 3:
                out.append((label[key], n + (5 if key in folded_title else 0)))
        out.sort(key=lambda kv: (-kv[1], kv[0]))
        if not out:
            out = _headline_names(title, body, person_words, language)
        return [(out[0][0], 0)] if out else []
    out.sort(key=lambda kv: (-kv[1], kv[0]))
    return out


def _headline_names(title: str, body: str, person_words: set[str], language: str = "de") -> list[tuple[str, int]]:
    """Names in the headline that the body names again ("Lindqvist zweifelt an Nordhafen" ... "über Nordhafen"), most
    repeated first: the subject of an article that names no project. Persons, roles and generic words are
    left out. In German a capitalised word opening a sentence ("Warum ...") says nothing; in English only
    names are capitalised, so a headline word that opens body sentences ("Corvid expects ...") counts too."""
    english = language[:2] == "en"
    found: dict[str, tuple[str, int, int]] = {}
    for pos, m in enumerate(TERM_RE.finditer(title)):
        tok = m.group(0)
        key = _fold(tok)
        if (
            not tok[:1].isupper()
            or len(tok) < 3
            or key in FUNCTION_WORDS
            or key in TOPIC_GENERIC
            or key in UNIT_TERMS
            or key in person_words
            or is_role(tok)
            or key in found
        ):
            continue
        n = sum(
            1
            # "Veltrion-Vorstand" names Veltrion too
            for hit in re.finditer(rf"(?<![\w-]){re.escape(tok)}(?!\w)", body)
            if english or body[: hit.start()].rstrip()[-1:] not in ("", ".", "!", "?", ":", "\"", "„", "“", "»", "–")
        )  # a capitalised word opening a German sentence ("Warum ...") says nothing
        if n >= 1:
            found[key] = (tok, n, pos)
    ranked = sorted(found.values(), key=lambda t: (-t[1], t[2]))
    return [(tok, n) for tok, n, _ in ranked]


def _key_terms(title: str, body: str, book: NameBook) -> list[str]:
    """What the whole article is about: names in the headline that the body repeats ("Altiva" in "Altiva baut
    KI-Rechenzentrum in der Lausitz"). Every claim of the article carries them, so two articles on one subject
    share a term even where a figure's own sentence names nobody."""
    if not title:
        return []
    keys = salient_terms(title, book, keep_initial=True)
    wanted = set(keys)
    counts: dict[str, int] = {}
    for m in TERM_RE.finditer(body):
        tok = m.group(0)
        if tok[:1].isupper():
            low = _fold(tok)
            if low in wanted:
                counts[low] = counts.get(low, 0) + 1
    out = []
    for t in keys:
        if counts.get(t, 0) >= 1 and t not in TOPIC_GENERIC and t not in out:
            out.append(t)
    return out[:4]


def _topic_terms(topic: str | None) -> list[str]:
    if not topic:
        return []
    out = [_fold(topic)]
    out += [_fold(p) for p in re.split(r"[\s-]+", topic) if len(p) >= 3 and _fold(p) not in FUNCTION_WORDS]
    return list(dict.fromkeys(out))
