"""Numbers as news write them, rewritten to digits before figures are matched, with a map back to the text.

- numbers written as words ("vier", "achtzehn", "eight", "twenty-one", "two hundred and fifty"): the text2num
  package reads them (German and English); "ein"/"one" stay words (the figure rules treat them apart);
- "half a million" -> 0.5 million, "a dozen" / "ein Dutzend" -> 12;
- "49,- Euro" (a whole amount) -> "49,0 Euro";
- digits grouped by any Unicode space ("30 000" with a no-break, thin or narrow no-break space, or a plain
  space): the space becomes the language's thousands separator (same length, no shift).

`Numerals.to_text(pos)` maps a position of the rewritten text back to the original.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from articles.lexicon import both, of

_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000 "
SPACED_DIGITS = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:[{_SPACES}]\d{{3}})+(?![\d.,]\d|\d)")
_SPACE_IN = re.compile(rf"[{_SPACES}]")
WHOLE_AMOUNT = re.compile(r"(?<=\d),[-–](?![\d-])")
WORD = re.compile(r"(?<![\w-])[A-Za-zÄÖÜäöüß]+(?:-[A-Za-zÄÖÜäöüß]+)*(?![\w-])")
# words text2num reads that are left to the figure rules: scale words and the weak ones
_SCALE_WORD = re.compile(
    rf"(?:{'|'.join(p for p, _ in [*of('de').SCALES, *of('en').SCALES])})\Z", re.IGNORECASE
)
_KEEP = frozenset(both("NUMBER_WORDS_KEPT"))


@functools.lru_cache(maxsize=16384)
def word_value(word: str, language: str) -> int | None:
    """The number a single word stands for ("achtzehn" -> 18, "twenty-one" -> 21), None for any other word."""
    low = word.casefold()
    if low in _KEEP or _SCALE_WORD.match(low) or len(low) < 3:
        return None
    try:
        from text_to_num import text2num

        value = text2num(low, "de" if language == "de" else "en")
    except (ValueError, IndexError, KeyError):
        return None
    return value if isinstance(value, int) and value >= 2 else None


@functools.lru_cache(maxsize=4096)
def phrase_value(phrase: str, language: str) -> int | None:
    try:
        from text_to_num import text2num

        value = text2num(phrase.casefold(), "de" if language == "de" else "en")
    except (ValueError, IndexError, KeyError):
        return None
    return value if isinstance(value, int) and value >= 2 else None


@dataclass
class Numerals:
    text: str  # the rewritten text
    # (start in rewritten, end in rewritten, start in original, end in original) of each replaced stretch
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)

    def to_text(self, pos: int) -> int:
        """The original position of rewritten position `pos` (a replaced stretch maps to its ends)."""
        if not self.spans:
            return pos
        i = bisect.bisect_right([s[0] for s in self.spans], pos) - 1
        if i < 0:
            return pos
        ns, ne, os_, oe = self.spans[i]
        if pos >= ne:
            return oe + (pos - ne)
        return os_ if pos == ns else oe


# every number word of a language contains one of these (text2num's vocabulary, by stem)
_ROOTS = {lang: tuple(of(lang).NUMBER_ROOTS) for lang in ("de", "en")}
_HALF = {"en": re.compile(r"\bhalf an? (?=(?:million|billion|trillion)\b)", re.IGNORECASE),
         "de": re.compile(r"\b(?:eine )?halbe (?=(?:million|milliarde|billion)\b)", re.IGNORECASE)}
_DOZEN = re.compile(rf"\b(?:{'|'.join(both('DOZEN'))})\b", re.IGNORECASE)
# "Dutzende Millionen", "tens of millions of": from two tens to below a hundred of the scale (a range);
# "Dutzende", "dozens of" before anything else: at least two dozen
TENS_LOW, TENS_HIGH, DOZENS_LOW = 20, 99, 24
_TENS = {
    lang: re.compile(
        rf"\b(?:{'|'.join(of(lang).TENS_OF)})\s+({'|'.join(of(lang).TENS_OF_SCALES)})\b(?:\s+of\b)?", re.IGNORECASE
    )
    for lang in ("de", "en")
}
_DOZENS = {lang: re.compile(rf"\b(?:{'|'.join(of(lang).DOZENS_OF)})\b", re.IGNORECASE) for lang in ("de", "en")}
_AT_LEAST = {"de": "mindestens", "en": "at least"}


def _german_noun(text: str, m: re.Match[str]) -> bool:
    """ "die Elf", "in Acht nehmen": a capitalised number word inside a German sentence is a noun."""
    if not m.group(0)[:1].isupper():
        return False
    before = text[max(0, m.start() - 3) : m.start()].rstrip(" „“\"»(")
    return bool(before) and before[-1] not in ".!?:\n"


def _format(value: float, language: str) -> str:
    if value != int(value):
        return str(value).replace(".", ",") if language == "de" else str(value)
    s = f"{int(value):,}"
    return s.replace(",", ".") if language == "de" else s


def rewrite(text: str, language: str) -> Numerals:
    """`text` with numbers in words and spaced digit groups written as digits (see the module doc)."""
    lang = "de" if (language or "de").startswith("de") else "en"
    sep = "." if lang == "de" else ","
    text = SPACED_DIGITS.sub(lambda m: _SPACE_IN.sub(sep, m.group(0)), text)
    text = WHOLE_AMOUNT.sub(",0", text)  # "49,- Euro": a whole amount, same length
    edits: list[tuple[int, int, str]] = []
    for m in _HALF[lang].finditer(text):
        edits.append((m.start(), m.end(), ("0,5 " if lang == "de" else "0.5 ")))
    for m in _TENS[lang].finditer(text):
        edits.append((m.start(), m.end(), f"{TENS_LOW}-{TENS_HIGH} {m.group(1)}"))
    for m in _DOZENS[lang].finditer(text):
        if not any(a <= m.start() < b for a, b, _ in edits):
            edits.append((m.start(), m.end(), f"{_AT_LEAST[lang]} {DOZENS_LOW}"))
    for m in _DOZEN.finditer(text):
        if not any(a <= m.start() < b for a, b, _ in edits):
            edits.append((m.start(), m.end(), "12"))
    low = text.casefold()
    if not edits and not any(root in low for root in _ROOTS[lang]):
        return Numerals(text)  # no number word can be here: skip the word-by-word look
    words = [m for m in WORD.finditer(text) if not any(a <= m.start() < b for a, b, _ in edits)]
    i = 0
    while i < len(words):
        m = words[i]
        if word_value(m.group(0), lang) is None or (lang == "de" and _german_noun(text, m)):
            i += 1
            continue
        # the longest run of number words (and "and" between them in English) that reads as one number
        j = i + 1
        while j < len(words) and text[words[j - 1].end() : words[j].start()] == " " and (
            word_value(words[j].group(0), lang) is not None
            or (lang == "en" and words[j].group(0).casefold() == "and" and j + 1 < len(words))
        ):
            j += 1
        while j > i + 1:
            phrase = text[m.start() : words[j - 1].end()]
            if words[j - 1].group(0).casefold() != "and" and phrase_value(phrase, lang) is not None:
                break
            j -= 1
        value = phrase_value(text[m.start() : words[j - 1].end()], lang)
        if value is not None:
            edits.append((m.start(), words[j - 1].end(), _format(value, lang)))
        i = j
    if not edits:
        return Numerals(text)
    edits.sort()
    out: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    cur = 0
    new_len = 0
    for a, b, rep in edits:
        out.append(text[cur:a])
        new_len += a - cur
        spans.append((new_len, new_len + len(rep), a, b))
        out.append(rep)
        new_len += len(rep)
        cur = b
    out.append(text[cur:])
    return Numerals("".join(out), spans)
