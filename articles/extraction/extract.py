"""Claims in one article body: figures, quotes with speaker and date, topic and terms."""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass

from . import dates, numbers
from .names import (
    FUNCTION_WORDS,
    STOPWORDS,
    NameBook,
    display_name,
    find_people,
    first_name_gender,
    first_names,
    is_role,
)
from .types import ClaimDraft

# ---------------------------------------------------------------- sentences

ABBREV = frozenset(
    """
        mio mrd bio tsd ca nov dez jan feb mär apr jun jul aug sep sept okt oct dec dr prof st nr
        bzw vgl z b u a d h mr mrs ms jr inc corp co etc vs ggf evtl usw e g i no ex bspw sog abs
    """.split()
)
SENT_END = re.compile(r"[.!?…]+[\"“”»«‘’)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([\w]+)$")


def split_sentences(body: str, language: str = "de") -> list[tuple[int, int]]:
    """Sentence spans (start, end) over the whole body.

    A line break ends a sentence, except in hard-wrapped text: a line that stops mid-sentence and is followed
    by a line going on in lower case is joined with it. In German a number with a point is an ordinal or a
    date ("21. Jahrhundert", "6. Nov.") unless it has four digits (a year ending the sentence).
    """
    german = language.startswith("de")
    spans: list[tuple[int, int]] = []
    for line_start, line in _blocks(body):
        cut = 0
        for m in SENT_END.finditer(line):
            end = m.end()
            nxt = line[end:].lstrip()
            if not nxt:
                continue
            c = nxt[0]
            if not (c.isupper() or c.isdigit() or c in "„“\"»(‚'"):
                continue
            if m.start() > 0 and line[m.start() - 1] == "(":
                continue  # "(!)" inside a sentence
            if m.group(0)[0] == ".":
                w = _WORD_BEFORE.search(line, 0, m.start())
                if w and (
                    w.group(1).lower() in ABBREV
                    or (w.group(1).isdigit() and german and len(w.group(1)) < 4)
                    or (len(w.group(1)) == 1 and w.group(1).isupper())
                ):
                    continue
            _add_span(spans, line, line_start, cut, end)
            cut = end
        _add_span(spans, line, line_start, cut, len(line))
    return spans


_WRAPPED = re.compile(r"[^\s.!?:;…\"“”»«)]\n(?=[ \t]*[a-zäöüß])")


def _blocks(body: str) -> list[tuple[int, str]]:
    """(offset, text) of each line, hard-wrapped lines joined (the newline stays inside the text)."""
    joins = {m.start() + 1 for m in _WRAPPED.finditer(body)}
    out: list[tuple[int, str]] = []
    start = 0
    for i, ch in enumerate(body):
        if ch == "\n" and i not in joins:
            out.append((start, body[start:i]))
            start = i + 1
    out.append((start, body[start:]))
    return out


BULLET = re.compile(r"^\s*(?:[-–•*|>]+\s+|\d{1,2}[.)]\s+(?=\D))?")


def _add_span(spans: list[tuple[int, int]], line: str, offset: int, a: int, b: int) -> None:
    seg = line[a:b]
    lead = BULLET.match(seg).end() if a == 0 else len(seg) - len(seg.lstrip())
    seg = seg[lead:]
    lead += len(seg) - len(seg.lstrip())
    seg = seg.strip()
    if seg:
        spans.append((offset + a + lead, offset + a + lead + len(seg)))


# ---------------------------------------------------------------- quotes

