"""Quotes: the words, who said them, and when."""

import datetime as dt

import pytest

from articles.extraction import extract_claims

from .samples import DE_BODY, DE_DATE, EN_BODY, EN_DATE, TWEETS


def quotes(body, language="de", published_on=dt.date(2025, 3, 7)):
    return [
        c for c in extract_claims(body, language=language, published_on=published_on) if c.kind == "quote"
    ]


def said(body, language="de", published_on=dt.date(2025, 3, 7)):
    return [(c.speaker, c.text) for c in quotes(body, language, published_on)]


@pytest.mark.parametrize(
    "body, speaker, words",
    [
        (
            "„Wir bauen das größte Werk Europas“, sagte Maria Schneider am Rande der Messe.",
            "Maria Schneider",
            "Wir bauen das größte Werk Europas",
        ),
        (
            "Maria Schneider erklärte: „Wir bauen das größte Werk Europas.“",
            "Maria Schneider",
            "Wir bauen das größte Werk Europas.",
        ),
        (
            "Das schrieb Paul Weber auf X: »Die Förderung kommt zu spät für uns alle.«",
            "Paul Weber",
            "Die Förderung kommt zu spät für uns alle.",
        ),
        (
            "„Die Förderung kommt viel zu spät“, so Paul Weber.",
            "Paul Weber",
            "Die Förderung kommt viel zu spät",
        ),
        (
            "„Das Netz ist längst am Limit“, sagte jüngst Stadtwerke-Chef Jonas Keller auf einem Kongress.",
            "Jonas Keller",
            "Das Netz ist längst am Limit",
        ),
        (
            "Sprecherin Laura Hahn sagte in einem Interview mit dem Radio:\n"
            "„Wir prüfen alle Angebote sehr genau.“",
            "Laura Hahn",
            "Wir prüfen alle Angebote sehr genau.",
        ),
        (
            '"We will build it in Texas," said Sarah Miller, the chief executive.',
            "Sarah Miller",
            "We will build it in Texas",
        ),
        (
            'Sarah Miller told reporters: "We will build it in Texas."',
            "Sarah Miller",
            "We will build it in Texas.",
        ),
        (
            "“We will build it in Texas,” Sarah Miller wrote on her blog.",
            "Sarah Miller",
            "We will build it in Texas",
        ),
        (
            "Die Ministerin verspricht ein neues Gesetz (”Wir werden die Netze schneller ausbauen“) "
            "für alle.\n"
            "Gemeint ist Katrin Vogel.",
            None,
            None,
        ),
    ],
)
def test_speaker_patterns(body, speaker, words):
    got = said(body, "en" if "Texas" in body else "de")
    if speaker is None:
        assert got == []
    else:
        assert got == [(speaker, words)]


def test_a_name_before_a_colon_with_the_quote_on_the_next_line():
    body = (
        "Lukas Brandt zeigte sich unbeeindruckt und erklärte am Freitag vor Journalisten:\n"
        "„Das Projekt wird pünktlich fertig, da bin ich sicher.“"
    )
    assert said(body) == [("Lukas Brandt", "Das Projekt wird pünktlich fertig, da bin ich sicher.")]


def test_a_first_name_alone_in_the_sentence_names_the_speaker():
    body = (
        "Während die Opposition schweigt, verspricht „unser Friedrich“ im Fernsehen viel "
        "(„Wir holen die Fabriken zurück ins eigene Land“) und lächelt."
    )
    assert said(body) == [("Friedrich", "Wir holen die Fabriken zurück ins eigene Land")]


def test_pronoun_speaker_is_the_person_named_just_before():
    body = (
        "Tom Fischer, der die Firma gegründet hat, zweifelt an den Zahlen. "
        "Auf seinem Blog schrieb er: „Das Geld ist schlicht nicht vorhanden.“"
    )
    assert said(body) == [("Tom Fischer", "Das Geld ist schlicht nicht vorhanden.")]


def test_short_form_resolves_to_the_full_name_used_in_the_article():
    body = (
        "Elon Musk meldete sich am Abend zu Wort. Musk hatte auf X gepostet: "
        "„Die Zahlen gehen hinten und vorne nicht auf.“"
    )
    assert said(body) == [("Elon Musk", "Die Zahlen gehen hinten und vorne nicht auf.")]


