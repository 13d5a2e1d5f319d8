"""Person names: spotting "Mara Lindqvist" in text, and mapping "Lindqvist" onto "Mara Lindqvist" across articles."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from articles.lexicon import both, de, en
from articles.lexicon import first_names as _name_dictionary

# Function words, months and weekdays: never a name, never a salient term.
FUNCTION_WORDS = frozenset(both("FUNCTION_WORDS"))
# Capitalised words that are never a first name or a surname (nouns that are first names somewhere).
STOPWORDS = FUNCTION_WORDS | frozenset(both("NEVER_NAMES")) | frozenset(both("DEMONSTRATIVES"))


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Known first names (casefolded): the general name dictionary of articles.lexicon."""
    return frozenset(n for n in _name_dictionary() if n not in STOPWORDS)  # NOT_FIRST_NAMES are left out there


def first_name_gender(first: str) -> str | None:
    """ "f" or "m" for a first name of the dictionary, None for any other (or one used for both)."""
    return _name_dictionary().get(first.casefold()) or None


_TITLES = frozenset([*de.TITLES, *en.TITLES, *de.ACADEMIC_TITLES, *en.ACADEMIC_TITLES])

WORD = r"[A-ZÄÖÜ][a-zäöüßéèáàíóúçñø]+(?:-[A-ZÄÖÜ][a-zäöüßéèáàíóúçñø]+)?"
PERSON_RE = re.compile(rf"(?<![\w-])(?=({WORD})(?:\s+([A-Z])\.)?\s+((?:(?:von|van|de|al)\s+)?{WORD})\b)")


@dataclass
class Person:
    name: str  # display form "Mara Lindqvist"
    first: str
    last: str
    start: int


# A role or title right before two capitalised words marks them as a person's name even when the first name
# is not in the list: "Wirtschaftsminister Tilo Brandner", "chief executive Jonas Berg", "Governor Wade
# Kessler". German roles are matched as the end of a compound ("Digitalkommissarin", "Grünen-Abgeordnete").
ROLE_SUFFIX = "|".join(sorted(de.ROLE_ENDINGS, key=len, reverse=True))
ROLE_WORD = "|".join(sorted(en.ROLE_WORDS, key=len, reverse=True))
_ROLE_WORD = re.compile(rf"(?:{ROLE_WORD})", re.IGNORECASE)
_ROLE_END = re.compile(rf"(?:{ROLE_SUFFIX})$", re.IGNORECASE)


