"""The day a statement was made (issue 11, part 3), each rule on a short text of our own with invented names:
relative spans ("last week", "vor zwei Wochen"), a weekday of last week, the night from one day to the next,
"heute" in a comparison, the day of the speaker's earlier statement, dates inside the quoted words."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.extraction import extract_claims
from articles.extraction.dates import find_date

DAY = dt.date(2026, 6, 5)  # a Friday


def dated(body, language="de", published_on=DAY):
    return [
        (c.speaker, c.stated_on, c.stated_on_source)
        for c in extract_claims(body, language=language, published_on=published_on)
        if c.kind == "quote"
    ]


@pytest.mark.parametrize(
    "context, language, day",
    [
        # "last week" names no day: the same weekday a week before the article lies in last week whatever the
        # article's weekday (see dates.py)
        ("sagte sie vergangene Woche", "de", dt.date(2026, 5, 29)),
        ("sagte sie letzte Woche im Landtag", "de", dt.date(2026, 5, 29)),
        ("she said last week", "en", dt.date(2026, 5, 29)),
        ("sagte er vor zwei Wochen", "de", dt.date(2026, 5, 22)),
        ("he said three days ago", "en", dt.date(2026, 6, 2)),
        ("sagte sie vor drei Tagen", "de", dt.date(2026, 6, 2)),
        # a weekday of last week: that day of the calendar week before the article's
        ("am Donnerstag vergangener Woche", "de", dt.date(2026, 5, 28)),
        ("on Tuesday last week", "en", dt.date(2026, 5, 26)),
        # the night from one day to the next: the day the night ends in (times given are after midnight)
        ("in der Nacht von Dienstag auf Mittwoch um 0.40 Uhr", "de", dt.date(2026, 6, 3)),
        ("the night from Monday into Tuesday", "en", dt.date(2026, 6, 2)),
        # a span of days is no night: its first weekday, the latest such day on or before the article's
        ("talks from Monday to Wednesday", "en", dt.date(2026, 6, 1)),
        # "heute" comparing is weaker than a weekday named
        ("das sei doppelt so viel wie heute, sagte sie am Mittwoch", "de", dt.date(2026, 6, 3)),
    ],
)
def test_relative_days_resolve_to_a_day_in_the_past(context, language, day):
    got = find_date(context, language, DAY)
    assert got == day and got <= DAY


def test_a_quote_without_a_day_takes_the_day_of_the_speakers_earlier_dated_quote():
    body = (
        "“We misjudged how fast the sites were built,” chief planner Ines Corvin said on Wednesday. "
        "Ms Corvin added that more substations were needed.\n\n"
        "“Nobody should be surprised that the old forecast is dead,” she told reporters later."
    )
    assert dated(body, "en") == [
        ("Ines Corvin", dt.date(2026, 6, 3), "stated"),
        ("Ines Corvin", dt.date(2026, 6, 3), "stated"),
    ]


def test_a_date_inside_the_quoted_words_is_not_the_day_it_was_said():
    body = (
        "“The season starts on July 1 whatever happens to the virus,” said Rafael Montes, a former official. "
        "“Storms do not wait for anyone.”"
    )
    assert dated(body, "en") == [
        ("Rafael Montes", DAY, "reported"),
        ("Rafael Montes", DAY, "reported"),
    ]


def test_a_mail_reported_on_a_day_dates_the_quote_from_it():
    body = (
        "Am 2. Mai kommt eine Mail von Sven Aldag an die Redaktion: Die Gespräche seien schwierig. "
        "Aldag schreibt: »Drückt mir die Daumen für morgen.«"
    )
    assert dated(body) == [("Sven Aldag", dt.date(2026, 5, 2), "stated")]


def test_a_message_naming_nobody_dates_the_quote_that_goes_on_from_it_only():
    goes_on = (
        "Timo Brandl war wochenlang unterwegs. Dann, am 4. Mai, eine knappe Mail. "
        "Er habe jetzt Zugang »zu den Archiven der Stadt bekommen, endlich«."
    )
    assert dated(goes_on) == [("Timo Brandl", dt.date(2026, 5, 4), "stated")]
    new_speaker = (
        "Das erklärte der Verband am Dienstag in einer Stellungnahme. "
        "„Die Zahlen aus der Studie sind falsch“, sagte Verbandssprecherin Ilka Sand."
    )
    assert dated(new_speaker) == [("Ilka Sand", DAY, "reported")]


def test_a_day_given_with_an_occasion_of_speaking_dates_the_speakers_later_quotes_far_on():
    filler = "Revenue from the print titles fell again in the quarter, while costs stayed high. " * 20
    body = (
        "Chief executive Lena Markov said at a media briefing on Tuesday that the write-downs were "
        "\"in line with what the whole market has seen\".\n\n" + filler + "\n\n"
        "Digital subscriptions grew, said Ms Markov.\n\n"
        "\"We keep investing in the products our readers ask for,\" she noted."
    )
    got = dated(body, "en")
    assert got[-1] == ("Lena Markov", dt.date(2026, 6, 2), "stated")


def test_a_day_given_without_an_occasion_does_not_reach_far():
    filler = "Revenue from the print titles fell again in the quarter, while costs stayed high. " * 20
    body = (
        "Lena Markov wrote to the board on 3 March that \"the paper has to be sold before the summer\".\n\n"
        + filler + "\n\nDigital subscriptions grew, said Ms Markov.\n\n"
        "\"We keep investing in the products our readers ask for,\" she noted."
    )
    got = dated(body, "en")
    assert got[-1] == ("Lena Markov", DAY, "reported")
