"""Direct quotes in a body: the spans between matching quote marks („…“, »…«, “…”, "…", wire copy's '…'').

A quote may hold a quote of its own („Sie nennen es eine „Aktion“ und …“): an opening mark of the same kind
inside it waits for its own closing mark before the outer quote can close."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

CLOSERS = {"„": '“”"', "»": "«", "«": "»", "“": '”“"‘', "”": "“”", '"': '"”“', "'": "", "‘": "’"}
# marks that open a nested quote inside a quote opened by the key (only where opening and closing marks differ)
NESTED = {"„": "„", "»": "»", "“": ""}
PARA_BREAK = re.compile(r"\n[ \t]*\n")

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
            depth = 0  # quotes opened inside this one and not yet closed
            while k < limit:
                ch = body[k]
                if ch in NESTED.get(c, "") and not body[k - 1].isalnum() and k + 1 < n and not body[k + 1].isspace():
                    depth += 1
                elif (
                    (ch in CLOSERS[c] or (c in "\"'" and body.startswith("''", k)))  # wire copy closes with ''
                    and not body[k - 1].isspace()
                    and (k + 1 >= n or not body[k + 1].isalnum())
                ):
                    if c == "‘" and body[k - 1] == "s" and body[k + 1 : k + 3].strip()[:1].islower():
                        k += 1  # "the workers’ union": a plural's apostrophe inside a quote in single marks
                        continue
                    if depth == 0:
                        found = k
                        break
                    depth -= 1
                k += 1
            if c == "'" and found == -1:
                i += 1  # an apostrophe that no '' closes is no quote mark
                continue
            if found > i + 1:
                inner_end = found
                while inner_end > i + 1 and body[inner_end - 1] in ",; \t\n":
                    inner_end -= 1
                close = found + 1 if body.startswith("''", found) else found
                out.append(Quote(i, i + 1, inner_end, True, close))
                i = close + 1
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


_MARKS = "„“”»«\""  # not ‘’: the same sign is the apostrophe


def outside_quotes(text: str) -> str:
    """`text` with the quoted words blanked, same length (a quote mark opens and the next one closes)."""
    out, inside = [], False
    for ch in text:
        if ch in _MARKS:
            inside = not inside
            out.append(" ")
        else:
            out.append(" " if inside else ch)
    return "".join(out)