@pytest.mark.parametrize(
    "body",
    [
        "Das Projekt „Stargate“ sorgt für Streit.",
        "In US-Medien heißt er „Schattenpräsident“.",
        "Bailout ohne das Wort „Bailout“ zu sagen.",
        "Er wurde zum „White House AI & Crypto Czar“ ernannt, sagte Lena Wolf.",
        "Die Verordnung „LAUNCHING THE GENESIS MISSION“ kam am Montag, sagte Lena Wolf.",
    ],
)
def test_scare_quotes_and_titles_are_not_quotes(body):
    assert quotes(body) == []


def test_quote_without_any_speaker_is_left_out_but_its_figure_stays():
    body = "Die Stimmung ist gereizt:\n„Das kostet am Ende bis zu 40 Milliarden Euro.“"
    claims = extract_claims(body, language="de", published_on=None)
    assert [(c.kind, c.quantity.value, c.quantity.bound) for c in claims] == [("figure", 4e10, "le")]


def test_quote_with_a_figure_carries_it_and_is_not_doubled_by_a_figure_claim():
    body = (
        "Max Richter schrieb am Mittwoch auf X: „Die haben gar kein Geld. "
        "Gesichert sind weniger als 10 Milliarden Dollar.“"
    )
    claims = extract_claims(body, language="de", published_on=dt.date(2025, 1, 24))
    assert len(claims) == 1
    (c,) = claims
    assert c.kind == "quote" and c.speaker == "Max Richter"
    assert (c.quantity.value, c.quantity.unit, c.quantity.bound) == (1e10, "USD", "lt")


def test_quote_with_two_figures_keeps_the_first_and_adds_a_figure_claim_for_the_second():
    body = (
        "Eva Roth sagte am Montag: „Wir investieren 2 Milliarden Euro. "
        "Das schafft über 3.000 Arbeitsplätze in der Region.“"
    )
    claims = extract_claims(body, language="de", published_on=dt.date(2025, 1, 24))
    assert [(c.kind, c.quantity.value, c.quantity.unit) for c in claims] == [
        ("quote", 2e9, "EUR"),
        ("figure", 3e3, "count"),
    ]
    assert claims[1].text == "Das schafft über 3.000 Arbeitsplätze in der Region."


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    body = (
        "Anna Lang schrieb dazu: “Die Flotte parkt die meiste Zeit. Sie könnte nachts rechnen.\n\n"
        "Ein neuer Absatz."
    )
    assert said(body) == [("Anna Lang", "Die Flotte parkt die meiste Zeit. Sie könnte nachts rechnen.")]


def test_mixed_german_web_quote_marks():
    body = "”Die Preise steigen weiter, das ist sicher“, sagte Jan Kurz."
    assert said(body) == [("Jan Kurz", "Die Preise steigen weiter, das ist sicher")]


# ---------------------------------------------------------------- when it was said


def test_tweet_header_gives_speaker_and_date_for_a_multi_line_quote():
    qs = quotes(TWEETS, published_on=dt.date(2025, 4, 1))
    assert [(c.speaker, c.stated_on) for c in qs] == [
        ("Anna Berger", dt.date(2025, 3, 3)),
        ("Anna Berger", dt.date(2025, 3, 24)),
    ]
    assert (
        qs[0].text
        == "Es wird keine staatliche Rettung für Chiphersteller geben.\nDer Markt regelt das allein."
    )
    assert "Beitrag" not in qs[1].text


def test_weekday_is_the_latest_such_day_on_or_before_the_article_date():
    by_speaker = {c.speaker: c.stated_on for c in quotes(DE_BODY, published_on=DE_DATE)}
    assert by_speaker["Elon Musk"] == dt.date(2025, 1, 22)  # Mittwoch before Saturday 25 Jan
    assert by_speaker["Donald Trump"] == dt.date(2025, 1, 23)  # Donnerstag
    assert by_speaker["Karoline Leavitt"] == dt.date(2025, 1, 24)  # gestern


