"""An HTML page's headline and publisher, without the site's name around the headline.

Pages name their headline in several places (JSON-LD headline, og:title, twitter:title, <title>, the
visible <h1>), and most of them append or prepend the site's name ("Headline | Site", "Site › Headline").
The site's name is learned from the page itself — og:site_name, application-name, the JSON-LD publisher,
the domain, and a segment of the <title> that another field lacks — never from a list of outlets.
"""

from __future__ import annotations

import re
import unicodedata

from .clean import one_line

# separators between a headline and a site or section name
_SEPARATOR = re.compile(r"\s+[|–—·•»›:\-~/]{1,2}\s+|\s*[|·•»›]\s*|\s+::\s+")
_PUBLISHER_MAX = 80


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", "", "".join(c for c in text if not unicodedata.combining(c)))


def _initials(text: str) -> str:
    return "".join(w[0] for w in re.findall(r"[^\W\d_]+", text)).casefold()


def is_site_name(segment: str, sites: list[str]) -> bool:
    """Whether a title segment names the site: equal to, contained in or the initials of a known name."""
    key = _key(segment)
    if not key or len(segment) > 60:
        return False
    for site in sites:
        other = _key(site)
        if not other:
            continue
        if key == other or (len(key) >= 3 and key in other):
            return True
        # "DER SPIEGEL 52/2018" names the site "spiegel"; a headline merely mentioning it is longer
        if len(other) >= 3 and other in key and len(segment.split()) <= 4:
            return True
        if len(key) >= 2 and key == _initials(site):
            return True
    return False


def site_names(*, meta: dict[str, str], publisher: str | None, host: str | None, titles: list[str]) -> list[str]:
    """Names the page gives its site; a "name" that is one of the page's headlines is none."""
    headline_keys = {_key(one_line(t)) for t in titles if t}
    names = [
        n
        for n in (publisher, meta.get("og:site_name"), meta.get("application-name"))
        if n and _key(one_line(n)) not in headline_keys
    ]
    if host:
        names.append(host)
        label = host.split(".")
        names.append(label[-2] if len(label) >= 2 else label[0])  # "nzz" from "nzz.ch"
    return [one_line(n) for n in names if one_line(n)]


def strip_site(title: str, sites: list[str], others: list[str] = ()) -> str:
    """'Headline | Site' → 'Headline'; also 'Site › Headline' and 'Headline - Section - Site'.

    Segments are taken off the ends while they name the site; a trailing segment another headline field
    lacks ("Headline - Wirtschaft" when og:title says "Headline") goes too."""
    title = one_line(title)
    if not title:
        return ""
    parts = [p for p in _SEPARATOR.split(title)]
    seps = _SEPARATOR.findall(title)
    if len(parts) < 2:
        return title
    lo, hi = 0, len(parts)
    while hi - lo > 1 and is_site_name(parts[hi - 1], sites):
        hi -= 1
    # "Headline - Section - Site": next to the site's name, a short segment is the site's section
    if hi < len(parts) and hi - lo > 1 and _is_section(parts[hi - 1], _join(parts, seps, lo, hi - 1)):
        hi -= 1
    while hi - lo > 1 and is_site_name(parts[lo], sites):
        lo += 1
    # a prefix of segments that another field gives as the whole headline
    other_keys = {_key(o) for o in others if o}
    for end in range(lo + 1, hi):
        if _key(_join(parts, seps, lo, end)) in other_keys:
            return _join(parts, seps, lo, end)
    return _join(parts, seps, lo, hi)


def _is_section(segment: str, rest: str) -> bool:
    return len(segment.split()) <= 2 and len(segment) <= 25 and len(rest.split()) >= 4


def _join(parts: list[str], seps: list[str], lo: int, hi: int) -> str:
    out = parts[lo]
    for n in range(lo + 1, hi):
        out += seps[n - 1] + parts[n]
    return out.strip()


def choose_title(*, fields: list[str], headings: list[str], sites: list[str], fallback: list[str]) -> str:
    """The headline: the visible <h1> when a metadata field confirms it (possibly with its kicker in
    front), else the first metadata field; a title that only names the site is no title."""
    cleaned = [strip_site(f, sites, [*fields, *headings]) for f in fields if one_line(f)]
    cleaned = [c for c in cleaned if c and not is_site_name(c, sites)]
    keys = {_key(c): c for c in cleaned}
    for heading in headings:
        h = strip_site(heading, sites)
        hk = _key(h)
        if not hk or is_site_name(h, sites):
            continue
        if hk in keys:
            return h
        # "Kicker: Headline" in the <h1>, "Headline" in the metadata
        if any(hk.endswith(k) and len(k) >= 12 and re.search(r"[:–—-]\s", h) for k in keys):
            return h
    if cleaned:
        return cleaned[0]
    for heading in fallback:
        h = one_line(heading)
        if h and not is_site_name(h, sites) and len(h) <= 300:
            return h
    return ""


def choose_publisher(candidates: list[str | None], titles: list[str]) -> str | None:
    """The first publisher name that is a name, not a headline (application-name sometimes holds one)."""
    title_keys = {_key(t) for t in titles if t}
    for value in candidates:
        name = one_line(value)
        if not name or len(name) > _PUBLISHER_MAX or _key(name) in title_keys:
            continue
        if len(name.split()) > 6 or (re.search(r"[.!?]$", name) and not re.search(r"\.\w{2,6}$", name)):
            continue
        return name
    return None
