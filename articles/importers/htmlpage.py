"""HTML pages (main text through trafilatura, metadata from the head) and HTML fragments."""

from __future__ import annotations

import json
import logging
import re
from copy import deepcopy as copy_tree

from lxml import etree
from lxml import html as lxml_html

from .build import make_draft
from .clean import normalize_text, one_line
from .meta import clean_url, find_dateline, normalize_language, site_of
from .pagedate import htmldate_search, page_date
from .pagetitle import choose_publisher, choose_title, site_names
from .types import ArticleDraft

# trafilatura and htmldate log what they discard ("discarding data: None", whole pages) at WARNING and
# ERROR. For the importer that is an expected outcome it handles itself (a fallback, or "no article text"
# in the report), so those libraries only reach the terminal with CRITICAL; our own errors are unaffected.
for _library in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_library).setLevel(logging.CRITICAL)

_DROP = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "object",
    "embed",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "title",
    "meta",
    "link",
    "nav",
}
_BLOCK = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
    "center",
    # trafilatura's XML
    "head",
    "list",
    "item",
    "quote",
    "row",
    "code",
    "note",
}
_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "report",
    "scholarlyarticle",
    "techarticle",
    "liveblogposting",
    "socialmediaposting",
    "posting",
}

_PAGE_TYPES = {"webpage", "itempage", "aboutpage", "medicalwebpage", "qapage", "faqpage"}


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


def element_text(root, links: list[str] | None = None, *, drop_layout: bool = False) -> str:
    """Text of an element with paragraph breaks; links (absolute http(s) only) collected on the way."""
    parts: list[str] = []

    def walk(el) -> None:
        tag = _tag(el)
        if not tag:  # comments, processing instructions
            if el.tail:
                parts.append(el.tail)
            return
        if tag in _DROP or (drop_layout and tag in {"header", "footer", "aside"}):
            if el.tail:
                parts.append(el.tail)
            return
        block = tag in _BLOCK
        if block:
            parts.append("\n\n" if tag not in {"li", "item", "tr", "row", "dd", "dt"} else "\n")
            if tag in {"li", "item"}:
                parts.append("- ")
        if tag in {"br", "lb"}:
            parts.append("\n")
        if tag in {"td", "th", "cell"}:
            parts.append(" | ")
        if links is not None and tag in {"a", "ref"}:
            url = clean_url(el.get("href") or el.get("target"))
            if url:
                links.append(url)
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n\n" if tag not in {"li", "item", "tr", "row"} else "\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    text = "".join(parts)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n\| ", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def fragment_to_text(fragment: str, links: list[str] | None = None) -> str:
    """An HTML snippet (JSON field, feed content) to plain text."""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return fragment
    return element_text(root, links)


_HTMLISH = re.compile(
    r"<(?:p|br|div|a|span|h[1-6]|ul|ol|li|strong|em|b|i|u|blockquote|img|script|style|figure|"
    r"table|section|article|iframe|noscript)\b[^>]*>|&(?:amp|lt|gt|quot|nbsp|#\d+);",
    re.I,
)


def looks_like_html(text: str) -> bool:
    return bool(_HTMLISH.search(text))


# --- pages -------------------------------------------------------------------------------------------