def test_english_weekday_and_the_next_day():
    by_speaker = {}
    for c in quotes(EN_BODY, "en", EN_DATE):
        by_speaker.setdefault(c.speaker, c.stated_on)
    assert by_speaker["Elon Musk"] == dt.date(2025, 1, 22)  # on Wednesday
    assert by_speaker["Sam Altman"] == dt.date(2025, 1, 23)  # the next day
    assert by_speaker["Donald Trump"] == dt.date(2025, 1, 23)  # on Thursday


def test_explicit_date_near_the_quote():
    body = "Am 3. Februar 2025 sagte Jonas Pohl: „Wir verdoppeln die Kapazität bis zum Sommer.“"
    assert [c.stated_on for c in quotes(body, published_on=None)] == [dt.date(2025, 2, 3)]


def test_no_date_without_an_article_date_or_an_explicit_one():
    body = "Jonas Pohl sagte am Dienstag: „Wir verdoppeln die Kapazität bis zum Sommer.“"
    assert [c.stated_on for c in quotes(body, published_on=None)] == [None]


def test_a_quote_with_no_day_said_is_dated_by_its_article_and_marked_reported():
    body = "Jonas Pohl sagte: „Wir verdoppeln die Kapazität bis zum Sommer.“"
    got = quotes(body, published_on=dt.date(2025, 5, 2))
    assert [(c.stated_on, c.stated_on_source) for c in got] == [(dt.date(2025, 5, 2), "reported")]
    body = "Jonas Pohl sagte am Dienstag: „Wir verdoppeln die Kapazität bis zum Sommer.“"
    got = quotes(body, published_on=dt.date(2025, 5, 2))  # a Friday
    assert [(c.stated_on, c.stated_on_source) for c in got] == [(dt.date(2025, 4, 29), "stated")]


def test_english_article_quotes():
    got = said(EN_BODY, "en", EN_DATE)
    assert ("Elon Musk", "They don't actually have the money") in got
    assert ("Sam Altman", "Wrong, as you surely know") in got
    assert ("Donald Trump", "He hates one of the people involved, that's all.") in got


def test_tweet_header_with_handle_in_brackets_and_a_dot():
    body = (
        "Ein Beitrag sorgte für Wirbel.\nTom Berg (@tomberg) · 12. Mai 2025\n\n"
        "„Wir liefern den Chip im Herbst aus.“"
    )
    qs = quotes(body, published_on=dt.date(2025, 6, 1))
    assert [(c.speaker, c.stated_on) for c in qs] == [("Tom Berg", dt.date(2025, 5, 12))]


def test_english_pronoun_after_the_quote():
    body = 'Sarah Miller runs the plant. "We will double the output next year," she said on Monday.'
    qs = quotes(body, "en", dt.date(2025, 3, 7))
    assert [(c.speaker, c.stated_on) for c in qs] == [("Sarah Miller", dt.date(2025, 3, 3))]


def test_the_person_next_to_the_verb_of_saying_is_the_speaker():
    body = "Nachdem Olaf Brenner geredet hatte, sagte Petra Lenz: „Wir stimmen dem Plan heute nicht zu.“"
    assert said(body) == [("Petra Lenz", "Wir stimmen dem Plan heute nicht zu.")]


def test_a_noun_before_a_colon_is_no_speaker():
    assert said("Die Antwort der Firma: „Wir prüfen das noch in aller Ruhe.“") == []


# ---------------------------------------------------------------- speakers with unlisted first names


@pytest.mark.parametrize(
    "body, language, speaker",
    [
        (
            "„Das ist die größte Investition in der Geschichte des Landes“, sagte Wirtschaftsminister "
            "Tilo Brandner am Dienstag.",
            "de",
            "Tilo Brandner",
        ),
        (
            '"Spending at this pace only pays off if revenue triples," said Marcus Feld, an analyst at a bank.',
            "en",
            "Marcus Feld",
        ),
        ('"Prices are far too high for small firms," Rafael Quintero told Reuters.', "en", "Rafael Quintero"),
        (
            "Der Ökonom Henrik Salmela hält dagegen. Salmela: „Eine Fabrik ohne Kunden ist ein teures Denkmal.“",
            "de",
            "Henrik Salmela",
        ),
        (
            '"We are late, but we are not too late," Commission spokesperson Pieter de Wolff said.',
            "en",
            "Pieter de Wolff",
        ),
        (
            "„Das rechnet sich nicht für den Mittelstand“, kritisierte Verbandschef Gernot Pfaff.",
            "de",
            "Gernot Pfaff",
        ),
        (
            "Laut Finanzchefin Ilka Roth ist die Finanzierung „zu zwei Dritteln durch Eigenkapital gesichert“.",
            "de",
            "Ilka Roth",
        ),
    ],
)
def test_role_or_verb_of_saying_marks_a_name_with_an_unlisted_first_name(body, language, speaker):
    assert [s for s, _ in said(body, language)] == [speaker]


