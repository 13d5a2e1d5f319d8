"""Who said a quote: a name in a speaker position (a verb of saying on either side, a role noun, "laut"/
"according to", a colon, a tweet header), pronouns resolved to the nearest fitting person, "Mr X" and a bare
surname to the full name given earlier. Mixed into the pipeline's Document, which holds the body, its sentences
and its people (NameBook).
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from articles.lexicon import alternation, both, both_map

from . import dates
from .names import STOPWORDS, display_name, find_people, first_name_gender, first_names, is_role
from .quotes import Quote, find_quotes, is_statement
from .topics import _fold

# verbs of saying and the words that attribute a statement ("laut", "so", "according"), both languages
SPEECH = "|".join(
    sorted(
        {*both("SPEECH_VERBS"), *both("SPEECH_VERBS_MORE"), *both("ATTRIBUTION_WORDS"), *both("IMPERSONAL_SPEECH")},
        key=len,
        reverse=True,
    )
)
# "told Reuters": the person after such a verb listens; "sagt X über Y und erklärt": the second verb's subject
# is the first one's
ADDRESSEE_RE = re.compile(rf"(?:{alternation(both('ADDRESSEE_VERBS'))})", re.IGNORECASE)
_JOINED_VERB = re.compile(rf"\b(?:{alternation(both('COORDINATORS'))})\s+$", re.IGNORECASE)
_APPOSITION_ROLES = alternation(both("APPOSITION_ROLES"))
_APPOSITION_START = re.compile(rf",\s+(?:[a-zäöüß]|(?:{_APPOSITION_ROLES})\b)")
# a clause of indirect speech ("Niemand habe ihr gesagt, …"): it reports what the person named before said
REPORTED_RE = re.compile(rf"\b(?:{alternation(both('REPORTED_SPEECH'))})\b")
# "schickt sie", "sagte sie": "sie" after a verb in the third person singular is a woman as subject
_SIE_SUBJECT = re.compile(r"\b[a-zäöüß]+te? (sie)\b")
SPEECH_RE = re.compile(rf"\b(?:{SPEECH})\b", re.IGNORECASE)
AFTER_RE = re.compile(rf"^[\s,.–—-]*(?:{SPEECH})\b", re.IGNORECASE)
CAP_TOKEN = re.compile(r"(?<![\w-])([A-ZÄÖÜ][\w]*(?:-[\w]+)*)")
# subject pronouns with a gender ("sie" is read apart: it is also "they"); from the lexicon's PRONOUNS
PRONOUN_GENDER = {w: g for w, g in both_map("PRONOUNS").items() if g}
PRONOUN_RE = re.compile(
    rf"\b(?:{'|'.join(f'[{w[0].upper()}{w[0]}]{w[1:]}' for w in sorted(PRONOUN_GENDER) if w != 'sie')})\b"
)
_SIE_AFTER = re.compile(r"^\s*sie\b")
_WORD_BEFORE_NAME = re.compile(r"([\w.-]+)[ \t]+$")
_DEF_ROLE = re.compile(rf"\b(?:{alternation(both('DEFINITE_ARTICLES'))})\s+([\w-]+)", re.IGNORECASE)
TITLE_GENDER = both_map("TITLES")
NAME_FIRST_RE = re.compile(rf"^[\s,.–—-]*([^.;:!?\n]{{1,70}}?)\s(?i:{SPEECH})\b")
HANDLE_LINE = re.compile(r"^\s*(?P<name>[^@\n(]{3,60}?)\s*\(?@\w+\)?\s*(?:[–—·|-]\s*)?(?P<date>[^\n]{0,40})$")
ARTICLES = frozenset(both("ARTICLES"))
# an apposition between a name and its verb of saying: ", a former investor in the company," / ", Chef von X,"
APPOSITION_RE = re.compile(rf",\s+(?:[a-zäöüß][^,]{{0,60}}|(?:{_APPOSITION_ROLES})\b[^,]{{0,50}}),?\s*$")
# a sentence that reports someone speaking ("wrote in a memo yesterday", "Widerspruch kam gestern von ..."):
# its date is the date of that speaker's quote that follows
SPEECH_ACT_RE = re.compile(
    rf"\b(?:{SPEECH}|{alternation([*both('SPEECH_ACT_NOUNS'), *both('MESSAGE_NOUNS')], escape=True)})\b",
    re.IGNORECASE,
)



_ARTICLE_BEFORE = re.compile(rf"\b(?:{'|'.join(both('ARTICLES'))})\s+$", re.IGNORECASE)


QUOTE_MARK_RE = re.compile(r"[„“”»«\"]")
PARA_BREAK_RE = re.compile(r"\n[ \t]*\n")


_END_MARK = re.compile(r"[.;!?]\s")
_ABBREVIATED = frozenset(both("ABBREVIATIONS"))


def _clause_end(text: str) -> int:
    """Where the sentence of `text` ends: the first ". " not after an abbreviation ("Sen. Marta Quill")."""
    for m in _END_MARK.finditer(text):
        word = re.search(r"(\w+)$", text[: m.start()])
        if m.group(0)[0] == "." and word and word.group(1).casefold() in _ABBREVIATED:
            continue
        return m.start()
    return len(text)


# "schreibt ein Sprecher des Bundestages", "said a spokesman for Harbor Grid": an unnamed voice of an organisation
# The organisation's name: capitalised words, with "and"/"und"/"of" between them ("Universities and Colleges
# Employers' Association").
_ORG_NAME = (
    rf"[A-ZÄÖÜ][\w&.’'-]*(?:\s+(?:(?:{alternation(both('NAME_JOINERS'), escape=True)})\s+)?[A-ZÄÖÜ][\w&.’'-]*){{0,5}}"
)
_ORG_VOICE_TEXT = (
    r"(?i:ein|eine|einer|a|an|the)\s+(?:[a-zäöüß]\w*\s+)?(?P<role>[\w-]+)\s+(?P<prep>der|des|vom|von|of|for|at|from)"
    rf"\s+(?:the\s+)?(?P<org>{_ORG_NAME})"
)
_ORG_VOICE = re.compile(r"^\s*" + _ORG_VOICE_TEXT)
_ORG_VOICE_ANY = re.compile(r"\b" + _ORG_VOICE_TEXT)


# "das Unternehmen", "the company", "der Konzern": a company spoken of by its kind, standing for the company
# the article named before ("Die Kessler Logistik AG …", "Der Logistikkonzern Vantor …", "Grid operator Harbor
# Grid …")
_COMPANY = alternation(both("COMPANY_NOUNS"))
_LEGAL = alternation(both("LEGAL_FORMS"), escape=True)
_COMPANY_PHRASE = re.compile(rf"^[\s,]*(?i:der|die|das|the)\s+(?:[a-zäöüß][\w-]*\s+)?[\w-]*(?i:{_COMPANY})\b")
_CAPS = r"[A-ZÄÖÜ][\w&-]*(?:\s+[A-ZÄÖÜ][\w&-]*){0,3}"
_COMPANY_DECLARED = re.compile(
    rf"(?<![\w-])(?P<legal>{_CAPS}\s(?:{_LEGAL}))(?![\w])|\b[\w-]*(?i:{_COMPANY})\s+(?P<kind>{_CAPS})"
)
# "teilte die Nordwest Bahn mit": a name of two or more capitalised words after the article
_NAMED_AFTER = re.compile(r"^[\s,]*(?i:der|die|das|the)\s+(?P<org>[A-ZÄÖÜ][\w&-]*(?:\s+[A-ZÄÖÜ][\w&-]*){1,3})")


# "in einer Mitteilung des Stadtwerks", "in a statement from the Tarvin Water Board": who a document speaks for
_STATEMENT_OF = re.compile(
    rf"\b(?i:in|laut|according to)\s+(?i:einer|einem|der|dem|a|an|the|its|their)\s+(?:[a-zäöüß][\w-]*\s+)?"
    rf"(?i:{alternation(both('SPEECH_ACT_NOUNS'), escape=True)})\s+(?P<prep>des|der|vom|von|of|from|by)\s+(?:the\s+)?"
    rf"(?P<org>{_ORG_NAME})"
)
# "die 61-Jährige", "the 61-year-old": a person named by age (a pronoun with the article's gender)
_AGE_NOUN = re.compile(rf"\b(?i:der|die|the)\s+\d{{1,3}}-(?i:{alternation(both('AGE_NOUNS'), escape=True)})\b")


def _pronoun_gender(token: str) -> str | None:
    low = token.casefold()
    if low in PRONOUN_GENDER:
        return PRONOUN_GENDER[low]
    return {"die": "f", "der": "m"}.get(low.split()[0]) if " " in low else None


def _genitive_stem(org: str) -> str:
    """ "Landtages" -> "Landtag", "Stadtwerks" -> "Stadtwerk": the name a genitive after "des" stands for."""
    if " " in org:
        return org
    if org.endswith("es") and len(org) > 6:
        return org[:-2]
    if org.endswith("s") and not org.endswith("ss"):
        return org[:-1]
    return org


def _statement_of(text: str) -> str | None:
    m = _STATEMENT_OF.search(text)
    if not m:
        return None
    org = m.group("org").rstrip(".’'")
    return _genitive_stem(org) if m.group("prep") == "des" else org


def _org_name(m: re.Match[str]) -> str | None:
    if not is_role(m.group("role")):
        return None
    org = m.group("org").rstrip(".’'")
    # the genitive after "des" is not the name: "eines Sprechers des Landtages" speaks for the Landtag
    return _genitive_stem(org) if m.group("prep") == "des" else org


def _organisation_voice(text: str) -> str | None:
    m = _ORG_VOICE.match(text)
    return _org_name(m) if m else None


def _organisation_voice_in(text: str) -> str | None:
    """ "A spokesperson for the X Association said …": the organisation an unnamed voice in `text` speaks for."""
    for m in _ORG_VOICE_ANY.finditer(text):
        got = _org_name(m)
        if got:
            return got
    return None


class SpeakerRules:
    """The speaker rules of a Document (see articles.extraction.pipeline)."""

    @functools.cached_property
    def companies(self) -> list[tuple[int, str]]:
        """(position, name) of each company the body introduces as one, in text order."""
        out = []
        for m in _COMPANY_DECLARED.finditer(self.body):
            name = (m.group("legal") or m.group("kind")).split()
            while name and (_fold(name[0]) in STOPWORDS or is_role(name[0])):
                name = name[1:]
            if (name and not self.book.resolve(name[0])) or (name and len(name) > 1 and m.group("legal")):
                out.append((m.start(), " ".join(name)))
        return out

    def _organisation_speaking(self, text: str, pos: int) -> str | None:
        """The organisation `text` (at body position `pos`) opens with in a speaker position: "das Unternehmen"
        (the company named last before it) or a name of several capitalised words ("die Nordwest Bahn")."""
        if _COMPANY_PHRASE.match(text):
            named = [name for at, name in self.companies if at < pos]
            return named[-1] if named else None
        m = _NAMED_AFTER.match(text)
        if m:
            words = m.group("org").split()
            if not any(_fold(w) in STOPWORDS or is_role(w) or self.book.resolve(w) for w in words):
                return m.group("org")
        return None

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
            elif (
                _fold(tok) in first_names()
                and not (m.end() < len(text) and text[m.end()] in "-.")
                and not _ARTICLE_BEFORE.search(text, max(0, pos - 12), pos)
            ):
                out.append((pos, m.end(), tok))  # a first name on its own ("unser Friedrich"), not "die Lage"
        out += [(pm.start(), pm.end(), None) for pm in PRONOUN_RE.finditer(text)]
        if self.language == "de":
            out += [(pm.start(1), pm.end(1), None) for pm in _SIE_SUBJECT.finditer(text)]
        out += [(am.start(), am.end(), None) for am in _AGE_NOUN.finditer(text)]
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
            verbs = [
                v
                for v in SPEECH_RE.finditer(text)
                # a capitalised German verb inside a sentence is a noun: "ein Schreiben von Y"
                if not (self.language == "de" and v.group(0)[:1].isupper() and text[: v.start()].strip())
            ]
            if verbs:
                k = len(verbs) - 1
                while k > 0 and _JOINED_VERB.search(text, max(0, verbs[k].start() - 8), verbs[k].start()):
                    k -= 1  # "sagt X über Y und erklärt": the subject of the first verb
                v = verbs[k]
                cands = found
                if ADDRESSEE_RE.fullmatch(v.group(0)):
                    cands = [mn for mn in found if mn[1] <= v.start()] or found  # "X told Y": Y listens

                def dist(mn: tuple[int, int, str | None]) -> int:
                    return v.start() - mn[1] if mn[1] <= v.start() else mn[0] - v.end() + 1

                pick = min(cands, key=lambda mn: (dist(mn), mn[0]))
                if text[: v.start()].rstrip().endswith(","):
                    # "Ian Holt, the director of the Lindholm Institute, told …": the name before the apposition
                    appos = [mn for mn in cands if mn[1] <= v.start() and _APPOSITION_START.match(text, mn[1])]
                    if appos:
                        pick = appos[-1]
        name = pick[2]
        if name is not None:
            return name
        return self._antecedent(offset, _pronoun_gender(text[pick[0] : pick[1]]), depth)

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
            if named:  # the sentence's first name: its subject more often than not ("Lindqvist, der Okafor ...")
                return named[0][2]
            org = _organisation_voice_in(text)
            if org:  # "A spokesperson for the X Association said …" … "he said": he speaks for it
                return org
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
        # a quote whose own sentence does not name its speaker ("Er habe …: »…«") goes on the sentence before
        own = self.sentences[i] if self.sentences else (q.open, q.open)
        goes_on = _fold(self.body[own[0] : max(own[1], q.end)]).find(last) < 0
        for j in range(i - 1, max(-1, i - 3), -1):
            s, e = self.sentences[j]
            sent = self.unquoted[s : min(e, q.open)]
            if not SPEECH_ACT_RE.search(sent):
                continue
            if _fold(sent).find(last) < 0:
                role = self._role_of(speaker)
                # "Am 4. Mai dann eine knappe Mail. Er habe …: »…«": a message with nobody named, just before
                unnamed = goes_on and j == i - 1 and not self._mentions(sent)
                if not (role and self._names_role(sent, role)):
                    day = dates.find_date(sent, language, self.published_on, previous) if unnamed else None
                    if day is None:
                        continue
                    return day
            return dates.find_date(sent, language, self.published_on, previous)
        return None

    @functools.cached_property
    def unquoted(self) -> str:
        """The body with the words of its quotes blanked (same length): a date inside a quote is no date said."""
        chars = list(self.body)
        for x in find_quotes(self.body):
            chars[x.start : x.end] = " " * (x.end - x.start)
        return "".join(chars)

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
            rest = rest[: _clause_end(rest)]
            who = _organisation_voice(rest) or self._person_in(rest, after_start + am.end())
            if who is None and _SIE_AFTER.match(rest) and not am.group(0).rstrip().endswith("en"):
                # "…“, sagte sie": a woman named in the sentences before ("sagten sie" would be several)
                who = self._antecedent(after_start + am.end(), "f")
            if who is None:
                who = self._organisation_speaking(rest, after_start + am.end())
            if who is None:
                who = self._bare_speaker(after, before_verb=False)
            if who:
                return who, after, None
        who = _statement_of(after[: _clause_end(after)])
        if who:  # "…“, heißt es in einer Mitteilung des Stadtwerks", "… in a statement from the X Board"
            return who, after, None
        nm = NAME_FIRST_RE.match(after)
        if nm and not SPEECH_RE.search(nm.group(1)):
            who = self._person_in(nm.group(1), after_start + nm.start(1))
            if who is None:
                who = self._organisation_speaking(nm.group(1), after_start + nm.start(1))
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
            if who is None and SPEECH_RE.search(before):
                who = self._organisation_speaking(before, ctx_start)
            if who:
                return who, before + " " + after, None
        return None, before, None

    def figure_speaker(self, s: int, e: int) -> str | None:
        """The person or organisation a figure's sentence body[s:e] attributes it to: "laut X", "according to
        X", "X sagte", "said X", ", so X"; None when the sentence names no speaker."""
        text = self.body[s:e]
        if not SPEECH_RE.search(text):
            return None
        who = self._person_in(text, s, near_verb=True)
        if who is None:
            who = self._bare_speaker(text, before_verb=True) or self._bare_speaker_after(text)
        if who is None:  # "…, teilte das Unternehmen mit", "the company said"
            for v in SPEECH_RE.finditer(text):
                who = self._organisation_speaking(text[v.end() :], s + v.end())
                if who is None and v.start() > 0:
                    clause = text[: v.start()].rsplit(",", 1)[-1]
                    who = self._organisation_speaking(clause, s + v.start() - len(clause))
                if who:
                    break
        return who

    def _bare_speaker_after(self, text: str) -> str | None:
        """ "…, sagt Stenger.", "…, said Jones": a capitalised name right after the sentence's last verb of saying."""
        verbs = list(SPEECH_RE.finditer(text))
        if not verbs:
            return None
        return self._bare_speaker(text[verbs[-1].start() :], before_verb=False)

    def speaker_from_context(self, q: Quote, previous: tuple[Quote, str] | None) -> str | None:
        """For a quote no rule of speaker_for attributes: the person the sentence before it reports speaking
        ("Auf Nachfrage sagt Keller, er könne sich nicht erinnern. „…“", "laut X … . „…“"), the person reported
        just before when the quote stands in indirect speech with nobody named ("Niemand habe ihr gesagt, „…“"),
        else the speaker of the quote just before it that it goes on ("“A,” X said. “B.”", and a quote opening
        the paragraph after one that ended with "he said")."""
        body = self.body
        si = self.sentence_index(q.open)
        s_start = min(self.sentences[si][0], q.open) if self.sentences else 0
        lead = body[s_start : q.open]
        opens_sentence = not lead.strip(" \t\n„“\"»«(")
        if opens_sentence and si > 0:
            ps, pe = self.sentences[si - 1]
            prev_sentence = body[ps:pe]
            if SPEECH_RE.search(prev_sentence) and not self._holds_statement(prev_sentence):
                who = self._person_in(prev_sentence, ps, near_verb=True)
                if who:
                    return who
        elif (
            si > 0
            and REPORTED_RE.search(lead)
            and not QUOTE_MARK_RE.search(lead)
            and not any(mn[2] for mn in self._mentions(lead))
        ):
            for j in range(si - 1, max(-1, si - 3), -1):
                ps, pe = self.sentences[j]
                if self._holds_statement(body[ps:pe]):
                    break
                who = self._person_in(body[ps:pe], ps, near_verb=True)
                if who:
                    return who
        if previous is None:
            return None
        prev_q, prev_speaker = previous
        gap = body[(prev_q.close + 1 if prev_q.closed else prev_q.end) : q.open]
        if len(gap) > 240 or QUOTE_MARK_RE.search(gap.strip()):
            return None
        breaks = len(PARA_BREAK_RE.findall(gap)) + gap.count("\n") - 2 * len(PARA_BREAK_RE.findall(gap))
        if breaks > 1:
            return None
        if breaks == 1 and not gap.rstrip(" \t").endswith("\n"):
            return None  # the quote does not open its paragraph
        # the previous quote's own attribution (", schreibt ein Anwalt im Auftrag von Y.") may name others
        attribution = breaks == 0 and bool(AFTER_RE.match(gap) or NAME_FIRST_RE.match(gap)) and len(
            _END_MARK.findall(gap.rstrip() + " ")
        ) <= 1
        named = {mn[2] for mn in self._mentions(gap) if mn[2] is not None}
        if (
            not attribution
            and named - {prev_speaker}
            and not any(prev_speaker.endswith(n) or n.endswith(prev_speaker) for n in named)
        ):
            return None  # someone else is named between the two
        return prev_speaker

    @staticmethod
    def _holds_statement(text: str) -> bool:
        """Whether `text` quotes a statement (a scare-quoted word like „Sonderfonds“ is none)."""
        return any(is_statement(text[x.start : x.end]) for x in find_quotes(text))
