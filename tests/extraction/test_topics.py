"""Topics and terms: claims about the same thing get the same label, terms tie articles together."""

import datetime as dt

from articles.extraction import extract_claims

from .samples import DE_BODY, DE_DATE, DE_TITLE, EN_BODY, EN_DATE, EN_TITLE, TWEETS


def test_named_project_is_the_topic_in_both_languages():
    en = extract_claims(EN_BODY, language="en", published_on=EN_DATE, title=EN_TITLE)
    de = extract_claims(DE_BODY, language="de", published_on=DE_DATE, title=DE_TITLE)
    assert {c.topic for c in en} == {"Stargate"}
    assert {c.topic for c in de} == {"Stargate"}


def test_quoted_name_in_the_headline_is_the_topic():
    body = (
        "Die Regierung startet die „Genesis Mission“ für Supercomputer. "
        "Die Frist: 90 Tage bis zum Start. Genesis soll alle Labore bündeln."
    )
    claims = extract_claims(
        body, language="de", published_on=dt.date(2025, 12, 1), title="USA starten „Genesis Mission“"
    )
    assert [c.topic for c in claims] == ["Genesis Mission"]


def test_terms_hold_the_names_around_the_claim():
    de = extract_claims(DE_BODY, language="de", published_on=DE_DATE, title=DE_TITLE)
    first = de[0]
    assert first.quantity.value == 5e11
    assert {"stargate", "openai", "softbank", "oracle"} <= set(first.terms)
    musk = next(c for c in de if c.speaker == "Elon Musk")
    assert {"musk", "softbank"} <= set(musk.terms)


def test_persons_appear_in_terms_by_surname_even_in_the_genitive():
    body = "Trumps Plan kostet 500 Milliarden Dollar. Donald Trump wirbt dafür."
    (c,) = extract_claims(body, language="de", published_on=None)
    assert "trump" in c.terms and "trumps" not in c.terms


def test_unnamed_project_still_shares_terms_with_the_named_one():
    body = (
        "Letzte Woche stellte Trump ein 500-Milliarden-Dollar-Projekt für KI-Infrastruktur vor. "
        "Das Geld kommt von SoftBank und OpenAI."
    )
    (c,) = extract_claims(body, language="de", published_on=None)
    assert {"trump", "softbank", "openai", "ki-infrastruktur"} <= set(c.terms)


def test_speaker_reversal_claims_share_the_article_topic():
    qs = [
        c
        for c in extract_claims(
            TWEETS, language="de", published_on=None, title="Die Chip-Rettung „Silicon Shield“"
        )
        if c.kind == "quote"
    ]
    assert [c.topic for c in qs] == ["Silicon Shield", "Silicon Shield"]


def test_quoted_name_before_a_project_compound_is_the_topic():
    body = 'Der Streit um das "Atlas"-Projekt wächst. Geplant sind bis zu 20 Milliarden Euro für neue Netze.'
    claims = extract_claims(body, language="de", published_on=None)
    assert [c.topic for c in claims] == ["Atlas"]


def test_a_single_scare_quoted_word_is_no_topic():
    body = "Kritiker sprechen von einem „Bailout“ für die Branche. Der Staat zahlt 2 Milliarden Euro."
    assert [c.topic for c in extract_claims(body, language="de", published_on=None)] == [None]


def test_a_name_in_the_headline_that_the_body_repeats_is_the_topic_when_no_project_is_named():
    body = (
        "Der Cloud-Anbieter Altiva will in der Lausitz bauen. Das Unternehmen plant Investitionen von bis zu "
        "2 Milliarden Euro, sagte eine Sprecherin von Altiva."
    )
    claims = extract_claims(
        body, language="de", published_on=dt.date(2026, 3, 5), title="Altiva baut Rechenzentrum in der Lausitz"
    )
    assert [c.topic for c in claims] == ["Altiva"]
    assert "altiva" in claims[0].terms


def test_persons_roles_and_sentence_openers_of_the_headline_are_no_topic():
    body = (
        "Warum sollte man daran glauben? Der Minister Olaf Brandt versprach gestern 3 Milliarden Euro "
        "für neue Rechenzentren."
    )
    claims = extract_claims(
        body, language="de", published_on=dt.date(2026, 3, 5), title="Warum Minister Olaf Brandt irrt"
    )
    assert [c.topic for c in claims] == [None]


def test_english_headline_name_that_opens_body_sentences_is_the_topic():
    title = "Robot maker Norvale doubles its order book"
    body = (
        "Norvale said on Tuesday its orders had doubled to $1.2bn in the first quarter. "
        "Norvale expects deliveries to start in the autumn. Analysts were cautious."
    )
    claims = extract_claims(body, language="en", published_on=dt.date(2026, 5, 2), title=title)
    assert claims and {c.topic for c in claims} == {"Norvale"}


def test_german_question_word_opening_sentences_is_no_topic():
    title = "Warum die Stromnetze zu langsam wachsen"
    body = (
        "Warum dauert der Netzausbau so lange? Die Behörden prüfen jede Trasse einzeln. "
        "Warum das so ist, erklärt ein Ingenieur: Es fehlen 4.000 Fachkräfte."
    )
    claims = extract_claims(body, language="de", published_on=dt.date(2026, 5, 2), title=title)
    assert all(c.topic != "Warum" for c in claims)