def test_a_role_word_is_never_taken_for_a_first_name():
    body = (
        "„Wir holen die Rechenzentren dorthin, wo der Strom entsteht“, "
        "sagte Brandenburgs Wirtschaftsministerin Katrin Vogt."
    )
    assert [s for s, _ in said(body)] == ["Katrin Vogt"]


def test_a_surname_that_is_also_a_role_word_stays_a_name():
    body = "„Die Zahlen sind gut, aber nicht gut genug“, sagte Max Richter am Montag."
    assert [s for s, _ in said(body)] == ["Max Richter"]


def test_a_capitalised_pair_without_role_or_verb_is_no_person():
    # "Lunaris Semiconductor" is a company: nothing marks it as a person, so the pronoun finds no speaker
    body = (
        "Lunaris Semiconductor baut in Dresden. Er hat versprochen: „Wir liefern ab dem ersten Tag Chips nach Europa.“"
    )
    assert said(body) == []


def test_later_mention_by_surname_alone_resolves_to_the_role_introduced_name():
    body = (
        "Governor Wade Kessler spoke first.\n\n"
        '"We will not hand a single public dollar to these companies," Kessler said on January 14.'
    )
    (c,) = quotes(body, "en", dt.date(2026, 4, 14))
    assert (c.speaker, c.stated_on) == ("Wade Kessler", dt.date(2026, 1, 14))


def test_an_institution_after_laut_or_said_is_no_person():
    body = (
        "Laut Statistischem Bundesamt sind die Strompreise gestiegen. Er sagte: „Das trifft vor allem die "
        "kleinen Betriebe im Osten.“"
    )
    assert said(body) == []


def test_the_name_after_a_role_is_the_speaker_not_the_role():
    body = "„Wir sehen in Europa einen Nachholbedarf für viele Jahre“, sagte Fonds-Vorständin Sigrid Aune am Montag."
    assert [s for s, _ in said(body)] == ["Sigrid Aune"]
    body = "„Wir sehen in Europa einen Nachholbedarf für viele Jahre“, sagte Fondsmanagerin Aune am Montag."
    assert [s for s, _ in said(body)] == ["Aune"]


def test_speaker_named_before_an_apposition_and_the_verb_of_saying():
    body = (
        "Die Förderbank hält sich bedeckt. "
        '"The numbers only work if the power price stays where it is today," Okafor, a former grid planner '
        "at the utility, told Reuters."
    )
    got = said(body, language="en")
    assert got and got[0][0] == "Okafor"


def test_a_date_without_a_year_just_after_a_month_precise_article_date_is_that_year():
    # "date 2026-06" stands for 1 June; "on June 9" in it is 9 June 2026, not 2025
    body = '"We have the capacity we need for this year," chief executive Mara Lind said in an interview on June 9.'
    got = quotes(body, language="en", published_on=dt.date(2026, 6, 1))
    assert got[0].stated_on == dt.date(2026, 6, 9)


def test_a_date_without_a_year_well_after_the_article_is_last_year():
    body = "„Wir bauen weiter, auch wenn der Markt schwächelt“, sagte Vorstand Tim Reuter am 20. November."
    got = quotes(body, published_on=dt.date(2026, 1, 15))
    assert got[0].stated_on == dt.date(2025, 11, 20)


def test_the_day_comes_from_the_sentence_before_that_reports_the_speaker_speaking():
    body = (
        "Kritik kam gestern von der Betriebsratschefin Ulla Berger. Sie sprach vor den Beschäftigten in Kassel. "
        "»Wer hier spart, verliert die besten Leute«, sagte Berger."
    )
    got = quotes(body, published_on=dt.date(2026, 4, 9))
    assert got[0].speaker == "Ulla Berger"
    assert got[0].stated_on == dt.date(2026, 4, 8)