def _walk_jsonld(node, found: list[dict], pages: list[dict]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk_jsonld(item, found, pages)
    elif isinstance(node, dict):
        types = node.get("@type")
        types = [t.lower() for t in (types if isinstance(types, list) else [types]) if isinstance(t, str)]
        if any(t in _ARTICLE_TYPES for t in types):
            found.append(node)
        elif any(t in _PAGE_TYPES for t in types):
            pages.append(node)
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                _walk_jsonld(node[key], found, pages)


def _name_of(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("legalName")
    return value if isinstance(value, str) else None


def _url_of(value) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) else None


def _in_comments(el) -> bool:
    for ancestor in el.iterancestors():
        marks = f"{ancestor.get('id') or ''} {ancestor.get('class') or ''}".lower()
        if "comment" in marks or "kommentar" in marks or "reply" in marks:
            return True
    return False


def _in_article_header(el) -> bool:
    """Inside the article or main element and not in a link, list, aside or footer: a teaser's date
    (a sidebar's, a related-articles list's) is never the article's."""
    inside = False
    for ancestor in el.iterancestors():
        tag = _tag(ancestor)
        if tag in ("a", "li", "aside", "nav", "footer", "figure"):
            return False
        if tag in ("article", "main"):
            inside = True
    return inside


# class/id tokens of a reader-comment section ("comments", "comment-list", "kommentare", "disqus_thread"),
# not of a page that merely has comments ("has-comments", "comment-count") or is filed under them
_COMMENT_SECTION = re.compile(
    r"^(?:(?:reader|user)[-_]?)?(?:comments?|kommentare?|commentlist|kommentarbereich)"
    r"(?:[-_](?:list|area|section|container|wrapper|block|thread|box|wrap))?$|^disqus_thread$|^respond$",
    re.I,
)


def _comment_sections(tree) -> list:
    """The page's reader-comment sections; an element holding the headline is never one."""
    return [
        el
        for el in tree.iter("div", "section", "ol", "ul", "aside", "footer")
        if any(_COMMENT_SECTION.match(t) for t in f"{el.get('id') or ''} {el.get('class') or ''}".split())
        and el.getparent() is not None
        and el.find(".//h1") is None
    ]


def _searched_date(tree, url: str | None):
    """htmldate's date for the page. When it is a date of the reader comments (written there, and the
    search without them differs), the search without them: a reader's date is never the article's."""
    found = htmldate_search(copy_tree(tree), url)
    sections = _comment_sections(tree)
    if not found or not sections:
        return found
    day = found[0]
    spellings = (day.isoformat(), f"{day.day:02d}.{day.month:02d}.{day.year}", f"{day.day}.{day.month}.{day.year}")
    in_comments = any(
        any(spelling in etree.tostring(el, encoding="unicode") for spelling in spellings) for el in sections
    )
    if not in_comments:
        return found
    copy = copy_tree(tree)
    for el in _comment_sections(copy):
        el.drop_tree()
    return htmldate_search(copy, url)


def _headings(tree, tag: str) -> list[str]:
    """Visible headings of one level, those inside the article or main element first, never in comments."""
    found = [el for el in tree.iter(tag) if not _in_comments(el)]
    inside = [el for el in found if any(_tag(a) in ("article", "main") for a in el.iterancestors())]
    ordered = inside + [el for el in found if el not in inside]
    return [text for el in ordered if (text := one_line(el.text_content()))]


def page_metadata(tree) -> dict:
    meta: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").lower()
        value = el.get("content")
        if key and value and key not in meta:
            meta[key] = value.strip()

    ld: dict = {}
    pages: list[dict] = []  # JSON-LD WebPage nodes: their datePublished is the page's when no article node has one
    for script in tree.iter("script"):
        if (script.get("type") or "").lower().strip() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text.strip().rstrip(";"))
        except ValueError:
            continue
        found: list[dict] = []
        _walk_jsonld(data, found, pages)
        if found and not ld:
            ld = found[0]

    info: dict[str, object] = {}
    canonical = None
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and clean_url(link.get("href")):
            canonical = link.get("href")
            break
    info["url"] = canonical or meta.get("og:url") or _url_of(ld.get("url")) or _url_of(ld.get("mainEntityOfPage"))

    title_el = tree.find(".//head/title")
    if title_el is None:
        title_el = tree.find(".//title")
    page_title = title_el.text_content() if title_el is not None else ""
    fields = [_name_of(ld.get("headline")) or "", meta.get("og:title", ""), meta.get("twitter:title", ""), page_title]
    ld_publisher = _name_of(ld.get("publisher"))
    h1s = _headings(tree, "h1")
    sites = site_names(meta=meta, publisher=ld_publisher, host=site_of(clean_url(info["url"])), titles=fields + h1s)
    title = choose_title(fields=fields, headings=h1s, sites=sites, fallback=_headings(tree, "h2"))
    info["title"] = title
    info["publisher"] = choose_publisher(
        [ld_publisher, meta.get("og:site_name"), meta.get("application-name")], [title, *fields]
    )


    info["meta"] = meta
    info["ld_dates"] = [d for node in [ld, *pages] if isinstance(d := node.get("datePublished"), str)]
    info["itemprop_dates"] = [
        v
        for el in tree.xpath('//*[@itemprop="datePublished"]')
        if not _in_comments(el) and (v := el.get("content") or el.get("datetime"))
    ]

    info["time_dates"] = [
        el.get("datetime")
        for el in tree.iter("time")
        if el.get("datetime") and _in_article_header(el) and not _in_comments(el)
    ]

    root = tree.getroottree().getroot()
    info["language"] = (
        root.get("lang")
        or root.get("{http://www.w3.org/XML/1998/namespace}lang")
        or (ld.get("inLanguage") if isinstance(ld.get("inLanguage"), str) else None)
        or meta.get("og:locale")
        or meta.get("content-language")
        or meta.get("language")
    )
    body = ld.get("articleBody")
    info["ld_body"] = body if isinstance(body, str) else None
    return info


