"""HTML pages: main text through trafilatura, metadata from the page head, nothing of the page around it."""

import datetime as dt
from pathlib import Path

from articles.importers import ArticleDraft, read_bytes, read_file

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "importers"


def only(items) -> ArticleDraft:
    items = list(items)
    assert len(items) == 1, items
    assert isinstance(items[0], ArticleDraft), items[0]
    return items[0]


def test_page_metadata_from_og_jsonld_canonical_and_lang():
    draft = only(read_file(FIX / "page_de.html"))
    assert draft.title == "Milliarden für Rechenzentren im Rheinland"
    assert draft.url == "https://www.wirtschaftspost.example/regional/rechenzentren-rheinland"
    assert (draft.published_on, draft.date_precision) == (dt.date(2025, 6, 18), "day")
    assert draft.publisher == "Westdeutsche Wirtschaftspost"
    assert draft.language == "de"
    assert draft.source_index is None


def test_page_main_text_without_banner_navigation_share_comments_footer_or_scripts():
    draft = only(read_file(FIX / "page_de.html"))
    body = draft.body
    assert "rund 3,2 Milliarden Euro in zwei neue Rechenzentren" in body
    assert "bis zu 900 Arbeitsplätze" in body
    assert "keine verbindliche Zusage gemacht." in body
    for gone in (
        "Cookies",
        "akzeptieren",
        "Startseite",
        "Teilen",
        "Kommentar",
        "Leser",
        "Impressum",
        "Alle Rechte",
        "Lesen Sie auch",
        "Eingeschleuster",
        "gehackt",
        "tracker",
        "alert",
        "onclick",
        "<",
        ">",
    ):
        assert gone not in body, gone
        assert gone not in draft.title, gone


def test_links_in_the_main_text_are_kept_as_cited_urls():
    draft = only(read_file(FIX / "page_de.html"))
    # absolute http(s) links of the article text only: not navigation, share buttons or mailto
    assert draft.cited_urls == ["https://www.land.example/pressemitteilung/rechenzentren"]


def test_page_with_only_a_title_tag_and_escaped_script_in_it():
    draft = only(read_file(FIX / "page_en_minimal.html"))
    assert draft.title == "Power grid strain from AI campuses"
    assert "script" not in draft.title and "alert" not in draft.title
    assert "more than 60 large projects" in draft.body
    assert "steal" not in draft.body and "onerror" not in draft.body
    assert draft.language == "en"
    assert draft.published_on is None  # nothing says when: never today
    assert draft.url is None and draft.publisher is None


def test_time_element_and_publisher_from_the_url_site():
    page = b"""<!doctype html><html lang="en"><head>
    <title>Ignored when og:title is there</title>
    <meta property="og:title" content="Turbines ordered for a data centre campus">
    <meta property="og:url" content="https://www.energywire.example/news/turbines-campus">
    </head><body><article>
    <p>Posted <time datetime="2025-02-11T08:00:00Z">11 February</time></p>
    <p>A developer has ordered six gas turbines to power a data centre campus until a grid connection is ready.
    The order is worth roughly 400 million dollars, the company said in a statement on its website.</p>
    <p>Environmental groups criticised the plan and asked the state to require battery storage instead.</p>
    </article></body></html>"""
    draft = only(read_bytes(page, name="upload.html"))
    assert draft.title == "Turbines ordered for a data centre campus"
    assert draft.published_on == dt.date(2025, 2, 11)
    assert draft.publisher == "energywire.example"
    assert draft.url == "https://www.energywire.example/news/turbines-campus"


def test_html_recognised_by_content_not_by_extension(tmp_path):
    path = tmp_path / "saved-page.txt"
    path.write_bytes((FIX / "page_de.html").read_bytes())
    draft = only(read_file(path))
    assert draft.title == "Milliarden für Rechenzentren im Rheinland"
    assert "<" not in draft.body


def test_title_in_html_is_declared_with_a_title_suffix_only():
    page = (
        "<html><head><title>Neue Serverhalle in Leipzig | Sachsenblatt</title>"
        "<meta property='og:site_name' content='Sachsenblatt'></head><body><div>"
        "<p>In Leipzig entsteht eine neue Serverhalle für Anwendungen der künstlichen Intelligenz. "
        "Die Stadt rechnet mit 150 neuen Arbeitsplätzen und höheren Gewerbesteuereinnahmen.</p>"
        "</div></body></html>"
    )
    draft = only(read_bytes(page.encode(), name="p.html"))
    assert draft.title == "Neue Serverhalle in Leipzig"
    assert draft.publisher == "Sachsenblatt"


def test_a_date_in_the_comment_section_does_not_date_the_article():
    page = b"""<html><body><div><p>Der Konzern baut ein Rechenzentrum in Hessen. Das sagte ein Sprecher am Dienstag
    der Presse in Frankfurt, ohne Details zur Finanzierung zu nennen.</p></div>
    <div class="comments"><time datetime="2024-01-01">1. Januar</time><p>Ein Leser schreibt etwas.</p></div>
    </body></html>"""
    draft = only(read_bytes(page, name="c.html"))
    assert draft.published_on is None
    assert "Leser" not in draft.body
