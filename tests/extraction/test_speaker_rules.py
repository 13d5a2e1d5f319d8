"""Speakers of quotes on real-news forms (issue 11, part 2), each rule on a short text of our own with invented
names: follow-on quotes, reported speech, nested quote marks, anonymised surnames, pronouns in subject
position, coordinated verbs of saying, addressees, wire-copy quote marks, organisations speaking."""

from __future__ import annotations

import datetime as dt

from articles.extraction import display_name, extract_claims

DAY = dt.date(2026, 6, 5)  # a Friday


def said(body, language="de"):
    return [
        (c.speaker, c.text)
        for c in extract_claims(body, language=language, published_on=DAY)
        if c.kind == "quote"
    ]


def speakers(body, language="de"):
    return [speaker for speaker, _ in said(body, language)]


def test_a_follow_on_quote_keeps_its_speaker_when_the_attribution_names_a_client():
    body = (
        "„Die Vorwürfe gegen unseren Mandanten sind haltlos“, schreibt ein Anwalt der Kanzlei Morlind im Auftrag "
        "von Jonas Wendel. „Er kannte das Schreiben nicht einmal, es wurde nie verschickt.“"
    )
    assert speakers(body) == ["Kanzlei Morlind", "Kanzlei Morlind"]


def test_a_scare_quote_in_the_sentence_before_does_not_hide_its_speaker():
    body = (
        "Stadtrat Henrik Dornbach weist die Vorwürfe zurück. Auf Nachfrage sagt Dornbach, er kenne den "
        "„Sonderfonds“ nicht. „Von diesem Konto habe ich nie etwas gewusst, das ist mir neu.“"
    )
    assert speakers(body) == ["Henrik Dornbach"]


def test_a_quote_in_reported_speech_belongs_to_the_person_reported_just_before():
    body = (
        "Karla Wiesner lässt über ihren Anwalt mitteilen, sie habe von den Spenden nichts gewusst. "
        "Niemand habe sie darüber informiert, „dass das Geld aus dem Ausland kam und nicht gemeldet wurde“."
    )
    assert speakers(body) == ["Karla Wiesner"]


def test_a_quote_inside_a_quote_does_not_cut_it_short():
    body = (
        "„Der Verband nennt das eine „Sonderaktion“ und sieht bei sich keinen Fehler“, "
        "schreibt eine Sprecherin des Landtages."
    )
    ((speaker, text),) = said(body)
    assert speaker == "Landtag"
    assert text.endswith("sieht bei sich keinen Fehler")


def test_a_demonstrative_after_a_quote_is_no_speaker():
    body = (
        "Kassenwart Ralf Geest soll im Vorstand gesagt haben, das Geld reiche nicht und „auch die Rücklagen "
        "sind längst aufgebraucht“. Dies erklärte später ein früheres Vorstandsmitglied."
    )
    assert speakers(body) == ["Ralf Geest"]


def test_an_anonymised_surname_stays_part_of_the_name():
    body = (
        "Rechtsanwalt Bernd T. ist begeistert und schreibt auf seiner Seite: „Freunde, das war ein starker "
        "Auftritt!“"
    )
    assert speakers(body) == ["Bernd T."]
    assert display_name("Bernd T.") == "Bernd T."
    assert display_name("Paul T. Brenner") == "Paul Brenner"


def test_sie_after_a_singular_verb_is_the_woman_named_before():
    body = (
        "Die Redakteurin Mira Olsen arbeitet seit Jahren mit Pavel Tamm zusammen. Der Verdacht lässt sie nicht "
        "los. Am Abend schickt sie Tamm eine Nachricht: »Ich komme morgen früh vorbei, dann reden wir.«"
    )
    assert speakers(body) == ["Mira Olsen"]


def test_a_second_verb_joined_by_und_keeps_the_subject_of_the_first():
    body = (
        "Die Schauspieler Jens Halvorsen und Tobias Brink drehen seit zwanzig Jahren zusammen. "
        "«Er ist der Ordentliche von uns beiden», sagt Halvorsen über Brink und erklärt, dass er selbst eher "
        "chaotisch sei: «Ich finde meine Schlüssel fast nie auf Anhieb.»"
    )
    assert speakers(body) == ["Jens Halvorsen", "Jens Halvorsen"]


