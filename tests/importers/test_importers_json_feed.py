"""JSON objects and arrays, JSON Lines, RSS 2.0 and Atom: one draft per good item, an error per bad one."""

import datetime as dt
import json
import tracemalloc
from pathlib import Path

import pytest

from articles.importers import ArticleDraft, ImportFailed, ItemError, read_bytes, read_file

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "importers"


def test_json_object_is_one_article_with_html_body_turned_into_text():
    (draft,) = list(read_file(FIX / "article.json"))
    assert draft.title == "Pension fund backs European data centre builder"
    assert draft.body == (
        "A Dutch pension fund has taken a minority stake in a company that builds data centres for AI "
        "workloads.\n\nThe deal values the builder at about 1.1 billion euros, according to a filing."
    )
    assert draft.url == "https://www.tradejournal.example/markets/pension-fund-data-centres"
    assert (draft.published_on, draft.date_precision) == (dt.date(2025, 9, 2), "day")
    assert draft.language == "en"
    assert draft.publisher == "Trade Journal"
    assert draft.cited_urls == ["https://finance.example.net/deals/data-centre-stake"]
    assert draft.source_index is None


def test_json_array_yields_good_items_and_an_error_for_each_bad_one():
    items = list(read_file(FIX / "articles.json"))
    assert [type(i).__name__ for i in items] == ["ArticleDraft", "ItemError", "ArticleDraft", "ItemError"]
    first, missing, third, not_object = items
    assert first.source_index == 0 and third.source_index == 2
    assert first.title == "Stadtwerke investieren in Serverkühlung"
    assert first.url == "https://www.stadtanzeiger.example/lokales/kuehlung"
    assert first.published_on == dt.date(2025, 10, 14)  # RFC 822 pubDate
    assert first.language == "de" and first.publisher == "Stadtanzeiger"
    assert missing.item == 2 and "no article text" in missing.error
    assert not_object.item == 4 and "not a JSON object" in not_object.error
    assert third.body == "The federal government approved a subsidy of 900 million dollars for a new chip plant."
    assert (third.published_on, third.date_precision) == (dt.date(2025, 8, 1), "month")
    assert third.publisher == "example.com"  # the site of its URL
    assert third.cited_urls == ["https://gov.example/subsidy-decision"]


def test_json_lines_bad_line_is_reported_by_number_and_the_others_are_imported():
    items = list(read_file(FIX / "articles.jsonl"))
    drafts = [i for i in items if isinstance(i, ArticleDraft)]
    errors = [i for i in items if isinstance(i, ItemError)]
    assert [d.title for d in drafts] == ["Neues Rechenzentrum in Sachsen", "GPU cluster for universities"]
    assert [d.source_index for d in drafts] == [0, 2]
    assert drafts[0].publisher == "Mitteldeutsche Nachrichten"
    assert drafts[1].publisher == "campusnews.example"
    assert drafts[0].language == "de" and drafts[1].language == "en"
    assert [(e.item, e.error.split(":")[0]) for e in errors] == [(2, "line 2"), (5, "line 5")]
    assert "not valid JSON" in errors[0].error
    assert "no article text" in errors[1].error


def test_json_lines_recognised_even_when_the_first_line_is_broken():
    data = b'{"title": "kaputt\n{"title": "Serverfarm in Brandenburg", "body": "Ein Netzbetreiber baut dort."}\n'
    items = list(read_bytes(data, name="upload"))
    assert isinstance(items[0], ItemError) and items[0].item == 1
    assert items[0].error.startswith("line 1: not valid JSON")
    assert isinstance(items[1], ArticleDraft) and items[1].title == "Serverfarm in Brandenburg"


def test_json_lines_is_streamed_in_constant_memory(tmp_path):
    path = tmp_path / "big.jsonl"
    padding = "x" * 50_000
    with path.open("w", encoding="utf-8") as fh:
        for n in range(120):
            fh.write(json.dumps({"title": f"Meldung {n}", "body": "Ein Rechenzentrum wird gebaut.", "pad": padding}))
            fh.write("\n")
    size = path.stat().st_size
    tracemalloc.start()
    try:
        count = sum(1 for item in read_file(path) if isinstance(item, ArticleDraft))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 120
    assert size > 5_000_000
    assert peak < size / 5  # a few lines at a time, never the whole file


def test_rss_prefers_content_encoded_over_description():
    first, second = list(read_file(FIX / "feed_rss.xml"))
    assert first.title == "Norddeutscher Windpark versorgt Rechenzentrum"
    assert "Der Vertrag läuft über 15 Jahre." in first.body
    assert "Kurzfassung" not in first.body
    assert first.url == "https://monitor.example.de/2025/07/windpark-rechenzentrum"
    assert first.published_on == dt.date(2025, 7, 9)
    assert first.publisher == "KI-Standort Monitor"
    assert first.language == "de"
    assert first.cited_urls == ["https://energie.example.org/vertrag"]
    assert (first.source_index, second.source_index) == (0, 1)
    # an item with only a description still imports
    assert second.body.startswith("Ein Netzbetreiber verlegt eine neue Glasfaserleitung")
    assert second.published_on == dt.date(2025, 7, 10)


def test_atom_entry_with_html_content():
    (entry,) = list(read_file(FIX / "feed_atom.xml"))
    assert entry.title == "Hyperscalers raise spending guidance again"
    assert entry.body == (
        "Three of the largest cloud companies raised their capital spending plans for next year, citing demand "
        "for AI training capacity.\n\nTogether they now expect to spend more than 300 billion dollars."
    )
    assert entry.url == "https://capex.example.com/2025/10/hyperscalers-guidance"
    assert entry.published_on == dt.date(2025, 10, 2)  # the date as published, not shifted to UTC
    assert entry.publisher == "Compute Capex Weekly"
    assert entry.language == "en"


def test_formats_forced_by_the_caller():
    data = (FIX / "articles.jsonl").read_bytes()
    assert len(list(read_bytes(data, name="x", fmt="jsonl"))) == 4
    # forced as plain text, the same bytes become one (odd) article, but never a crash
    items = list(read_bytes(data, name="x", fmt="text"))
    assert len(items) == 1 and isinstance(items[0], ArticleDraft)
    with pytest.raises(ImportFailed, match="not valid JSON"):
        read_bytes((FIX / "text_month.txt").read_bytes(), name="x", fmt="json")