@functools.lru_cache(maxsize=65536)
def is_role(word: str) -> bool:
    """ "Wirtschaftsministerin", "Governor", "CEO": a role or title, not a name."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return bool(_ROLE_WORD.fullmatch(word) or (_ROLE_END.search(word) and re.fullmatch(r"[\w-]+", word)))


_INSTITUTION = re.compile(rf"(?:{'|'.join(both('INSTITUTION_ENDINGS'))})$", re.IGNORECASE)
_ADJECTIVE = re.compile(r"(?:isch|lich|sche|sches|schen|schem|scher|ische|ischen|ischem|isches|ischer)$", re.I)
# "said Marcus Feld", "so Henrik Salmela", "Marcus Feld said", "Marcus Feld, an analyst at ...": a name next to a
# verb of saying or before an apposition that names a role
_SAID = "|".join([*both("SPEECH_VERBS"), *de.ATTRIBUTION_WORDS, *both("ATTRIBUTION_PHRASES")])
_SAID_WORDS = frozenset(w for w in _SAID.split("|") if " " not in w)


_SAID_AFTER = re.compile(
    rf"(?:[ \t]+(?:{_SAID})\b|,[ \t]+(?:an?|the|der|die|ein|eine)[ \t]+(?:[\w-]+[ \t]+){{0,3}}?"
    rf"(?:[\w-]*(?:{ROLE_SUFFIX})|{ROLE_WORD})\b)",
    re.IGNORECASE,
)


_ROLE_NEXT = re.compile(rf"[ \t]+(?:{ROLE_WORD})(?![\w])")
_THIRD_NAME = re.compile(rf"[ \t]+{WORD}\b")


_ATTRIBUTION_PHRASES = frozenset(both("ATTRIBUTION_PHRASES"))


def _according(words: list[str]) -> bool:
    return " ".join(words[-2:]).casefold() in _ATTRIBUTION_PHRASES


# "Bernd T.", "Klaus K.": a known first name with the initial of a surname the press leaves out
_ANONYMISED = re.compile(rf"(?<![\w-])({WORD})\s([A-Z])\.(?=\s+[a-zäöüß(,:]|[,:;)]|$)")


def _anonymised(text: str, names: frozenset[str]) -> list[Person]:
    return [
        Person(f"{m.group(1)} {m.group(2)}.", m.group(1), f"{m.group(2)}.", m.start())
        for m in _ANONYMISED.finditer(text)
        if m.group(1).casefold() in names and m.group(1).casefold() not in STOPWORDS
    ]


def find_people(text: str) -> list[Person]:
    """Full names (first name + surname) in order of appearance.

    A known first name makes a name; an unknown one does when a role stands before it ("Finanzchefin Anna
    Roth", "analyst Marcus Feld") or a verb of saying next to it ("said Marcus Feld", "Marcus Feld told").
    """
    names = first_names()
    out: list[Person] = []
    role_at: set[int] = set()  # positions right after a word taken as a role
    for m in PERSON_RE.finditer(text):
        first, last = m.group(1), m.group(3)
        if last.casefold() in STOPWORDS or first.casefold() in STOPWORDS:
            continue
        known = first.casefold() in names
        if is_role(first) or (not known and is_role(last)):
            continue  # "sagte Wirtschaftsminister Tilo": a role, not a name (but "Max Richter" is one)
        end = m.start(3) + len(last)
        if text[end : end + 1] == "." and is_role(last + "."):
            continue  # "California Sen. Dianne Feinstein": a place and an abbreviated title
        if _ROLE_NEXT.match(text, end):
            continue  # "Senate Democratic leader Chuck Schumer": words before a role describe it
        if not known and _THIRD_NAME.match(text, end) and (
            (len(first) >= 12 and "-" not in first) or last.casefold() in names
        ):
            # "so Gewerkschaftssekretärin Aylin Demir", "laut Gutachterin Petra Lind": a long compound noun, or a
            # word that is no first name before a first name and a surname, is a role
            role_at.add(m.start(3) - 1)
            continue
        if not known:
            end = m.start(3) + len(last)
            before = text[max(0, m.start() - 40) : m.start()]
            words = before.split() if before[-1:] in (" ", "\t") else []
            prev = words[-1].casefold() if words else ""
            cued = (
                (prev and (is_role(prev) or prev in _SAID_WORDS or _according(words)))
                or m.start() - 1 in role_at
                or _SAID_AFTER.match(text, end)
            )
            if not cued or "-" in first or _INSTITUTION.search(last) or _ADJECTIVE.search(first):
                continue  # "laut Statistischem Bundesamt", "said Deutsche Bank": no person
        out.append(Person(f"{first} {last}", first, last, m.start()))
    taken = {p.start for p in out}
    out += [p for p in _anonymised(text, names) if p.start not in taken]
    out.sort(key=lambda p: p.start)
    return out


@functools.lru_cache(maxsize=65536)
def _fold(s: str) -> str:
    if s.isascii():  # NFKD leaves ASCII as it is, and it has no combining marks (most words: 8 % of extraction)
        return s.casefold().strip()
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


def speaker_key(name: str) -> str:
    """Index key for a speaker: the folded surname ("Mara Lindqvist" and "Lindqvist" -> "lindqvist")."""
    toks = [t for t in re.split(r"[\s.]+", name.strip()) if t]
    return _fold(toks[-1]) if toks else ""


def display_name(name: str) -> str:
    """ "Paul T. Brenner" -> "Paul Brenner" (middle initials dropped), whitespace tidied; "Bernd T." (a surname
    the press shortens to protect someone) keeps its initial."""
    parts = name.split()
    toks = [t for i, t in enumerate(parts) if not (re.fullmatch(r"[A-Z]\.", t) and 0 < i < len(parts) - 1)]
    while len(toks) > 1 and toks[0].casefold().rstrip(".") in _TITLES:
        toks = toks[1:]  # "Mr Rutherford" is Rutherford: the article names him in full elsewhere
    return " ".join(toks)


def canonical_speaker(name: str, known: Iterable[str]) -> str:
    """Map a speaker name onto the fullest matching known name.

    "Lindqvist" with known ["Mara Lindqvist"] -> "Mara Lindqvist"; "Mara Lindqvist" with known ["Lindqvist"]
    -> "Mara Lindqvist" (the fuller form wins, the caller then stores "Lindqvist" as a variant);
    "Greta" with known ["Greta Holm"] -> "Greta Holm"; no match -> the name itself (tidied).
    """
    name = display_name(name)
    known = [display_name(k) for k in known if k and k.strip()]
    folded = _fold(name)
    for k in known:
        if _fold(k) == folded and len(k.split()) >= len(name.split()):
            return k
    toks = name.split()
    key = speaker_key(name)
    cands = [k for k in known if speaker_key(k) == key]
    if len(toks) > 1:
        cands = [k for k in cands if len(k.split()) == 1 or _fold(k)[:1] == folded[:1]]
    if cands:
        best = sorted(cands, key=lambda k: (-len(k.split()), -len(k), k))[0]
        return best if len(best.split()) > len(toks) else name
    if len(toks) == 1:
        firsts = sorted({k for k in known if len(k.split()) > 1 and _fold(k.split()[0]) == folded})
        if len(firsts) == 1:
            return firsts[0]
    return name


class NameBook:
    """The people of one article: resolves "Lindqvist", "Musks" and "Elon" to "Mara Lindqvist"."""

    def __init__(self, text: str):
        self.people = find_people(text)
        self.full: dict[str, str] = {}  # folded surname -> display name
        self.by_first: dict[str, set[str]] = {}
        for p in self.people:
            self.full.setdefault(_fold(p.last), p.name)
            self.full.setdefault(_fold(p.last.split()[-1]), p.name)  # "de Wolff" is also "Wolff"
            self.by_first.setdefault(_fold(p.first), set()).add(p.name)

    def resolve(self, token: str) -> str | None:
        """A person's display name for a token that names someone in this article, else None."""
        t = _fold(token)
        if t in self.full:
            return self.full[t]
        if t in self.by_first and len(self.by_first[t]) == 1:
            return next(iter(self.by_first[t]))
        return None

    def is_genitive(self, token: str) -> bool:
        t = _fold(token)
        return t.endswith("s") and t[:-1] in self.full and t not in self.full

    def canonical(self, name: str) -> str:
        return canonical_speaker(name, sorted(set(self.full.values())))