def _main_text(text: str) -> str:
    # without include_links: with it trafilatura keeps less of some pages (half a recipe, a list's items)
    import trafilatura

    doc = trafilatura.bare_extraction(
        text,
        include_comments=False,
        include_links=False,
        include_tables=True,
        include_images=False,
        with_metadata=False,
        output_format="python",
    )
    if doc is None or getattr(doc, "body", None) is None:
        return ""
    return element_text(doc.body)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _cited_links(tree, body: str) -> list[str]:
    """Absolute links of the page whose paragraph made it into the main text (navigation, share buttons
    and teasers did not)."""
    kept = _squash(body)
    out: list[str] = []
    for anchor in tree.iter("a"):
        url = clean_url(anchor.get("href"))
        if not url:
            continue
        block = next((a for a in anchor.iterancestors() if _tag(a) in _LINK_BLOCKS), None)
        if block is None or any(_tag(a) in ("nav", "header", "footer", "aside") for a in block.iterancestors()):
            continue
        text = _squash(block.text_content())
        if len(text) >= 20 and (text in kept or text[:120] in kept):
            out.append(url)
    return out


_LINK_BLOCKS = {"p", "li", "blockquote", "td", "dd", "h2", "h3", "h4", "figcaption"}


def parse_html(text: str) -> ArticleDraft:
    text = re.sub(r"<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
    try:
        tree = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise ValueError(f"not a readable HTML page ({exc})") from exc
    info = page_metadata(tree)
    links: list[str] = []
    body = ""
    try:
        body = _main_text(text)
        links = _cited_links(tree, body)
    except Exception:
        body = ""
    ld_body = str(info.get("ld_body") or "")
    if len(body) < 40 and len(ld_body.strip()) >= 40:
        links = []
        body = fragment_to_text(ld_body, links) if looks_like_html(ld_body) else ld_body
    elif len(body) < 40:
        # too little for trafilatura: the page's own article/main/body, without scripts and layout
        links = []
        candidates = tree.xpath("//article") or tree.xpath("//main") or tree.xpath("//body") or [tree]
        body = element_text(candidates[0], links, drop_layout=True) or body
    lang = normalize_language(info.get("language"))
    dateline = find_dateline(normalize_text(body))
    page_url = clean_url(info.get("url"))
    date = page_date(
        lambda: _searched_date(tree, page_url),
        meta=info["meta"],
        ld_dates=info["ld_dates"],
        itemprop_dates=info["itemprop_dates"],
        time_dates=info["time_dates"],
        dateline=(dateline[0], dateline[2]) if dateline else None,
        lang=lang,
    )
    return make_draft(
        title=str(info.get("title") or "") or None,
        body=body,
        url=info.get("url"),
        date=date,
        language=info.get("language"),
        publisher=info.get("publisher"),
        cited_urls=links,
    )
