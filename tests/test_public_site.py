"""The readers' site: timeline filters and search, cursor pages, topic/speaker/article/outlet pages, the claim
page's review and ClaimReview, feeds, and constant query counts."""

from __future__ import annotations

import datetime as dt
import json
import re

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import public_cache, services
from articles.demo import demo_load
from articles.models import Article, Claim, ClaimStatus, Publisher, Speaker, Topic
from articles.public_links import slug_of
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


def publish(text: str, *, said: dt.date, article_id: int | None = None, **extra) -> Claim:
    article_id = article_id or make_article(title=f"Artikel {text[:30]}", body=text,
                                            language=extra.pop("language", "de"))
    return services.claim_create(article=Article.objects.get(pk=article_id), kind="figure", text=text,
                                 stated_on=said, status=ClaimStatus.ACCEPTED, published=True, **extra)


def texts(response) -> list[str]:
    return re.findall(r'<blockquote[^>]*><a href="/claims/\d+/">([^<]+)</a>', response.text)


@pytest.fixture
def demo():
    demo_load()


def test_timeline_is_newest_first_by_date_said_and_hides_unpublished(client):
    publish("Alt: 3 Millionen Euro.", said=dt.date(2024, 1, 5))
    publish("Neu: 5 Millionen Euro.", said=dt.date(2025, 3, 1))
    services.claim_create(article=Article.objects.get(pk=make_article(title="X", body="Entwurf.")), kind="figure",
                          text="Entwurf.", stated_on=dt.date(2026, 1, 1))
    assert texts(client.get("/")) == ["Neu: 5 Millionen Euro.", "Alt: 3 Millionen Euro."]


def test_filters_combine_and_stay_in_the_page_links(client):
    for i in range(30):
        publish(f"Satz {i}: {i} Millionen Euro.", said=dt.date(2025, 1, 1) + dt.timedelta(days=i),
                speaker="Erika Beispiel" if i % 2 else "Max Muster", topic="Haushalt",
                verdict="false" if i % 3 else "true")
    publish("Ein englischer Satz: 7 million.", said=dt.date(2025, 1, 20), language="en", speaker="Erika Beispiel")
    erika = Speaker.objects.get(name="Erika Beispiel")
    params = {"topic": "haushalt", "speaker": slug_of(erika), "rating": "false", "lang": "de",
              "from": "2025-01-03", "to": "2025-01-28"}
    response = client.get("/", params)
    shown = texts(response)
    expected = [f"Satz {i}: {i} Millionen Euro." for i in range(27, 1, -1) if i % 2 and i % 3]
    assert shown == expected
    assert 'value="haushalt" selected' in response.text


def test_bad_filter_values_are_reported_not_a_crash(client):
    publish("Ein Satz mit 3 Millionen Euro.", said=dt.date(2025, 1, 1))
    response = client.get("/", {"from": "gestern", "speaker": "999999-niemand", "cursor": "x'; DROP"})
    assert response.status_code == 200
    assert "Ein Satz mit 3 Millionen Euro." in response.text  # the valid part still works
    assert 'class="errorlist"' in response.text


