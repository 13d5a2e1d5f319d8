"""The words that state how two figures relate, per language, for the arithmetic checks.

Where they came from: written for this project from German and English usage (Duden's entries for "also",
"davon", "jeweils", "je", "insgesamt", "Hälfte", "Drittel", "Viertel", "Dutzend"; the Cambridge Dictionary's
for "that is", "i.e.", "of which", "each", "apiece", "in total", "half", "tens of"). No article's people,
companies or sentences. The lead may move them into articles/lexicon/.
"""

from __future__ import annotations

# Between two figures: the second restates the first ("5 Mrd. Dollar, also rund 4,3 Mrd. Euro"). Not "or"/"oder":
# "£25,600 or £20,480" offers an alternative.
RESTATE = {
    "de": ["also", "das heißt", "d. h.", "d.h.", "das sind", "das entspricht", "entspricht", "umgerechnet",
           "sprich"],
    "en": ["so", "that is", "i.e.", "or about", "equivalent to", "equal to", "which is"],
}

# After a total: the figures that follow are parts of it ("300 Mio. Euro, davon 120 Mio. für Schulen").
PART_OF = {
    "de": ["davon", "darunter", "wovon"],
    "en": ["of which", "of that", "of these", "including"],
}

# After parts: the figure that follows is their sum ("120 und 180 Millionen, zusammen 300 Millionen").
TOTAL = {
    "de": ["insgesamt", "zusammen", "in summe", "summa"],
    "en": ["in total", "together", "altogether", "a total of", "combined"],
}

# Before a figure: it is per item, to be multiplied by a count ("mit jeweils 1 Kilowatt").
EACH = {
    "de": ["jeweils", "je", "pro stück", "pro"],
    "en": ["each", "apiece", "per", "a piece"],
}

# A share of another figure ("die Hälfte davon, 150 Millionen").
SHARES = {
    "de": {"die hälfte": 0.5, "hälfte": 0.5, "halb": 0.5, "ein drittel": 1 / 3, "zwei drittel": 2 / 3,
           "ein viertel": 0.25, "drei viertel": 0.75, "ein fünftel": 0.2, "ein zehntel": 0.1},
    "en": {"half of": 0.5, "half": 0.5, "a third": 1 / 3, "one third": 1 / 3, "two thirds": 2 / 3,
           "a quarter": 0.25, "one quarter": 0.25, "three quarters": 0.75, "a fifth": 0.2, "a tenth": 0.1},
}

# A count without digits: "Dutzende Millionen Autos" is at least 2 and fewer than 10 of tens of millions.
# (low, high) multiply the scale word after them; high is exclusive.
VAGUE_COUNTS = {
    "de": {"dutzende": (20, 100), "zig": (20, 100), "hunderte": (200, 1000), "tausende": (2000, 10000),
           "mehrere": (2, 10), "einige": (2, 10)},
    "en": {"tens of": (20, 100), "dozens of": (20, 100), "hundreds of": (200, 1000),
           "thousands of": (2000, 10000), "several": (2, 10)},
}
VAGUE_SCALES = {"millionen": 1e6, "million": 1e6, "millions": 1e6, "milliarden": 1e9, "billions": 1e9,
                "tausend": 1e3, "thousand": 1e3, "thousands": 1e3}

# Rounding words widen the tolerance; the extraction already marks them as bound "approx".
ROUNDING = {
    "de": ["rund", "etwa", "fast", "knapp", "gut", "ungefähr", "circa", "ca.", "beinahe", "nahezu"],
    "en": ["about", "around", "almost", "nearly", "roughly", "approximately", "some", "close to"],
}


def words(table: dict, language: str) -> list:
    """The list for a language ("de-AT" → "de"), German and English together when the language is unknown."""
    lang = (language or "")[:2].lower()
    if lang in table:
        return list(table[lang])
    return [w for values in table.values() for w in values]


def mapping(table: dict, language: str) -> dict:
    lang = (language or "")[:2].lower()
    if lang in table:
        return dict(table[lang])
    merged: dict = {}
    for values in table.values():
        merged.update(values)
    return merged
