"""HTML page metadata as a reader of the page sees it: the day it appeared, the headline without the
site's name, the publisher's name, the language. Every page here is our own short text."""

import datetime as dt

import pytest

from articles.importers import ArticleDraft, read_bytes

BODY_DE = (
    "<p>Die Stadt baut bis zum Herbst vier Kilometer neue Radwege durch die Altstadt. Die Kosten liegen bei "
    "2,1 Millionen Euro, wie die Verwaltung am Donnerstag mitteilte.</p>"
    "<p>Der Rat hatte die Pläne im Frühjahr mit großer Mehrheit beschlossen. Anwohner sollen in einer "
    "Versammlung im Rathaus informiert werden, bevor die Bagger anrollen.</p>"
)
BODY_EN = (
    "<p>The council will build four kilometres of new cycle lanes through the old town by the autumn. "
    "The work will cost 2.1 million euros, the administration said on Thursday.</p>"
    "<p>Councillors approved the plans in the spring by a large majority. Residents will be briefed at a "
    "meeting in the town hall before the diggers arrive.</p>"
)


def page(head: str = "", article: str = BODY_DE, *, lang: str = "de", before: str = "", after: str = "") -> bytes:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        f'<header><a href="/">Startseite</a></header>{before}<article>{article}</article>{after}'
        "<footer><p>Impressum</p></footer></body></html>"
    ).encode()


def draft(data: bytes) -> ArticleDraft:
    items = list(read_bytes(data, name="page.html"))
    assert len(items) == 1 and isinstance(items[0], ArticleDraft), items
    return items[0]


# --- dates ---------------------------------------------------------------------------------------


def test_date_from_json_ld_of_type_webpage():
    ld = '<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2024-03-05"}</script>'
    assert draft(page(ld)).published_on == dt.date(2024, 3, 5)


def test_date_from_dublin_core_meta():
    assert draft(page('<meta name="DC.date" content="2024-03-05">')).published_on == dt.date(2024, 3, 5)


def test_date_only_in_a_byline():
    byline = '<p class="byline">Von Anna Berg, 12.03.2024, 10:15 Uhr</p>'
    assert draft(page(article=byline + BODY_DE)).published_on == dt.date(2024, 3, 12)


def test_utc_timestamp_gives_the_local_day_the_page_shows():
    # an evening article in a city five hours behind UTC: the UTC date is already the next day
    head = '<meta property="article:published_time" content="2024-03-06T02:30:00Z">'
    article = '<p class="dateline">March 5, 2024</p>' + BODY_EN
    assert draft(page(head, article, lang="en")).published_on == dt.date(2024, 3, 5)


def test_timestamp_with_offset_keeps_its_own_local_day():
    head = '<meta property="article:published_time" content="2024-03-05T23:30:00+01:00">'
    assert draft(page(head)).published_on == dt.date(2024, 3, 5)


def test_a_sidebar_teasers_time_is_not_the_articles():
    teaser = (
        '<aside><ul><li><a href="/alt"><time datetime="2023-01-09">9. Januar 2023</time> Älterer Text</a></li>'
        "</ul></aside>"
    )
    article = '<p><time datetime="2024-02-02T08:00:00+01:00">2. Februar 2024</time></p>' + BODY_DE
    assert draft(page(before=teaser, article=article)).published_on == dt.date(2024, 2, 2)


def test_day_first_numeric_date_on_a_german_page():
    article = '<p><time datetime="01-11-2023">1. November</time></p>' + BODY_DE
    assert draft(page(article=article)).published_on == dt.date(2023, 11, 1)


def test_the_stand_line_of_the_text_beats_a_generic_date_meta_and_leaves_the_body():
    head = '<meta name="date" content="2024-05-10T09:00:00+02:00">'
    got = draft(page(head, '<p class="stand">Stand: 02.05.2024</p>' + BODY_DE))
    assert got.published_on == dt.date(2024, 5, 2)
    assert "Stand" not in got.body


def test_a_readers_comment_date_is_never_the_articles():
    comments = (
        '<section id="comments"><h3>2 Kommentare</h3>'
        '<div class="comment"><time datetime="2022-07-07">7. Juli 2022</time><p>Gute Sache.</p></div></section>'
    )
    assert draft(page(after=comments)).published_on is None


