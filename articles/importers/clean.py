"""Text clean-up shared by every format: normalisation, markup stripping, boilerplate removal, titles.

Everything here works on plain strings and is format-agnostic. Boilerplate rules are general patterns
(comment sections, rating/share/subscription widgets, teasers, captions, cookie banners, footers),
never the wording of one particular article.
"""

from __future__ import annotations

import html
import re
import unicodedata

TITLE_MAX = 200

# --- normalisation -----------------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u0000\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u2002\u2003\u3000\t\v\f]")
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """NFC, no NUL/control/invisible characters, LF line ends, no trailing blanks, at most one empty line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _SPACES.sub(" ", _INVISIBLE.sub("", text))
    text = _CONTROL.sub("", text)
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n ")


_ENTITY = re.compile(r"&(?:#\d{2,7}|#x[0-9a-f]{2,6}|[a-z][a-z0-9]{1,31});", re.I)


def one_line(text: str | None) -> str:
    """A single-line field (title, publisher): no markup, whitespace collapsed."""
    if not text:
        return ""
    text = strip_markup(normalize_text(str(text)))
    if _ENTITY.search(text):  # "&#8217;" escaped twice by the CMS arrives here still as an entity
        text = normalize_text(html.unescape(text))
    return re.sub(r"\s+", " ", text).strip()


# --- markup ------------------------------------------------------------------------------------------

_SCRIPT_BLOCK = re.compile(r"<(script|style|noscript|template|iframe|object)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_SCRIPT_OPEN = re.compile(r"<(script|style)\b[^>]*>[^\n]*", re.I)  # unclosed: up to the end of its line
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9:-]*(?:\s[^<>]*)?/?>|<!--.*?-->|<!\[CDATA\[|\]\]>", re.S)
_JS_URL = re.compile(r"javascript:\S*", re.I)


def strip_markup(text: str) -> str:
    """Remove anything that is markup: script/style blocks with their content, tags, comments."""
    if "<" not in text and "javascript:" not in text.lower():
        return text
    text = _SCRIPT_BLOCK.sub(" ", text)
    text = _SCRIPT_OPEN.sub(" ", text)
    text = _TAG.sub(" ", text)
    text = _JS_URL.sub("", text)
    return re.sub(r"[ ]{2,}", " ", text)


# --- boilerplate -------------------------------------------------------------------------------------

# A line that opens the reader comment section: everything from it to the end goes.
_COMMENTS_HEAD = re.compile(
    r"""^(?:
        \d+\s+(?:antworten|antwort|kommentare|kommentar|leserkommentare|reaktionen|gedanken|comments?|replies|
              reply|responses?|reactions?|thoughts?)
      | (?:ein|eine|one)\s+(?:kommentar|comment|reply|response|thought|gedanke)
      | (?:\d+|ein|eine|one)\s+(?:antworten|antwort|kommentare|kommentar|reaktionen|gedanken?|comments?|replies|
              reply|responses?|thoughts?)\s+(?:zu|auf|on|to)\s+["“„«‘'].*
      | (?:antworten|kommentare|leserkommentare|comments|replies|responses)\s*\(\d+\)
      | (?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+a\s+comment|join\s+the\s+discussion
      | comments|kommentare|leserkommentare|diskutieren\s+sie\s+mit|
        (?:schreibe|schreiben\s+sie|hinterlasse|hinterlassen\s+sie)\s+einen\s+kommentar|
        kommentar\s+(?:schreiben|verfassen|abgeben)|deine\s+meinung|ihre\s+meinung|
        (?:one|\d+)\s+thoughts?\s+on\b.*|comments\s+are\s+closed|kommentare\s+sind\s+geschlossen)
    )\s*[:.!]?\s*$""",
    re.I | re.X,
)

# Lines that are never article text, wherever they stand.
_BOILER_LINE = re.compile(
    r"""^(?:
        \d{1,6}                                                   # vote / rating / like counts
      | \[/?[a-z][\w-]*(?:\s[^\]]*)?\]                           # WordPress-style shortcodes
      | \d+(?:[.,]\d+)?\s*(?:von|of|out\s+of|/)\s*\d+(?:\s+[^\W\d]+)?   # "3 von 6 Sternen" ratings
      | (?:meine|ihre|deine|your|my)\s+(?:bewertung|rating)(?:\s+[^\W\d]+)?
      | .{0,40}\bbewertete[n]?\s+diese[nrs]?\s+(?:eintrag|beitrag|artikel)
      | (?:rate\s+this(?:\s+\w+)?|bewertung\s+abgeben|artikel\s+bewerten|beitrag\s+bewerten)
      | (?:du\s+hast|sie\s+haben|you\s+have)\s+(?:none|null|\d+|keine)\s+\w+\s+vergeben.*
      | (?:jetzt\s+)?(?:teilen|share|share\s+this(?:\s+\w+)?|share\s+(?:on|via|to)\s+\w+|diesen\s+artikel\s+teilen|
                      teilen\s+(?:auf|bei|via|per|über|mit)\s+\w+|
                      artikel\s+teilen|beitrag\s+teilen|tweet|twittern|drucken|print|e-?mail|
                      per\s+e-?mail\s+(?:teilen|versenden)|facebook|twitter|linkedin|whatsapp|
                      pinterest|reddit|telegram|xing|threads|bluesky|mastodon|copy\s+link|
                      link\s+kopieren|gefällt\s+mir|like\s+this|merken|zur\s+merkliste|vorlesen|
                      weitere\s+optionen|mehr\s+optionen|schlagworte|tags?|themen|anzeige|werbung|
                      advertisement|sponsored|zurück|weiter|nach\s+oben|back\s+to\s+top|menü|menu|
                      startseite|home|suche|search|login|anmelden|abmelden|registrieren|sign\s+in|
                      sign\s+up|log\s+in|skip\s+to\s+content|zum\s+inhalt\s+springen|
                      related\s+posts|related\s+articles|ähnliche\s+beiträge|
                      das\s+könnte\s+sie\s+auch\s+interessieren|you\s+may\s+also\s+like|
                      loading\.*|wird\s+geladen\.*|lädt\.*)\s*[:.!…]?
      | (?:\w+\s+)?(?:beiträge|artikel|updates|posts)\s+(?:via|per|als|by)\s+(?:e-?mail|mail|newsletter)
        (?:\s+(?:erhalten|abonnieren|bekommen))?.*
      | .{0,30}\b(?:newsletter\s+(?:abonnieren|bestellen|anmelden)|zum\s+newsletter|
                  subscribe(?:\s+to)?(?:\s+our)?(?:\s+newsletter)?|sign\s+up\s+for\s+(?:our\s+)?newsletter|
                  jetzt\s+abonnieren|abonnieren\s+sie|folgen\s+sie\s+uns|follow\s+us|
                  get\s+(?:new\s+)?posts\s+by\s+e-?mail|enter\s+your\s+e-?mail|
                  e-?mail-adresse\s+eingeben|ihre\s+e-?mail-adresse)\b.{0,80}
      | .{0,80}\b(?:diese\s+(?:web)?seite|this\s+(?:web)?site|wir|we)\s+(?:verwende\w*|nutz\w*|use\w*|setz\w*)
            \s+cookies\b(?=.*\b(?:website|webseite|seite|site|erfahrung|experience|nutzungserlebnis|zustimm\w*|
            akzeptier\w*|accept\w*|agree|datenschutz\w*|privacy|analy\w+|personali\w+|werbung|ads|advertising))
            .{0,300}
      | .{0,80}\bcookies?\b.{0,200}\b(?:akzeptieren|zustimmen|einverstanden|accept|agree|consent)\b.{0,120}
      | (?:alle\s+)?cookies?\s+(?:akzeptieren|ablehnen|zulassen|einstellungen|settings)|
        (?:accept|reject|allow)\s+(?:all\s+)?cookies?|alle\s+akzeptieren|accept\s+all|
        einstellungen\s+verwalten|manage\s+(?:preferences|settings|cookies)|datenschutzeinstellungen|
        privacy\s+settings
      | (?:lesen\s+sie\s+(?:auch|mehr|weiter)|lies\s+auch|auch\s+interessant|mehr\s+zum\s+thema|weiterlesen|
         read\s+(?:also|more|next)|more\s+on\s+this(?:\s+topic|\s+story)?|empfohlener\s+inhalt)\b.{0,200}
      | (?:mehr\s+dazu|zum\s+thema|see\s+also|related|ebenfalls\s+interessant)\s*(?::.{0,200})?
      | (?:click\s+to|klicken,?\s+um)\s+.{0,80}\b(?:share|print|email|teilen|drucken|senden|per\s+e-?mail)\b.{0,60}
      | (?:like|gefällt\s+mir)\s+(?:loading|wird\s+geladen).{0,10}
      | (?:startseite|home)\s*[>›»/|]\s*\S.{0,150}                  # breadcrumb navigation
      | mehr\s+(?:von|vom|aus)\s+[^.!?:"“”„]{1,60}
      | more\s+(?:from|by)\s+[^.!?:"“”„]{1,60}
      | [^.!?]{0,160}\((?:symbol)?(?:bild|foto|fotos|grafik|illustration|abbildung|image|photo|picture|
                                   credit)(?:quelle)?\s*:[^)]{0,120}\)
      | (?:symbolbild|bildquelle|bild|foto|fotos|grafik|image|photo|photograph|picture|credit|titelbild|
         beitragsbild|quelle\s+bild)\s*:.{0,120}
      | (?:©|\(c\)|copyright\s+(?:©\s*)?\d{4}).{0,200}
      | .{0,120}\b(?:alle\s+rechte\s+vorbehalten|all\s+rights\s+reserved)\b.{0,80}
      | (?:impressum|datenschutz(?:erklärung)?|kontakt|nutzungsbedingungen|agb|privacy(?:\s+policy)?|
         terms(?:\s+of\s+(?:use|service))?|imprint|contact|about\s+us|über\s+uns|mediadaten|
         jobs|karriere|barrierefreiheit|accessibility|sitemap|rss)
        (?:\s*[|·•/–-]\s*(?:impressum|datenschutz(?:erklärung)?|kontakt|nutzungsbedingungen|agb|
           privacy(?:\s+policy)?|terms(?:\s+of\s+(?:use|service))?|imprint|contact|about\s+us|über\s+uns|
           mediadaten|jobs|karriere|barrierefreiheit|accessibility|sitemap|rss|cookies?))*
    )\s*$""",
    re.I | re.X,
)

_SHORTCODE_INLINE = re.compile(
    r"\[/?[a-z][a-z0-9]*_[\w-]*(?:\s[^\]]*)?\]|\[/?(?:caption|gallery|embed|audio|video|"
    r"playlist|contact-form|vc_\w+|et_pb_\w+)(?:\s[^\]]*)?\]",
    re.I,
)
_URL_LINE = re.compile(r"^\s*(?:<)?https?://\S+(?:>)?\s*$")


_LIST_MARK = re.compile(r"^(?:[-•*·▪►]|\d{1,2}[.)])\s+")


def _is_boiler(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 400:
        return False
    if _BOILER_LINE.match(s):
        return True
    bare = _LIST_MARK.sub("", s, count=1)
    # a list item is boilerplate only as a widget label ("- Teilen"), never when it starts with a figure
    return bare != s and bool(bare) and not bare[:1].isdigit() and bool(_BOILER_LINE.match(bare))


def _is_short_fragment(line: str) -> bool:
    """A short line without sentence punctuation, as widgets and menus are made of."""
    s = line.strip()
    return bool(s) and len(s) <= 60 and not _URL_LINE.match(s) and not re.search(r"[.!?\"“”»«]$", s)


def remove_boilerplate(text: str, title: str | None = None) -> str:
    """Cut comments, widgets, teasers, captions, banners and footers out of already-normalised text."""
    text = _SHORTCODE_INLINE.sub("", text)
    lines = text.split("\n")

    # 1. the reader comment section, from its heading to the end. A comment counter or share bar near the
    # top ("5 Kommentare") is only a line: the cut needs the article before it and comments after it.
    seen = 0
    for i, line in enumerate(lines):
        s = line.strip()
        if _COMMENTS_HEAD.match(s) and seen >= 80:
            if _comments_begin(lines, i, seen):
                lines = lines[:i]
                break
            lines[i] = ""
            continue
        if not _is_boiler(s):
            seen += len(s)

    lines = _drop_promotions(lines)

    # 2. the widget tail: trailing short fragments and boilerplate lines after the first boilerplate line
    end = len(lines)
    first_boiler = None
    i = end - 1
    while i >= 0:
        s = lines[i].strip()
        if not s or _is_short_fragment(s) or _is_boiler(s):
            if _is_boiler(s) or _COMMENTS_HEAD.match(s):
                first_boiler = i
            i -= 1
            continue
        break
    if first_boiler is not None:
        lines = lines[:first_boiler]

    # 3. single boilerplate lines anywhere
    kept = [line for line in lines if not _is_boiler(line)]

    # 4. the title repeated as the first line(s) of the body
    if title:
        want = _key(title)
        while True:
            first = next((n for n, line in enumerate(kept) if line.strip()), None)
            if first is None or _key(kept[first]) != want:
                break
            if not any(line.strip() for line in kept[first + 1 :]):
                break  # the title is all the text there is: keep it
            kept = kept[first + 1 :]

    out = "\n".join(line.strip() for line in kept)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip()


# Lines that mark reader comments: reply links, vote counts, "Anna sagt:", timestamps, "vor 3 Stunden".
_COMMENT_SIGN = re.compile(
    r"""^(?:antworten|antwort|reply|melden|report|permalink|\d{1,5}
      | .{1,60}\s(?:sagt|says|schreibt|schrieb|wrote|meint)\s*:?
      | .{0,60}\d{1,2}[.:]\d{2}\s*(?:uhr|am|pm|a\.m\.|p\.m\.)?
      | (?:vor\s+)?\d+\s+(?:minuten|stunden|tagen|wochen|minutes?|hours?|days?|weeks?)(?:\s+ago)?
    )\s*$""",
    re.I | re.X,
)


def _comments_begin(lines: list[str], at: int, before: int) -> bool:
    """Whether a comment heading at line `at` really opens the comments: the article before it is longer
    than what follows, or what follows carries the signs of reader comments."""
    after_lines = [line.strip() for line in lines[at + 1 :] if line.strip()]
    after = sum(len(line) for line in after_lines)
    if before >= after:
        return True
    signs = sum(1 for line in after_lines[:12] if _COMMENT_SIGN.match(line))
    return before >= 300 and signs >= 2


# --- promotions: donation appeals, newsletter and channel promos, feedback boxes, author boxes ---------

# What an appeal to the reader says (German and English, written for this project).
_APPEAL = re.compile(
    r"""\b(?:spendenfinanziert|spenden\s+sie|jetzt\s+spenden|spende\s+jetzt|unterstützen\s+sie\s+(?:uns|unsere|unabhängigen)|
        jetzt\s+unterstützen|unterstütze\s+uns|unterstützt\s+uns|mitglied\s+werden|werden\s+sie\s+mitglied|
        donate|make\s+a\s+donation|support\s+(?:us|our\s+(?:work|journalism|reporting)|independent\s+journalism)|
        become\s+a\s+(?:member|supporter|subscriber|patron)|
        (?:is|are|ist|sind)\s+(?:jetzt\s+|now\s+|auch\s+|also\s+)?(?:on|auf|bei)\s+
            (?:telegram|whatsapp|instagram|facebook|twitter|x|threads|bluesky|mastodon|tiktok|youtube|linkedin|google\s+news)|
        folgen\s+sie\s+uns|follow\s+us|
        your\s+feedback|ihr\s+feedback|ihre\s+meinung\s+ist\s+uns\s+wichtig|tell\s+us\s+what\s+you\s+think|
        e-?mail\s+us|schreiben\s+sie\s+uns)\b""",
    re.I | re.X,
)
# Words that are an appeal only together with a call to act ("Newsletter" alone may be a sub-heading).
_WEAK_APPEAL = re.compile(
    r"\b(?:newsletter|subscribe|abonnieren|abonnement|sign\s+up|melden\s+sie\s+sich\s+an|registrieren\s+sie\s+sich)\b",
    re.I,
)
# A call to act now: an imperative, an address to go to, an exclamation.
_CALL = re.compile(
    r"(?:\b(?:jetzt|now|today|heute)\b|\bsubscribe\s+to\b|\bsign\s+up\b|\be-?mail\s+us\b|\bschreiben\s+sie\s+uns\b|"
    r"t\.me/|https?://|\b[\w.+-]+@[\w-]+\.[\w.]+\b|!\s*$)",
    re.I,
)
_AUTHOR_HEAD = re.compile(
    r"^(?:über\s+(?:den|die)\s+autor(?:in|en|innen)?|zu[mr]\s+autor(?:in)?|die\s+autor(?:in|en|innen)|"
    r"about\s+the\s+authors?|the\s+authors?|author\s+bio|bio)\s*:?$",
    re.I,
)
# "Anna Berg ist Redakteurin im Ressort Wirtschaft." / "Jane Roe is a reporter covering energy."
_AUTHOR_BIO = re.compile(
    r"^(?:[A-ZÄÖÜ][\w'’.-]+\s+){1,3}(?:ist|war|arbeitet|schreibt|berichtet|is|was|writes|covers|reports)\b.{0,160}?"
    r"\b(?:redakteur\w*|korrespondent\w*|journalist\w*|reporter\w*|autor\w*|kolumnist\w*|volontär\w*|"
    r"editor|correspondent|columnist|writer|contributor|reporter|journalist)\b",
    re.I,
)


def _is_promotion(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 700:
        return False
    if len(s) <= 100 and _APPEAL.search(s):
        return True
    # a longer paragraph (or a weak word) is an appeal only when it ends as one, with a call to act
    tail = s[-160:]
    return bool((_APPEAL.search(tail) or _WEAK_APPEAL.search(tail)) and _CALL.search(tail))


def _drop_promotions(lines: list[str]) -> list[str]:
    """Donation appeals, newsletter and channel promos, feedback boxes (anywhere) and author boxes (their
    heading and paragraph, or a closing one-paragraph bio)."""
    out = list(lines)
    filled = [n for n, line in enumerate(out) if line.strip()]
    for pos, n in enumerate(filled):
        s = out[n].strip()
        if _AUTHOR_HEAD.match(s):
            out[n] = ""
            if pos + 1 < len(filled):
                out[filled[pos + 1]] = ""
        elif _is_promotion(s) or (pos >= len(filled) - 3 and len(s) <= 300 and _AUTHOR_BIO.match(s)):
            out[n] = ""
    return out


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", unicodedata.normalize("NFC", text)).strip().casefold()


# --- titles ------------------------------------------------------------------------------------------

_ABBREV = {
    "dr",
    "prof",
    "hr",
    "fr",
    "st",
    "nr",
    "no",
    "vs",
    "bzw",
    "ca",
    "inkl",
    "evtl",
    "ggf",
    "usw",
    "etc",
    "mio",
    "mrd",
    "jan",
    "feb",
    "mär",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "okt",
    "oct",
    "nov",
    "dez",
    "dec",
    "mr",
    "mrs",
    "ms",
    "jr",
    "sr",
    "inc",
    "ltd",
    "co",
    "corp",
    "z",
    "b",
    "d",
    "h",
    "u",
    "a",
    "s",
    "o",
    "v",
    "e",
    "i",
    "bspw",
    "vgl",
    "sog",
    "abs",
    "art",
    "bd",
    "max",
    "min",
    "mind",
    "gen",
    "rep",
    "sen",
    "gov",
}
_SENTENCE_END = re.compile(r"[.!?…]+[\"'“”»«‘’)]*(?=\s+[\"'„“«»‘(]?[A-ZÄÖÜ0-9])|[.!?…]+[\"'“”»«‘’)]*$")


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph; abbreviations, initials and ordinal numbers do not end it."""
    for m in _SENTENCE_END.finditer(text):
        before = text[: m.start()]
        word = re.search(r"(\w+)$", before)
        if m.group().startswith(".") and word:
            w = word.group(1)
            if w.casefold() in _ABBREV or w.isdigit() or (len(w) == 1 and w.isupper()):
                continue
        return text[: m.end()].strip()
    return text.strip()


def shorten(text: str, limit: int = TITLE_MAX) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:–-") + "…"


def derive_title(body: str) -> str:
    """A title taken from the body's first sentence (never empty while the body is not)."""
    for line in body.split("\n"):
        s = line.strip()
        if s and not _URL_LINE.match(s):
            return shorten(first_sentence(s))
    return shorten(body)


def make_title(candidate: str | None, body: str) -> str:
    title = one_line(candidate)
    if title:
        return shorten(title)
    return derive_title(body) or "Untitled"
