"""Plain-text header lines are metadata: never the title, never the body. Our own short texts."""

import datetime as dt

import pytest

from articles.importers import ArticleDraft, read_bytes

BODY = (
    "Die Stadt baut bis zum Herbst vier Kilometer neue Radwege. Die Kosten liegen bei 2,1 Millionen Euro.\n\n"
    "Der Rat hatte die Pläne im Frühjahr beschlossen."
)


def draft(text: str) -> ArticleDraft:
    items = list(read_bytes(text.encode(), name="article.txt"))
    assert len(items) == 1 and isinstance(items[0], ArticleDraft), items
    return items[0]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Stand: 29.10.2025, 14:30 Uhr", dt.date(2025, 10, 29)),
        ("Published: May 3, 2025", dt.date(2025, 5, 3)),
        ("Veröffentlicht am 3. Mai 2025", dt.date(2025, 5, 3)),
        ("Updated 2025-05-04T10:00:00+02:00", dt.date(2025, 5, 4)),
        ("Aktualisiert am Montag, 5. Mai 2025", dt.date(2025, 5, 5)),
        ("12.03.2025", dt.date(2025, 3, 12)),
        ("2025-03-12T22:30:00-04:00", dt.date(2025, 3, 12)),
        ("Donnerstag, 6. März 2025 um 10:15 Uhr", dt.date(2025, 3, 6)),
        ("date: 2025-03-12", dt.date(2025, 3, 12)),
    ],
)
def test_a_date_line_above_the_title_dates_the_article_and_is_never_the_title(line, day):
    got = draft(f"{line}\nNeue Radwege für die Altstadt\n\n{BODY}")
    assert got.published_on == day
    assert got.title == "Neue Radwege für die Altstadt"
    assert got.body.startswith("Die Stadt baut")


@pytest.mark.parametrize("line", ["Stand: 29.10.2025", "Published: October 29, 2025", "29.10.2025"])
def test_a_date_line_under_the_title(line):
    got = draft(f"Neue Radwege für die Altstadt\n{line}\n\n{BODY}")
    assert (got.title, got.published_on) == ("Neue Radwege für die Altstadt", dt.date(2025, 10, 29))
    assert "2025" not in got.body and "Stand" not in got.body


def test_a_date_line_alone_never_becomes_the_title():
    got = draft(f"Stand: 29.10.2025\n\n{BODY}")
    assert got.published_on == dt.date(2025, 10, 29)
    assert "Stand" not in got.title and "2025" not in got.title
    assert got.body.startswith("Die Stadt baut")


def test_a_publication_date_wins_over_an_update_date():
    got = draft(f"Published: 2025-05-03\nUpdated: 2025-05-06\nCity plans new cycle lanes\n\n{BODY}")
    assert got.published_on == dt.date(2025, 5, 3)
    assert got.title == "City plans new cycle lanes"


def test_key_value_header_lines_are_metadata():
    got = draft(
        "title: Neue Radwege für die Altstadt\n"
        "url: https://stadtbote.example/radwege\n"
        "author: Anna Berg\n"
        "publisher: Stadtbote\n"
        "date: 2025-05-03\n"
        "language: de\n\n" + BODY
    )
    assert got.title == "Neue Radwege für die Altstadt"
    assert got.url == "https://stadtbote.example/radwege"
    assert got.author == "Anna Berg"
    assert got.publisher == "Stadtbote"
    assert got.published_on == dt.date(2025, 5, 3)
    assert got.language == "de"
    assert got.body.startswith("Die Stadt baut")
    for key in ("title:", "url:", "author:", "publisher:", "date:", "language:"):
        assert key not in got.body


def test_source_is_the_url_when_it_is_one_else_the_publisher():
    assert draft(f"source: https://stadtbote.example/a\n\n{BODY}").url == "https://stadtbote.example/a"
    got = draft(f"Quelle: Stadtbote\n\n{BODY}")
    assert (got.publisher, got.url) == ("Stadtbote", None)


def test_a_byline_is_the_author_not_the_title():
    got = draft(f"Neue Radwege für die Altstadt\nVon Anna Berg und Jan Ott\nStand: 04.05.2025\n\n{BODY}")
    assert got.title == "Neue Radwege für die Altstadt"
    assert got.author == "Anna Berg und Jan Ott"
    assert got.published_on == dt.date(2025, 5, 4)
    assert got.body.startswith("Die Stadt baut")


def test_a_month_header_under_the_title_keeps_month_precision():
    got = draft(f"Neue Radwege für die Altstadt\ndate 2025-03\n\n{BODY}")
    assert (got.published_on, got.date_precision) == (dt.date(2025, 3, 1), "month")


def test_body_lines_that_look_like_keys_are_left_alone():
    text = "Neue Radwege für die Altstadt\n\nBerlin: Die Stadt baut bis zum Herbst neue Radwege.\n\nMehr folgt."
    got = draft(text)
    assert got.body.startswith("Berlin: Die Stadt baut")
    assert got.published_on is None and got.author is None