def test_the_person_told_something_is_the_listener_not_the_speaker():
    body = (
        "Marta Quell, the founding director of the Henry Lindholm Institute and a professor of trade, told "
        "Tomas Eberle the rules would be "
        "“a heavy burden for small firms and their staff”."
    )
    assert speakers(body, "en") == ["Marta Quell"]


def test_wire_copy_opening_with_one_apostrophe_and_closing_with_two():
    body = "'We cannot plan a whole season like this,'' Bruno Castell said on the phone."
    assert said(body, "en") == [("Bruno Castell", "We cannot plan a whole season like this")]


def test_a_pronoun_after_an_organisations_spokesperson_speaks_for_the_organisation():
    body = (
        "A spokesperson for the Harbour and Coastal Shipping Association said its members had cut costs.\n\n"
        "“We have worked with the unions for years to understand the sector,” he said.\n\n"
        "“Our own figures show steady growth in permanent contracts across the ports.\n\n"
        "“The details of each contract are for each port to decide, not for us.”"
    )
    assert speakers(body, "en") == ["Harbour and Coastal Shipping Association"] * 3


def test_the_short_second_half_of_a_split_quote_is_kept():
    body = "Ranger Lotte Weller has seen it before. “With a little patience,” Weller says, “forests come back.”"
    assert said(body, "en") == [("Lotte Weller", "With a little patience"), ("Lotte Weller", "forests come back.")]


def test_the_company_speaking_is_the_organisation_the_article_named():
    de = (
        "Die Kessler Logistik AG streicht 300 Stellen in Halle. „Der Schritt ist leider unvermeidlich“, teilte "
        "das Unternehmen am Montag mit."
    )
    assert speakers(de) == ["Kessler Logistik AG"]
    en = (
        "Grid operator Harbor Grid cut its forecast for the winter. “We expect weaker demand from industry this "
        "year,” the company said in a statement."
    )
    assert speakers(en, "en") == ["Harbor Grid"]
    compound = "Der Logistikkonzern Vantor baut um. Das Unternehmen erklärte: „Wir bleiben in allen Städten.“"
    assert speakers(compound) == ["Vantor"]


def test_an_organisation_named_after_the_verb_speaks():
    body = "„Ab Dezember fahren wir jede halbe Stunde“, teilte die Nordwest Bahn am Freitag mit."
    assert speakers(body) == ["Nordwest Bahn"]


def test_the_company_with_no_organisation_named_before_is_no_speaker():
    body = "„Wir prüfen alle Standorte noch einmal genau“, teilte das Unternehmen mit."
    assert speakers(body) == []


def test_a_figure_said_by_the_company_carries_its_name():
    body = (
        "Der Versandkonzern Lindqvist Post baut Stellen ab. Statt 1.400 sollen nun nur noch 900 Arbeitsplätze "
        "wegfallen, teilte das Unternehmen am Donnerstag mit."
    )
    got = [
        (c.quantity.value, c.speaker)
        for c in extract_claims(body, language="de", published_on=DAY)
        if c.quantity and c.quantity.value == 900
    ]
    assert got == [(900, "Lindqvist Post")]


def test_a_statement_of_an_organisation_named_after_heisst_es():
    body = "„Die Preise für Strom steigen weiter, das ist klar“, heißt es in einer Mitteilung des Stadtwerks."
    assert speakers(body) == ["Stadtwerk"]
    en = "“Prices will keep rising this winter,” the group said in a statement from the Tarvin Water Board."
    assert speakers(en, "en") == ["Tarvin Water Board"]


def test_an_age_noun_stands_for_the_person_named_before():
    body = (
        "Die Bäckerin Jutta Kramer führt den Laden seit 1998, ihr Mann Olaf Kramer hilft mit. "
        "„Ich höre erst auf, wenn ich nicht mehr kann“, sagt die 61-Jährige."
    )
    assert speakers(body) == ["Jutta Kramer"]


def test_british_single_quote_marks():
    body = (
        "‘We will not sell the plant to anyone, whatever the workers’ union says,’ said Tom Hale, the owner. "
        "‘It stays in the family.’"
    )
    assert said(body, "en") == [
        ("Tom Hale", "We will not sell the plant to anyone, whatever the workers’ union says"),
        ("Tom Hale", "It stays in the family."),
    ]


def test_an_age_between_commas_after_the_name():
    body = "Jan Pohl is the mayor. “It is a disaster for the whole town,” Pohl, 54, told reporters."
    assert speakers(body, "en") == ["Jan Pohl"]