def test_a_day_in_an_earlier_sentence_about_something_else_is_not_the_quotes_date():
    body = (
        "Die Ministerin Eva Sommer eröffnete am Montag das neue Werk. "
        "„Das ist ein guter Tag für die Region“, sagte Sommer später."
        "\n\nDer Betriebsrat Jan Holt war am Freitag in Berlin. „Wir wollen Tarifverträge“, erklärte ein Sprecher."
    )
    got = {c.speaker: (c.stated_on, c.stated_on_source) for c in quotes(body, published_on=dt.date(2026, 4, 9))}
    # "eröffnete am Montag" reports no speaking: the quote is only known to be reported on the article's day
    assert got.get("Eva Sommer") == (dt.date(2026, 4, 9), "reported")


# ---------------------------------------------------------------- pronouns, roles, dates by role (own words)


def test_sagte_sie_is_the_woman_named_in_the_sentence_before():
    body = (
        "Ministerin Dörte Kallweit stellte am Montag den Plan im Landtag vor. "
        "„Wir bauen das Netz bis 2030 fertig“, sagte sie."
    )
    assert said(body) == [("Dörte Kallweit", "Wir bauen das Netz bis 2030 fertig")]


def test_a_pronoun_skips_a_person_of_the_other_gender():
    body = (
        "Landrätin Imke Sörensen traf sich mit Bürgermeister Tjark Hansen. "
        "„Wir brauchen die Leitung schneller als geplant“, sagte sie."
    )
    assert said(body)[0][0] == "Imke Sörensen"
    body_er = body.replace("sagte sie", "sagte er")
    assert said(body_er)[0][0] == "Tjark Hansen"


def test_so_er_after_a_quote_resolves_to_the_man_named_before():
    body = (
        "Vorstand Jannik Obermaier verteidigte die Pläne. "
        "„Das Werk kommt, nur eben später“, so er."
    )
    assert said(body) == [("Jannik Obermaier", "Das Werk kommt, nur eben später")]


@pytest.mark.parametrize(
    "body, speaker",
    [
        ("„Jeder Abbau trifft die Region hart“, so Gewerkschaftssekretärin Aylin Korkmaz.", "Aylin Korkmaz"),
        ("„Das reicht nicht für den Ausbau“, sagte Generalsekretär Malte Oldenburg.", "Malte Oldenburg"),
        # a role noun the word list does not know, before an unknown first name
        ("„Das reicht nicht für den Ausbau“, sagte Kreistagsfraktionsführerin Yesim Arslan.", "Yesim Arslan"),
    ],
)
def test_a_role_before_the_name_is_not_taken_as_the_first_name(body, speaker):
    assert said(body)[0][0] == speaker


def test_a_quote_is_dated_by_an_earlier_sentence_that_names_the_speaker_by_role():
    body = (
        "Umweltminister Kjell Brandes hat einen Wasserplan vorgelegt. Die Betreiber verbrauchten zu viel, "
        "sagte der Minister am Dienstag im Landtag. Dann machte er eine Zusage.\n\n"
        "„Bis 2030 kommt das Kühlwasser aus Kläranlagen“, sagte Brandes."
    )
    (q,) = quotes(body, published_on=dt.date(2026, 8, 20))  # a Thursday
    assert q.speaker == "Kjell Brandes"
    assert q.stated_on == dt.date(2026, 8, 18)


def test_an_explicit_date_before_the_quote_counts_without_an_article_date():
    body = (
        "Staatssekretärin Merle Gundlach sprach am 4. März 2026 im Bundesrat über das Programm. "
        "„Wir wollen bei der Rechenleistung an die Spitze“, sagte sie."
    )
    (q,) = quotes(body, published_on=None)
    assert (q.speaker, q.stated_on) == ("Merle Gundlach", dt.date(2026, 3, 4))


def test_a_name_followed_by_a_capitalised_noun_keeps_its_first_name():
    body = "„Die Netze sind voll“, sagte Christiane Vogel Journalisten in Berlin."
    assert said(body)[0][0] == "Christiane Vogel"