# --- titles and publisher --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "h1", "want"),
    [
        # the site's name after a bar, learned from og:site_name
        ('<title>Neue Radwege für die Altstadt | Stadtbote</title><meta property="og:site_name" content="Stadtbote">',
         "", "Neue Radwege für die Altstadt"),
        # the site's initials, an abbreviation of og:site_name
        ('<meta property="og:title" content="Neue Radwege für die Altstadt | NRP">'
         '<meta property="og:site_name" content="Neue Rheinische Post">', "", "Neue Radwege für die Altstadt"),
        # the site's name in front, with a guillemet
        ('<title>Stadtbote › Neue Radwege für die Altstadt</title><meta name="application-name" content="Stadtbote">',
         "", "Neue Radwege für die Altstadt"),
        # section and site after the headline; the domain names the site
        ('<title>Neue Radwege für die Altstadt - Lokales - stadtbote.example</title>'
         '<link rel="canonical" href="https://www.stadtbote.example/lokales/radwege">', "",
         "Neue Radwege für die Altstadt"),
        # og:title carries the site, <title> does not: the headline without it
        ('<meta property="og:title" content="Neue Radwege für die Altstadt - Stadtbote">'
         '<meta property="og:site_name" content="Stadtbote">', "", "Neue Radwege für die Altstadt"),
        # entities escaped twice by the CMS
        ('<meta property="og:title" content="Radwege &amp;#8211; der &amp;#8216;große&amp;#8217; Plan">', "",
         "Radwege – der ‘große’ Plan"),
        # the visible headline with its kicker, the metadata without
        ('<meta property="og:title" content="Neue Radwege für die Altstadt">',
         "Verkehrswende: Neue Radwege für die Altstadt", "Verkehrswende: Neue Radwege für die Altstadt"),
        # og:title differs from the JSON-LD headline: the one the page shows in its <h1>
        ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Rat beschließt Radwege"}</script>'
         '<meta property="og:title" content="Vier Kilometer mehr: Rat beschließt Radwege">',
         "Vier Kilometer mehr: Rat beschließt Radwege", "Vier Kilometer mehr: Rat beschließt Radwege"),
    ],
)
def test_the_headline_without_the_sites_name(head, h1, want):
    article = (f"<h1>{h1}</h1>" if h1 else "") + BODY_DE
    assert draft(page(head, article)).title == want


def test_a_title_that_only_names_the_site_gives_way_to_the_pages_heading():
    data = (
        '<!doctype html><html lang="de"><head><title>stadtbote.example</title>'
        '<link rel="canonical" href="https://stadtbote.example/radwege"></head><body><main>'
        f"<div><h2>Neue Radwege für die Altstadt</h2></div>{BODY_DE}</main></body></html>"
    ).encode()
    assert draft(data).title == "Neue Radwege für die Altstadt"


def test_the_publisher_is_a_name_never_a_headline():
    head = (
        '<title>Neue Radwege für die Altstadt</title>'
        '<meta name="application-name" content="Neue Radwege für die Altstadt">'
        '<link rel="canonical" href="https://www.stadtbote.example/radwege">'
    )
    got = draft(page(head))
    assert got.title == "Neue Radwege für die Altstadt"
    assert got.publisher == "stadtbote.example"


# --- language ----------------------------------------------------------------------------------------


def test_persian_is_not_taken_for_arabic():
    text = (
        "<p>شورای شهر تصمیم گرفت تا پاییز چهار کیلومتر مسیر دوچرخه جدید در مرکز شهر بسازد. هزینه این طرح "
        "دو میلیون یورو است و ساکنان پیش از شروع کار در جلسه‌ای در شهرداری در جریان قرار می‌گیرند.</p>"
    )
    assert draft(page(article=text, lang="")).language == "fa"


def test_the_declared_language_decides_between_close_relatives():
    text = (
        "<p>Gradsko vijeće odlučilo je do jeseni izgraditi četiri kilometra novih biciklističkih staza kroz "
        "stari grad. Radovi će koštati dva milijuna eura, rekla je uprava u četvrtak.</p>"
    )
    assert draft(page(article=text, lang="bs")).language == "bs"
    assert draft(page(article=text, lang="hr")).language == "hr"


def test_a_templates_default_language_does_not_outvote_the_text():
    assert draft(page(lang="en")).language == "de"


def test_an_update_line_gives_way_to_an_earlier_original_date():
    head = '<meta name="date" content="2024-04-01">'
    got = draft(page(head, "<p>Aktualisiert am 02.05.2024</p>" + BODY_DE))
    assert got.published_on == dt.date(2024, 4, 1)
    assert "Aktualisiert" not in got.body
