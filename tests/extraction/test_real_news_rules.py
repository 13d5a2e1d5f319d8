"""The rules added for real news (issue 11), each on a short text of our own: numbers in words, any Unicode
space between digit groups, every currency, lengths, small counts, figure speakers, speakers without name
lists, dates said, and the links between claims across topics and languages."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.extraction import extract_claims
from articles.extraction.names import find_people
from articles.extraction.numerals import rewrite
from articles.lexicon import first_names
from articles.linking.judge import ClaimFacts, judge
from articles.linking.judge.features import counted as _counted

DAY = dt.date(2026, 6, 5)  # a Friday


def claims(body, language="de", published_on=DAY, title=""):
    return extract_claims(body, language=language, published_on=published_on, title=title)


def figures(body, language="de"):
    return [(c.quantity.value, c.quantity.unit, c.quantity.bound) for c in claims(body, language) if c.quantity]


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(
    "body, language, want",
    [
        ("Die Stadt schafft vier neue Buslinien.", "de", (4, "count", "eq")),
        ("The county sent eight helicopters to the coast.", "en", (8, "count", "eq")),
        ("Die Gemeinde zählt achtzehn Vereine.", "de", (18, "count", "eq")),
        ("Almost half a million people lost power.", "en", (500_000, "count", "approx")),
        ("Die Halle fasst 30\u202f000 Besucher.", "de", (30_000, "count", "eq")),
        ("Ein Kilo Kaffee kostet 30\u2005000 Pfund.", "de", (30_000, "GBP", "eq")),
        ("Die Stadt zählt 12 000 Einwohner.", "de", (12_000, "count", "eq")),
        ("Das Ticket kostet 49,- Euro im Monat.", "de", (49, "EUR", "eq")),
        ("The group reported a net loss of S$83.7 million.", "en", (83.7e6, "SGD", "eq")),
        ("The deal is worth HK$5 billion.", "en", (5e9, "HKD", "eq")),
        ("Die Sanierung kostet CHF 12 Millionen.", "de", (12e6, "CHF", "eq")),
        ("Exports fell to ¥300 billion.", "en", (3e11, "JPY", "eq")),
        ("Der Pegel sank um 40 Zentimeter.", "de", (0.4, "m", "eq")),
        ("The storm dropped 26 inches of rain.", "en", (26 * 0.0254, "m", "eq")),
        ("Forecasters expect four major hurricanes this season.", "en", (4, "count", "eq")),
        ("More than 100 men worked on the island.", "en", (100, "count", "gt")),
    ],
)
def test_figures_in_real_news_forms(body, language, want):
    got = figures(body, language)
    assert [(pytest.approx(want[0]), want[1], want[2])] == got


def test_a_rate_per_hundred_thousand_is_the_figure_and_its_base_is_not():
    body = "Violent crime rose from 458 per 100,000 residents to 753 per 100,000 residents."
    assert figures(body, "en") == [(458, "count", "eq"), (753, "count", "eq")]
    assert figures("The outbreak began after Covid-19 cases rose.", "en") == []


def test_the_article_decides_which_pound_a_bare_pfund_is():
    body = "Der Dollar kostete etwa 2000 syrische Pfund. Ein Brot kostet inzwischen 900 Pfund."
    assert [u for _, u, _ in figures(body)] == ["SYP", "SYP"]
    assert [u for _, u, _ in figures("Ein Pint kostet in London 6 Pfund.")] == ["GBP"]


def test_cents_are_a_hundredth_of_the_articles_dollar():
    body = "Earnings were S$0.13 a share. The board proposed a final dividend of 5.5 cents."
    assert figures(body, "en") == [(0.13, "SGD", "eq"), (pytest.approx(0.055), "SGD", "eq")]


@pytest.mark.parametrize(
    "body, language",
    [
        ("Das Werk liegt 300 Kilometer nördlich der Hauptstadt.", "de"),
        ("Die Partei bekam 12 von 30 Stimmen.", "de"),
        ("The assistant ships inside Windows 11 laptops.", "en"),
        ("Die Kosten sind zu zwei Dritteln gedeckt.", "de"),
        ("Die drei verbliebenen Kraftwerke gingen vom Netz.", "de"),
        ("The round was led by two venture firms.", "en"),
    ],
)
def test_places_shares_labels_fractions_and_back_references_are_no_figures(body, language):
    assert figures(body, language) == []


def test_words_become_digits_with_positions_mapped_back():
    text = "Es kamen zweihundertfünfzig Gäste."
    got = rewrite(text, "de")
    assert got.text == "Es kamen 250 Gäste."
    start = got.text.index("250")
    assert text[got.to_text(start) : got.to_text(start + 3)] == "zweihundertfünfzig"
    assert rewrite("die Elf des Vereins", "de").text == "die Elf des Vereins"  # a noun, not a number


# ---------------------------------------------------------------- speakers


@pytest.mark.parametrize(
    "body, language, speaker",
    [
        ("Laut Gutachterin Petra Lindqvist kostet der Umbau 4 Millionen Euro.", "de", "Petra Lindqvist"),
        ("Die Strecke ist 12 Kilometer lang, sagt Projektleiter Malte Brinckmann.", "de", "Malte Brinckmann"),
        ("The repairs will cost $40 million, according to engineer Dalia Okafor.", "en", "Dalia Okafor"),
    ],
)
def test_a_figure_carries_the_speaker_its_sentence_names(body, language, speaker):
    (claim,) = [c for c in claims(body, language) if c.quantity]
    assert claim.speaker == speaker and claim.stated_on_source == "reported"


def test_a_figure_inside_a_quote_carries_the_quotes_speaker():
    body = "„Wir brauchen 300 neue Lehrer und 40 Millionen Euro“, sagte Schulrätin Imke Sandvoss am Mittwoch."
    got = [(c.kind, c.speaker, c.stated_on) for c in claims(body)]
    assert ("figure", "Imke Sandvoss", dt.date(2026, 6, 3)) in got


def test_the_second_half_of_a_quote_keeps_its_speaker():
    body = (
        "“We cannot open the shelters as before,” said Tomas Reyes, a former county official. "
        "“Distancing rules halve the space we have.”"
    )
    got = [(c.speaker, c.text.split()[0]) for c in claims(body, "en") if c.kind == "quote"]
    assert got == [("Tomas Reyes", "We"), ("Tomas Reyes", "Distancing")]


def test_a_quote_paragraph_after_a_quote_with_he_said_keeps_its_speaker():
    body = (
        "Union chief Farid Osei criticised the plan.\n\n“The plan ignores the night shifts,” he said.\n\n"
        "“Nobody asked the people who work them.”"
    )
    assert [c.speaker for c in claims(body, "en") if c.kind == "quote"] == ["Farid Osei", "Farid Osei"]


def test_a_quote_after_a_sentence_reporting_its_speaker():
    body = (
        "Der Kassenwart Holger Wendlandt bestreitet das. Auf Nachfrage sagt Wendlandt, er kenne das Schreiben "
        "nicht. „Der Brief erscheint mir nicht echt, er trägt keine Unterschrift.“"
    )
    assert [c.speaker for c in claims(body) if c.kind == "quote"] == ["Holger Wendlandt"]


def test_wire_copy_quotes_closed_by_two_apostrophes():
    body = '"We hope to welcome guests from the neighbouring regions by car,\'\' said hotelier Gino Sartori.'
    assert [c.speaker for c in claims(body, "en") if c.kind == "quote"] == ["Gino Sartori"]


def test_an_unnamed_voice_of_an_organisation_speaks_for_it():
    body = "„Wir prüfen den Vorgang sorgfältig und äußern uns danach“, schreibt ein Sprecher der Stadtwerke Leer."
    assert [c.speaker for c in claims(body) if c.kind == "quote"] == ["Stadtwerke Leer"]


def test_mr_and_a_bare_surname_resolve_to_the_full_name_given_earlier():
    body = (
        "Planning chief Owen Hartigan presented the forecast. "
        "Mr Hartigan said: “We underestimated how fast demand grows.”"
    )
    assert [c.speaker for c in claims(body, "en") if c.kind == "quote"] == ["Owen Hartigan"]


def test_a_place_before_an_abbreviated_title_is_no_name():
    body = "“The record speaks for itself,” said Oregon Sen. Marta Quillon, a member of the committee."
    assert [c.speaker for c in claims(body, "en") if c.kind == "quote"] == ["Marta Quillon"]
    assert [p.name for p in find_people("said Oregon Sen. Marta Quillon")] == ["Marta Quillon"]


def test_first_names_come_from_a_general_dictionary_with_gender():
    names = first_names()
    assert names["ilka"] == "f" and names["timo"] == "m" and len(names) > 30_000
    assert "laut" not in names and "will" not in names  # common words of our languages are left out


# ---------------------------------------------------------------- dates said


def test_a_weekday_is_the_latest_such_day_on_or_before_the_article_never_a_future_one():
    body = "„Wir öffnen die Gaststube wieder“, sagte Wirtin Frauke Albers am Samstag."
    (quote,) = [c for c in claims(body) if c.kind == "quote"]
    assert quote.stated_on == dt.date(2026, 5, 30) and quote.stated_on_source == "stated"


# ---------------------------------------------------------------- links


def fact(id, article, value, unit, bound, text, *, kind="figure", speaker=None, day=DAY, language="de",
         terms=(), topic=None):
    from articles.extraction.types import Quantity

    return ClaimFacts(
        id=id, article_id=article, kind=kind, text=text, speaker=speaker, stated_on=day, published_on=day,
        quantity=Quantity(value=value, unit=unit, bound=bound), topic=topic, terms=list(terms), language=language,
    )


def test_counted_nouns_of_one_kind_meet_in_both_languages():
    assert _counted("Arbeitsplätze") == _counted("Stellen") == _counted("posts") == _counted("jobs")
    assert _counted("Menschen") == _counted("people") != _counted("jobs")


def test_a_german_figure_and_its_english_translation_are_the_same():
    de = fact(1, 1, 1400, "count", "approx", "Der Konzern will rund 1.400 Stellen streichen.",
              terms=["kestrel", "magdeburg"])
    en = fact(2, 2, 1400, "count", "approx", "The group plans to cut about 1,400 jobs.", language="en",
              terms=["kestrel", "magdeburg"])
    assert judge(en, de).relation == "same"


def test_a_denial_that_repeats_the_number_contradicts_it_and_is_never_the_same():
    fig = fact(1, 1, 2000, "count", "le", "As many as 2,000 positions are at risk, the union said.",
               language="en", terms=["kestrel"])
    quote = fact(2, 1, 2000, "count", "eq", "We are not cutting 2,000 posts, that number is wrong",
                 kind="quote", speaker="Ruben Falkner", language="en", terms=["kestrel"])
    assert judge(quote, fig).relation == "contradicts"


def test_a_revision_updates_the_figure_it_names_across_languages():
    march = fact(1, 1, 3.5e9, "W", "eq", "Der Netzbetreiber rechnet bis 2030 mit 3,5 Gigawatt Spitzenlast.",
                 day=dt.date(2026, 3, 12), terms=["harbor", "grid"])
    october = fact(2, 2, 4.2e9, "W", "eq",
                   "The operator now expects 4.2 gigawatts by 2030, up from the 3.5 gigawatts it forecast in March.",
                   language="en", day=dt.date(2026, 10, 9), terms=["harbor", "grid"])
    assert judge(october, march).relation == "updates"
    other = fact(3, 3, 3.9e9, "W", "eq", "Ein Gutachten nennt 3,9 Gigawatt bis 2030.", day=dt.date(2026, 4, 1),
                 terms=["grid"])
    assert judge(october, other) is None  # it revises the 3.5 GW it names, not this one


def test_ranges_that_cannot_both_hold_contradict_across_articles_and_languages():
    study = fact(1, 1, 6e6, "m3", "approx",
                 "The plants draw about 6 million cubic metres a year, according to a study.", language="en",
                 terms=["arvel", "water"])
    operators = fact(2, 2, 2e6, "m3", "le",
                     "Die Betreiber am Arvelsee verbrauchen nach eigenen Angaben höchstens 2 Millionen Kubikmeter "
                     "Wasser im Jahr, erklärte ihr Verband.", terms=["arvelsee", "wasser"])
    assert judge(operators, study).relation == "contradicts"