def test_cursor_pages_walk_older_and_back_newer_without_gaps(client):
    said = dt.date(2025, 1, 1)
    for i in range(60):  # several claims on the same day: the id breaks the tie
        publish(f"Satz {i} nennt {i} Millionen Euro.", said=said + dt.timedelta(days=i // 4))
    pages, url = [], "/"
    while url:
        response = client.get(url)
        pages.append(texts(response))
        older = re.search(r'<a href="([^"]+)" rel="next"', response.text)
        url = older[1].replace("&amp;", "&") if older else None
    seen = [t for page in pages for t in page]
    assert len(seen) == 60 and len(set(seen)) == 60
    assert [len(p) for p in pages] == [25, 25, 10]
    newer = re.search(r'<a href="([^"]+)" rel="prev"', response.text)[1].replace("&amp;", "&")
    assert texts(client.get(newer)) == pages[1]


def test_htmx_filtering_returns_only_the_results(client):
    publish("Ein Satz mit 3 Millionen Euro.", said=dt.date(2025, 1, 1))
    response = client.get("/", {"q": "Satz"}, headers={"HX-Request": "true", "HX-Target": "results"})
    assert response.text.lstrip().startswith('<section id="results"')
    assert "<html" not in response.text
    assert "Ein Satz mit 3 Millionen Euro." in response.text


def test_search_finds_word_forms_accents_and_topic_names(client):
    publish("Das neue Rechenzentrum braucht 90 Megawatt.", said=dt.date(2025, 2, 1), topic="Netzausbau")
    publish("In Rüsselsheim entstehen 300 Arbeitsplätze.", said=dt.date(2025, 2, 2), speaker="Jana Öztürk")
    publish("Die Brücke kostet 40 Millionen Euro.", said=dt.date(2025, 2, 3), topic="Verkehr")
    assert texts(client.get("/", {"q": "Rechenzentren"})) == ["Das neue Rechenzentrum braucht 90 Megawatt."]
    assert texts(client.get("/", {"q": "Russelsheim"})) == ["In Rüsselsheim entstehen 300 Arbeitsplätze."]
    by_topic = client.get("/", {"q": "Netzausbau"})
    assert texts(by_topic) == ["Das neue Rechenzentrum braucht 90 Megawatt."]
    assert f'href="{reverse("topic_detail", args=["netzausbau"])}"' in by_topic.text
    by_speaker = client.get("/", {"q": "Öztürk"})
    assert texts(by_speaker) == ["In Rüsselsheim entstehen 300 Arbeitsplätze."]
    assert "Jana Öztürk</a>" in by_speaker.text
    assert texts(client.get("/", {"q": "Rechenzentrum", "topic": "verkehr"})) == []


def test_search_results_page_with_cursors_too(client):
    for i in range(30):
        publish(f"Windpark {i} liefert {i} Megawatt.", said=dt.date(2025, 1, 1) + dt.timedelta(days=i))
    first = client.get("/", {"q": "Windpark"})
    older = re.search(r'<a href="([^"]+)" rel="next"', first.text)[1].replace("&amp;", "&")
    assert "q=Windpark" in older
    second = texts(client.get(older))
    assert len(texts(first)) == 25 and len(second) == 5
    assert not set(texts(first)) & set(second)


def test_topic_page_charts_the_demo_funding_figures(client, demo):
    topic = Topic.objects.get(name="Stargate funding")
    response = client.get(reverse("topic_detail", args=[topic.slug]))
    text = response.text
    assert "<svg" in text and 'role="img"' in text
    table = text[text.index('class="chart-data"'):]
    for figure in ("up to US$500 bn", "US$100 bn", "under US$10 bn"):
        assert figure in table
    assert text.count('class="contradiction"') == 2  # the under-$10bn claim contradicts both others
    assert 'class="bound"' in text
    assert f'href="{reverse("feed_topic", args=[topic.slug])}"' in text


def test_topic_with_two_units_gets_two_panels_and_a_range(client, demo):
    response = client.get(reverse("topic_detail", args=["chipwerk-lausitz"]))
    assert response.text.count('<svg class="figure-chart"') == 2  # euros and jobs
    assert 'class="range"' in response.text


def test_speaker_page_marks_own_contradictions(client, demo):
    sacks = Speaker.objects.get(name="David Sacks")
    response = client.get(reverse("speaker_detail", args=[slug_of(sacks)]))
    text = response.text
    section = text[text.index('id="own-contradictions"'):]
    assert section.index("Es wird keine Rettung") < section.index("Die Investitionen in KI")  # earlier first
    assert "contradicts own statement" in text
    old_name = reverse("speaker_detail", args=[f"{sacks.pk}-old-name"])
    assert client.get(old_name)["Location"] == reverse("speaker_detail", args=[slug_of(sacks)])


def test_article_page_shows_outlet_date_language_original_and_rated_claims(client, demo):
    article = Article.objects.get(url__endswith="/chipwerk-plan")
    response = client.get(reverse("article_public", args=[article.pk]))
    text = response.text
    assert "Lausitzer Tagesblatt" in text and "11 Feb 2025" in text and "German" in text
    assert 'href="https://demo.factcheck.invalid/lausitz/chipwerk-plan"' in text
    assert "Bund und Land fördern das Werk mit 5 Milliarden Euro" in text and ">False<" in text
    assert article.body not in text  # the page lists claims; it does not republish the article


def test_outlet_page_lists_articles_and_their_ratings(client, demo):
    outlet = Publisher.objects.get(name="Lausitzer Tagesblatt")
    response = client.get(reverse("outlet_detail", args=[slug_of(outlet)]))
    text = response.text
    assert "Rechnungshof prüft Chipwerk-Zusagen" in text and "Chipwerk-Chefin" in text
    assert 'verdict-false">False</span> 1' in text


def test_claim_page_has_heading_review_sources_and_grouped_links(client, demo):
    claim = Claim.objects.get(text__startswith="Bund und Land fördern")
    text = client.get(claim.get_absolute_url()).text
    assert re.search(r"<h1[^>]*>Bund und Land fördern das Werk", text)
    assert "Die Förderbescheide summieren sich" in text
    assert "Prüfbericht Chipwerk Lausitz" in text
    assert "<h3>Contradicted by</h3>" in text
    assert '<meta property="og:title"' in text and '<meta name="twitter:card" content="summary">' in text


def test_claim_page_says_reported_on_when_no_day_was_stated(client, demo):
    claim = Claim.objects.get(text="mehr als 3 Milliarden Euro")
    assert "reported on 16 Jul 2025" in client.get(claim.get_absolute_url()).text
    stated = Claim.objects.get(text__startswith="Zugesagt sind uns")
    assert "said on 2 Apr 2025" in client.get(stated.get_absolute_url()).text


def test_claimreview_jsonld_has_googles_required_and_recommended_properties(client, demo):
    claim = Claim.objects.get(text__startswith="Bund und Land fördern")
    text = client.get(claim.get_absolute_url()).text
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)[1]
    review = json.loads(block)
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == claim.text
    assert review["reviewBody"].startswith("Die Förderbescheide")
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    assert review["datePublished"] == "2025-12-01"
    assert review["url"].endswith(claim.get_absolute_url())
    rating = review["reviewRating"]
    assert (rating["ratingValue"], rating["bestRating"], rating["worstRating"], rating["alternateName"]) == (
        1, 5, 1, "False")
    item = review["itemReviewed"]
    assert item["author"] == {"@type": "Person", "name": "Thomas Berger"}
    assert item["datePublished"] == "2025-02-10"
    assert item["appearance"]["url"] == "https://demo.factcheck.invalid/lausitz/chipwerk-plan"


@pytest.mark.parametrize("which", ["all", "topic", "speaker"])
def test_atom_feeds_parse_cleanly_and_are_linked_from_their_pages(client, demo, which):
    berger = Speaker.objects.get(name="Thomas Berger")
    feed_url, page_url = {
        "all": (reverse("feed_claims"), "/"),
        "topic": (reverse("feed_topic", args=["chipwerk-lausitz"]), reverse("topic_detail", args=["chipwerk-lausitz"])),
        "speaker": (reverse("feed_speaker", args=[slug_of(berger)]), reverse("speaker_detail", args=[slug_of(berger)])),
    }[which]
    response = client.get(feed_url)
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.entries and all(entry.link.startswith("http") for entry in feed.entries)
    if which == "speaker":
        assert all("Thomas Berger" in entry.title for entry in feed.entries)
    assert '<link rel="alternate" type="application/atom+xml"' in client.get(page_url).text
    assert f'href="{feed_url}"' in client.get(page_url).text


def _count(client, url: str) -> int:
    """Queries of rendering `url` (a cache miss: readers' cached pages cost none, see test_public_cache.py)."""
    public_cache.changed()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_every_public_page_runs_a_constant_number_of_queries(client, demo):
    topic = Topic.objects.get(name="Chipwerk Lausitz")
    speaker = Speaker.objects.get(name="Thomas Berger")
    outlet = Publisher.objects.get(name="Lausitzer Tagesblatt")
    article = Article.objects.get(url__endswith="/chipwerk-plan")
    hub = Claim.objects.get(text__startswith="Bund und Land fördern")
    urls = ["/", "/?q=Milliarden", f"/?topic={topic.slug}", reverse("topic_list"), reverse("speaker_list"),
            reverse("outlet_list"), reverse("topic_detail", args=[topic.slug]),
            reverse("speaker_detail", args=[slug_of(speaker)]), reverse("outlet_detail", args=[slug_of(outlet)]),
            reverse("article_public", args=[article.pk]), hub.get_absolute_url(), reverse("feed_claims")]
    few = [_count(client, url) for url in urls]
    for i in range(40):
        other = publish(f"Bund und Land fördern mit {i} Milliarden Euro.", said=dt.date(2025, 3, 1) + dt.timedelta(i),
                        article_id=article.pk if i % 2 else None, speaker="Thomas Berger" if i % 3 else f"Neu {i}",
                        topic="Chipwerk Lausitz", verdict="false", quantity=(i * 1e9, "EUR", "eq", None))
        services.claim_link(from_claim_id=other.pk, to_claim_id=hub.pk, relation="contradicts", user=None)
        if i % 4 == 0:
            Article.objects.filter(pk=other.article_id).update(publisher=outlet)
    assert [_count(client, url) for url in urls] == few
    print(dict(zip(urls, few, strict=True)))


def test_timeline_costs_the_same_deep_in_the_list(client):
    for i in range(80):
        publish(f"Satz {i} nennt {i} Millionen Euro.", said=dt.date(2025, 1, 1) + dt.timedelta(days=i))
    first = client.get("/")
    url = re.search(r'<a href="([^"]+)" rel="next"', first.text)[1].replace("&amp;", "&")
    deeper = re.search(r'<a href="([^"]+)" rel="next"', client.get(url).text)[1].replace("&amp;", "&")
    assert _count(client, "/") == _count(client, url) == _count(client, deeper)
    public_cache.changed()
    with CaptureQueriesContext(connection) as queries:
        client.get(deeper)
    # the page's own queries (without Redis the cache is a table, which counts its rows when it stores one)
    queries = [q for q in queries.captured_queries if "factcheck_cache" not in q["sql"]]
    assert not any("OFFSET" in q["sql"].upper() or "COUNT(" in q["sql"].upper() for q in queries)
    assert not any('"articles_article"."body"' in q["sql"] for q in queries)
