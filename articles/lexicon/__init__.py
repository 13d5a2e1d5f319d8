"""Every word list extraction and linking use, one module per language (de.py, en.py), each list saying where
it came from. Modules elsewhere build their patterns from these lists and hold no words of their own.

`both(name)` joins a list of both languages; `first_names()` is the general first-name dictionary of the
gender-guesser package (about 48,000 names of many countries with their gender), never a list written here.
"""

from __future__ import annotations

import functools
from pathlib import Path

from . import de, en

LANGUAGES = {"de": de, "en": en}


def both(name: str) -> tuple[str, ...]:
    """The entries of list `name` in German and English, German first, without repeats."""
    return tuple(dict.fromkeys([*getattr(de, name), *getattr(en, name)]))


def both_map(name: str) -> dict:
    """A mapping of both languages; English entries do not override German ones."""
    return {**getattr(en, name), **getattr(de, name)}


def of(language: str):
    return LANGUAGES.get((language or "de")[:2].lower(), de)


def alternation(words, *, escape: bool = False) -> str:
    """A regex alternation of `words`, longest first (so "sagten" is tried before "sagte")."""
    import re

    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) if escape else w for w in items)


@functools.lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Folded first name -> "m", "f" or "" (either), from gender-guesser's nam_dict.txt (Jörg Michael's
    name dictionary, GNU FDL), read directly: its own Detector takes seconds to build per-country tables we
    do not need. Names that are also common capitalised words of our languages (NOT_FIRST_NAMES) are left out.
    """
    import gender_guesser

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    out: dict[str, str] = {}
    blocked = set(de.NOT_FIRST_NAMES) | set(en.NOT_FIRST_NAMES) | set(de.FUNCTION_WORDS) | set(en.FUNCTION_WORDS)
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line[:1] in "#=" or len(line) < 30:
                continue
            code, name = line[:2].strip(), line[3:29].strip()
            if not name or "+" in name or " " in name:
                continue
            key = name.casefold()
            if key in blocked or len(key) < 2:
                continue
            gender = "f" if code.endswith("F") else "m" if code.endswith("M") else ""
            prev = out.get(key)
            out[key] = gender if prev is None or prev == gender else ""
    return out