CLOSERS = {"„": '“”"', "»": "«", "«": "»", "“": '”“"‘', "”": "“”", '"': '"”“'}
PARA_BREAK = re.compile(r"\n[ \t]*\n")
SPEECH = (
    r"sagte|sagt|sagten|gesagt|erklärte|erklärt|erklärten|schrieb|schreibt|geschrieben|betonte|betont|"
    r"meinte|meint|warnte|warnt|postete|gepostet|twitterte|getwittert|kommentierte|antwortete|fragte|"
    r"behauptete|behauptet|verspricht|versprach|versprochen|äußerte|ergänzte|fügte|räumte|kündigte|so|laut|"
    r"umschrieb|umschrieben|zitiert|sprach|spricht|twittert|schreiben|sagen|erklären|"
    r"said|says|wrote|writes|told|tells|added|adds|stated|states|posted|tweeted|argued|warned|claimed|"
    r"explained|insisted|noted|replied|asked|according|promised|announced|"
    r"kritisierte|kritisiert|mahnte|mahnt|forderte|fordert|bekräftigte|unterstrich|bestätigte|widersprach|"
    r"entgegnete|erwiderte|versicherte|verkündete|zitierte|warnen|"
    r"countered|cautioned|acknowledged|admitted|remarked|commented|responded|stressed|emphasised|emphasized|"
    r"predicted|conceded|declared|confirmed|recalled|observed"
)
SPEECH_RE = re.compile(rf"\b(?:{SPEECH})\b", re.IGNORECASE)
AFTER_RE = re.compile(rf"^[\s,.–—-]*(?:{SPEECH})\b", re.IGNORECASE)
CAP_TOKEN = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w]*(?:-[\w]+)*)")
PRONOUN_RE = re.compile(r"\b(?:[Ee]r|[Hh]e|[Ss]he)\b")
PRONOUN_GENDER = {"er": "m", "he": "m", "she": "f", "sie": "f"}
_SIE_AFTER = re.compile(r"^\s*sie\b")
_WORD_BEFORE_NAME = re.compile(r"([\w.-]+)[ \t]+$")
_DEF_ROLE = re.compile(r"\b(?:der|die|des|dem|the)\s+([\w-]+)", re.IGNORECASE)
TITLE_GENDER = {"frau": "f", "mrs": "f", "ms": "f", "miss": "f", "herr": "m", "herrn": "m", "mr": "m"}
NAME_FIRST_RE = re.compile(rf"^[\s,.–—-]*([^.;:!?\n]{{1,70}}?)\s(?i:{SPEECH})\b")
HANDLE_LINE = re.compile(r"^\s*(?P<name>[^@\n(]{3,60}?)\s*\(?@\w+\)?\s*(?:[–—·|-]\s*)?(?P<date>[^\n]{0,40})$")
ARTICLES = {"der", "die", "das", "den", "dem", "des", "the", "ein", "eine", "einen", "a", "an"}
# an apposition between a name and its verb of saying: ", a former investor in the company," / ", Chef von X,"
APPOSITION_RE = re.compile(r",\s+(?:[a-zäöüß][^,]{0,60}|(?:Chef|Chefin|CEO|Gründer|Gründerin)\b[^,]{0,50}),?\s*$")
# a sentence that reports someone speaking ("wrote in a memo yesterday", "Widerspruch kam gestern von ..."):
# its date is the date of that speaker's quote that follows
SPEECH_ACT_RE = re.compile(
    rf"\b(?:{SPEECH}|widerspruch|kritik|interview|memo|rede|statement|erklärung|mitteilung|brief|letter"
    r"|pressekonferenz|press conference|speech|remarks|vorgestellt|vorstellte|präsentiert\w*|presented|unveiled)\b",
    re.IGNORECASE,
)


@dataclass
class Quote:
    open: int  # index of the opening mark
    start: int  # inner text span
    end: int
    closed: bool
    close: int  # index of the closing mark (== end when unclosed)


def find_quotes(body: str) -> list[Quote]:
    out: list[Quote] = []
    n = len(body)
    breaks = [m.start() for m in PARA_BREAK.finditer(body)] + [n]
    i = 0
    while i < n:
        c = body[i]
        if c in CLOSERS and (i == 0 or not body[i - 1].isalnum()) and i + 1 < n and not body[i + 1].isspace():
            para = breaks[bisect.bisect_left(breaks, i)]
            limit = min(para, i + 2500)
            k = i + 1
            found = -1
            while k < limit:
                ch = body[k]
                if (
                    ch in CLOSERS[c]
                    and not body[k - 1].isspace()
                    and (k + 1 >= n or not body[k + 1].isalnum())
                ):
                    found = k
                    break
                k += 1
            if found > i + 1:
                inner_end = found
                while inner_end > i + 1 and body[inner_end - 1] in ",; \t\n":
                    inner_end -= 1
                out.append(Quote(i, i + 1, inner_end, True, found))
                i = found + 1
                continue
            if found == -1:
                nl = body.find("\n", i)
                end = min(limit, nl if nl != -1 else n)
                while end > i + 1 and body[end - 1].isspace():
                    end -= 1
                if end > i + 1:
                    out.append(Quote(i, i + 1, end, False, end))
                i = max(end, i + 1)
                continue
        i += 1
    return out


def is_statement(text: str) -> bool:
    """A real sentence, not a scare-quoted word or a title: >= 4 words, some in lower case."""
    words = re.findall(r"\w+", text)
    if len(words) < 4:
        return False
    return sum(1 for w in words if w[0].islower() and len(w) > 1) >= 1


# ---------------------------------------------------------------- terms and topics

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
        inner_caps = any(ch.isupper() for ch in tok[1:])
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
    # frequent non-person names with inner capitals ("KI-Infrastruktur", "OpenAI") as a fallback
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
    """Names in the headline that the body names again ("Musk zweifelt an Stargate" ... "über Stargate"), most
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
        if counts.get(t, 0) >= 2 and t not in TOPIC_GENERIC and t not in out:
            out.append(t)
    return out[:4]


def _topic_terms(topic: str | None) -> list[str]:
    if not topic:
        return []
    out = [_fold(topic)]
    out += [_fold(p) for p in re.split(r"[\s-]+", topic) if len(p) >= 3 and _fold(p) not in FUNCTION_WORDS]
    return list(dict.fromkeys(out))


# ---------------------------------------------------------------- the article


class Article:
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

    # ------------------------------------------------------------ speakers

    def _mentions(self, text: str) -> list[tuple[int, int, str | None]]:
        """People named in `text`: (start, end, display name); a pronoun gives name None."""
        people = {p.start: p for p in find_people(text)}
        out: list[tuple[int, int, str | None]] = []
        skip_to = -1
        for m in CAP_TOKEN.finditer(text):
            pos = m.start()
            if pos < skip_to:
                continue
            if pos in people:
                p = people[pos]
                end = text.find(p.last, pos) + len(p.last)
                out.append((pos, end, self.book.canonical(p.name)))
                skip_to = end
                continue
            tok = m.group(1)
            if self.book.is_genitive(tok):
                continue
            got = self.book.resolve(tok)
            if got:
                out.append((pos, m.end(), got))
            elif _fold(tok) in first_names() and not (m.end() < len(text) and text[m.end()] in "-."):
                out.append((pos, m.end(), tok))  # a first name on its own ("unser Friedrich")
        out += [(pm.start(), pm.end(), None) for pm in PRONOUN_RE.finditer(text)]
        out.sort()
        return out

    def _person_in(self, text: str, offset: int, *, near_verb: bool = False, depth: int = 0) -> str | None:
        """The person `text` (body[offset:offset+len(text)]) names as speaker, pronouns resolved.

        With near_verb, the mention closest to the last verb of saying wins ("Nachdem A sprach, sagte B:"),
        else the first one.
        """
        found = self._mentions(text)
        if not found:
            return None
        pick = found[0]
        if near_verb:
            verbs = list(SPEECH_RE.finditer(text))
            if verbs:
                v = verbs[-1]

                def dist(mn: tuple[int, int, str | None]) -> int:
                    return v.start() - mn[1] if mn[1] <= v.start() else mn[0] - v.end() + 1

                pick = min(found, key=lambda mn: (dist(mn), mn[0]))
        name = pick[2]
        if name is not None:
            return name
        return self._antecedent(offset, PRONOUN_GENDER.get(text[pick[0] : pick[1]].casefold()), depth)

    def _gender(self, text: str, start: int, name: str) -> str | None:
        """ "f" or "m" when the text says so ("Staatssekretärin Theresa Lindner", "Frau Roth", "Mr Berg", a
        first name of known gender); None when unsaid."""
        w = _WORD_BEFORE_NAME.search(text, max(0, start - 40), start)
        if w:
            word = w.group(1)
            low = word.casefold().rstrip(".")
            if low in TITLE_GENDER:
                return TITLE_GENDER[low]
            if self.language == "de" and is_role(word):
                return "f" if re.search(r"(?:in|innen)$", word) else "m"
        return first_name_gender(name.split()[0])

    def _antecedent(self, pos: int, gender: str | None = None, depth: int = 0) -> str | None:
        """The person a pronoun at body position `pos` most likely stands for: a person named in the nearest
        sentence before it that names one whose gender does not contradict the pronoun's ("sagte sie" is a
        woman); of several there, the first."""
        if depth > 3:
            return None
        i = self.sentence_index(pos)
        for j in range(i - 1, max(-1, i - 4), -1):
            s, e = self.sentences[j]
            text = self.body[s:e]
            found = self._mentions(text)
            named = [mn for mn in found if mn[2] is not None]
            if gender:
                named = [mn for mn in named if self._gender(text, mn[0], mn[2]) in (None, gender)]
            if named:  # the sentence's first name: its subject more often than not ("Musk, der Trump ...")
                return named[0][2]
            if found:  # only a pronoun: it stands for someone further back
                return self._antecedent(s, gender, depth + 1)
        return None

    def _bare_speaker(self, text: str, before_verb: bool) -> str | None:
        """A capitalised name right next to a speech verb ("Trump sagte", "so Altman") not in the book."""
        if before_verb:
            m = re.search(rf"(?:^|[^\w])([A-ZÄÖÜ][\w-]+)\s(?:hat|hatte|habe)?\s*(?:{SPEECH})\b", text)
        else:
            m = re.match(rf"^[\s,.–—-]*(?i:{SPEECH})\b\s+(?:[a-zäöüß]\w*\s+)?([A-ZÄÖÜ][\w-]+)", text)
        if not m:
            return None
        tok = m.group(1)
        prev = text[: m.start(1)].split()
        if not before_verb and is_role(tok):
            # "sagte Nordkap-Vorständin Sigrid Aune": the name follows the role
            nm = re.match(r"\s+([A-ZÄÖÜ][\w-]+)(?:\s+([A-ZÄÖÜ][\w-]+))?", text[m.end(1) :])
            if not nm or _fold(nm.group(1)) in STOPWORDS:
                return None
            last = nm.group(2) if nm.group(2) and _fold(nm.group(2)) not in STOPWORDS else None
            return self.book.canonical(f"{nm.group(1)} {last}" if last else nm.group(1))
        if _fold(tok) in STOPWORDS or is_role(tok) or (prev and prev[-1].lower() in ARTICLES):
            return None
        return self.book.canonical(tok)

    def date_said_before(
        self, q: Quote, speaker: str, language: str, previous: dt.date | None
    ) -> dt.date | None:
        """The date of the quote from one of the two sentences before it that report the same speaker
        speaking ("Dana Whitfield wrote in a memo to staff yesterday. … “…,” Whitfield wrote."), by name or
        by the role the article gave the speaker ("Umweltminister Henrik Falkenberg" … "sagte der Minister am
        Dienstag")."""
        last = _fold(speaker.split()[-1])
        i = self.sentence_index(q.open)
        for j in range(i - 1, max(-1, i - 3), -1):
            s, e = self.sentences[j]
            sent = self.body[s:min(e, q.open)]
            if not SPEECH_ACT_RE.search(sent):
                continue
            if _fold(sent).find(last) < 0:
                role = self._role_of(speaker)
                if not (role and self._names_role(sent, role)):
                    continue
            return dates.find_date(sent, language, self.published_on, previous)
        return None

    def _role_of(self, speaker: str) -> str | None:
        """The role word the article puts before the speaker's name ("Umweltminister"), folded; None if none."""
        first = speaker.split()[0]
        at = self.body.find(first)
        while at > 0:
            w = _WORD_BEFORE_NAME.search(self.body, max(0, at - 40), at)
            if w and is_role(w.group(1)):
                return _fold(w.group(1))
            at = self.body.find(first, at + 1)
        return None

    @staticmethod
    def _names_role(sent: str, role: str) -> bool:
        """ "der Minister", "the minister": the sentence names someone by (the end of) `role`."""
        for m in _DEF_ROLE.finditer(sent):
            noun = _fold(m.group(1))
            if len(noun) >= 4 and role.endswith(noun) and is_role(m.group(1)):
                return True
        return False

    def speaker_for(self, q: Quote, quotes: list[Quote]) -> tuple[str | None, str, str | None]:
        """(speaker, context used for the date, tweet-header date text)."""
        body = self.body
        # 1. tweet header on the line before: "Name @handle – 6. Nov. 2025"
        line_start = body.rfind("\n", 0, q.open) + 1
        if not body[line_start : q.open].strip():
            prev_end = line_start - 1
            while prev_end > 0 and body[prev_end - 1] in " \t\n":
                prev_end -= 1
            prev_start = body.rfind("\n", 0, max(0, prev_end)) + 1
            prev_line = body[prev_start : max(prev_start, prev_end)]
            hm = HANDLE_LINE.match(prev_line)
            if hm:
                name = display_name(hm.group("name").strip(" –—-"))
                return self.book.canonical(name), prev_line, hm.group("date")
        # 2. after the quote: "…“, sagte X" / "…“, so X"
        after_start = q.close + 1 if q.closed else q.end
        after = body[after_start : after_start + 160].split("\n")[0]
        am = AFTER_RE.match(after)
        if am:
            rest = after[am.end() : am.end() + 90]
            rest = re.split(r"[.;!?]\s", rest)[0]
            who = self._person_in(rest, after_start + am.end())
            if who is None and _SIE_AFTER.match(rest) and not am.group(0).rstrip().endswith("en"):
                # "…“, sagte sie": a woman named in the sentences before ("sagten sie" would be several)
                who = self._antecedent(after_start + am.end(), "f")
            if who is None:
                who = self._bare_speaker(after, before_verb=False)
            if who:
                return who, after, None
        nm = NAME_FIRST_RE.match(after)
        if nm and not SPEECH_RE.search(nm.group(1)):
            who = self._person_in(nm.group(1), after_start + nm.start(1))
            if who is None:
                # "…," Ortiz, a former investor, told Bloomberg: the name before an apposition
                named = APPOSITION_RE.sub("", nm.group(1))
                who = self._bare_speaker(named + " sagte", before_verb=True)
            if who:
                return who, after, None
        # 3. before the quote, in its sentence, or the line before ending with ":"
        si = self.sentence_index(q.open)
        s_start = self.sentences[si][0] if self.sentences else 0
        s_start = min(s_start, q.open)
        before = body[s_start : q.open]
        ctx_start = s_start
        if not before.strip():
            prev_end = line_start - 1
            while prev_end > 0 and body[prev_end - 1] in " \t\n":
                prev_end -= 1
            prev_start = body.rfind("\n", 0, prev_end) + 1
            cand = body[prev_start:prev_end]
            if cand.rstrip().endswith(":"):
                psi = self.sentence_index(prev_end - 1)
                ctx_start = max(prev_start, self.sentences[psi][0])
                before = body[ctx_start:prev_end]
        # blank out other quotes inside the context
        for other in quotes:
            if (
                other is not q
                and ctx_start <= other.open < ctx_start + len(before)
                and is_statement(body[other.start : other.end])
            ):
                a = other.start - ctx_start
                b = min(len(before), other.end - ctx_start)
                before = before[:a] + " " * (b - a) + before[b:]
        stripped = before.rstrip()
        intro = stripped.endswith((":", "(", ",")) or bool(SPEECH_RE.search(before))
        if intro:
            who = self._person_in(before, ctx_start, near_verb=True)
            if who is None:
                who = self._bare_speaker(stripped, before_verb=True)
            if who:
                return who, before + " " + after, None
        return None, before, None


# ---------------------------------------------------------------- extraction


def _nearest_currency(body: str, pos: int, default: str | None) -> str | None:
    best = None
    for m in numbers.MONEY_CONTEXT_RE.finditer(body, max(0, pos - 800), pos):
        best = m
    if best is not None:
        return numbers.CURRENCY_WORDS.get(best.group(0).lower(), default)
    return default


def extract(body: str, *, language: str, published_on: dt.date | None, title: str = "") -> list[ClaimDraft]:
    art = Article(body, language, published_on, title)
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
    for q in quotes:
        inner = body[q.start : q.end]
        if not is_statement(inner):
            continue
        speaker, ctx, header_date = art.speaker_for(q, quotes)
        if speaker is None:
            continue
        stated = None
        if header_date:
            stated = dates.find_date(header_date, lang, published_on, previous_date)
        if stated is None:
            stated = dates.find_date(ctx, lang, published_on, previous_date)
        if stated is None:
            stated = art.date_said_before(q, speaker, lang, previous_date)
        if stated is not None:
            previous_date = stated
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
                quantity=qty,
                topic=art.topic_for(q.start, q.end),
                terms=terms,
            )
        )
    quote_spans = [(c.start, c.end) for c in claims]
    for i, mn in enumerate(mentions):
        if i in used:
            continue
        si = art.sentence_index(mn.start)
        s, e = art.sentences[si]
        for qs, qe in quote_spans:  # keep a figure claim inside the quote it sits in
            if qs <= mn.start < qe:
                s, e = max(s, qs), min(e, qe)
        claims.append(
            ClaimDraft(
                kind="figure",
                text=body[s:e],
                start=s,
                end=e,
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
