"""Plain-text articles: the shapes newsroom text files come in, dates, links and boilerplate."""

import datetime as dt
from pathlib import Path

from articles.importers import ArticleDraft, read_bytes, read_file

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "importers"


def only(items) -> ArticleDraft:
    items = list(items)
    assert len(items) == 1, items
    assert isinstance(items[0], ArticleDraft), items[0]
    return items[0]


def test_date_header_running_into_the_title_line():
    draft = only(read_file(FIX / "text_header_runon.txt"))
    assert draft.published_on == dt.date(2025, 11, 14)
    assert draft.date_precision == "day"
    assert draft.title == "Ein Konsortium plant drei Rechenzentren in der Oberpfalz."
    assert "date 2025" not in draft.body and "2025-11-14" not in draft.body
    # nothing of the first line is lost: the rest of it stays in the body
    assert draft.body.startswith("Ein Konsortium plant drei Rechenzentren")
    assert "Abwärme für 4.000 Haushalte" in draft.body
    assert "„Chance für die ganze Region“" in draft.body
    assert draft.language == "de"
    assert draft.source_index is None


def test_month_header_gives_month_precision():
    draft = only(read_file(FIX / "text_month.txt"))
    assert (draft.published_on, draft.date_precision) == (dt.date(2025, 3, 1), "month")
    assert draft.title == "Europas Antwort auf die Chip-Knappheit"
    assert draft.body.startswith("Die EU-Kommission will")
    assert "date" not in draft.body.split("\n")[0]


def test_year_header_gives_year_precision():
    draft = only(
        read_bytes(b"date 2024\nRechenzentren im Norden\n\nDer Ausbau geht schneller voran als gedacht.", name="y.txt")
    )
    assert (draft.published_on, draft.date_precision) == (dt.date(2024, 1, 1), "year")
    assert draft.title == "Rechenzentren im Norden"


def test_repeated_title_caption_comments_and_subscription_widget_are_removed():
    draft = only(read_file(FIX / "text_repeated_title.txt"))
    assert draft.title == "Speicher statt Kohle: Wie ein Stadtwerk seine Server kühlt"
    assert "Speicher statt Kohle" not in draft.body  # the repeated title line is gone
    assert "Symbolbild" not in draft.body
    for gone in ("3 Kommentare", "Endlich passiert", "Stromrechnung", "Beiträge via Mail", "jetpack", "[", "14"):
        assert gone not in draft.body, gone
    # the article itself stays whole, including a quote with a number and a short sub-heading
    assert "„Wir haben 12 Jahre auf diese Chance gewartet“" in draft.body
    assert "Zwischenüberschrift ohne Punkt" in draft.body
    assert draft.body.rstrip().endswith("Der Gemeinderat stimmt im Dezember über den Bebauungsplan ab.")


def test_rating_widget_vote_counts_and_more_from_teaser_are_removed():
    draft = only(read_file(FIX / "text_rating_tail.txt"))
    for gone in ("Sterne", "Meine Bewertung", "bewertete", "Kommentare", "Mehr von", "\n0"):
        assert gone not in draft.body, gone
    assert "einen festen Anteil von 15 Prozent" in draft.body
    assert "seit dem Frühjahr" in draft.body
    assert draft.cited_urls == ["https://www.example.de/wirtschaft/rechenzentren-gemeinden"]


def test_no_title_line_derives_title_from_first_sentence():
    draft = only(read_file(FIX / "text_no_title.txt"))
    assert draft.title.startswith("Cloud providers spent more on graphics processors")
    assert draft.title.endswith("industry group.")
    assert len(draft.title) <= 200
    assert draft.body.startswith("Cloud providers spent more")  # the first sentence stays in the body
    assert "Utilities are scrambling" in draft.body
    assert draft.language == "en"
    assert draft.published_on is None and draft.date_precision is None


def test_derived_title_is_cut_at_a_word_boundary():
    sentence = "Der Ausbau " + " ".join(["der Rechenzentren im ganzen Land"] * 12) + " geht weiter."
    draft = only(read_bytes(sentence.encode(), name="long.txt"))
    assert 0 < len(draft.title) <= 200
    assert draft.title.endswith("…")
    assert sentence.startswith(draft.title[:-1].rstrip())
    assert not draft.title[:-1].endswith(" Rechenzentre")  # no half words


def test_gestern_dates_the_article_one_day_after():
    draft = only(read_file(FIX / "text_gestern.txt"))
    assert (draft.published_on, draft.date_precision) == (dt.date(2025, 3, 13), "day")


def test_yesterday_in_english_dates_the_article_one_day_after():
    draft = only(read_file(FIX / "text_yesterday.txt"))
    assert draft.published_on == dt.date(2025, 3, 13)


def test_heute_dates_the_article_that_day():
    text = "Neuer Standort\n\nDer Konzern hat heute, am 2. Februar 2026, einen weiteren Standort angekündigt."
    assert only(read_bytes(text.encode(), name="h.txt")).published_on == dt.date(2026, 2, 2)


def test_date_inside_a_cited_link_does_not_date_the_article():
    draft = only(read_file(FIX / "text_cited_url.txt"))
    assert draft.published_on is None
    assert draft.cited_urls == [
        "https://news.example.com/2025/01/22/ai-campus-announcement/index.html",
        "https://research.example.org/reports/ai-capex",
    ]  # deduplicated, order kept, trailing full stop not part of the link


def test_dates_merely_mentioned_in_the_text_are_not_the_publication_date():
    text = (
        "Ein Rückblick\n\nAm 3. Juni 2023 wurde das Projekt angekündigt, im Mai 2024 begann der Bau. "
        "Die Eröffnung ist für den 1. Oktober 2026 geplant."
    )
    draft = only(read_bytes(text.encode(), name="d.txt"))
    assert draft.published_on is None
    assert draft.date_precision is None


def test_question_as_title_line():
    text = "Wer bezahlt die neuen Stromleitungen?\n\nDie Netzbetreiber wollen die Kosten auf alle Kunden umlegen."
    draft = only(read_bytes(text.encode(), name="q.txt"))
    assert draft.title == "Wer bezahlt die neuen Stromleitungen?"
    assert draft.body == "Die Netzbetreiber wollen die Kosten auf alle Kunden umlegen."


def test_english_comment_section_is_cut():
    text = (
        "Grid upgrade approved\n\n"
        "Regulators approved a 1.2 billion dollar grid upgrade for a new data centre cluster near the river. "
        "Construction of the substation starts in spring and is due to finish within two years, officials said.\n\n"
        "Share this:\nTwitter\nFacebook\n\n"
        "3 Comments\n\nJohn says: great news for the county\n12\nLeave a Reply\n"
    )
    draft = only(read_bytes(text.encode(), name="c.txt"))
    assert draft.body.endswith("officials said.")
    for gone in ("Share this", "Twitter", "Comments", "John", "Leave a Reply"):
        assert gone not in draft.body


def test_date_header_on_the_line_after_the_title():
    text = "Neue Leitungen für den Serverpark\ndate 2025-09-30\n\nDer Netzbetreiber hat den Auftrag vergeben."
    draft = only(read_bytes(text.encode(), name="after.txt"))
    assert (draft.title, draft.published_on) == ("Neue Leitungen für den Serverpark", dt.date(2025, 9, 30))
    assert draft.body == "Der Netzbetreiber hat den Auftrag vergeben."


def test_wordpress_share_like_and_thoughts_on_tail_is_removed():
    text = (
        "The thirst of AI campuses\n\n"
        "A large campus can use as much water as a town of 50,000 people, engineers estimate.\n\n"
        '"We expect to halve consumption within three years," a spokesperson for one operator said.\n\n'
        "Read more: How chips are cooled\n\nShare this:\nClick to share on Twitter (Opens in new window)\n"
        "Like this:\nLike Loading...\n\nRelated\n\n"
        "5 thoughts on “The thirst of AI campuses”\n\nMark says:\nGreat piece.\nReply\n"
    )
    draft = only(read_bytes(text.encode(), name="wp.txt"))
    assert draft.body == (
        "A large campus can use as much water as a town of 50,000 people, engineers estimate.\n\n"
        '"We expect to halve consumption within three years," a spokesperson for one operator said.'
    )


def test_article_lines_that_merely_resemble_boilerplate_are_kept():
    lines = [
        "Teilen sich die Konzerne die Kosten, sinkt das Risiko für die Kommunen.",
        "Mehr von diesem Geld soll in die Forschung fließen.",
        "- 4 von 10 Firmen planen eigene Rechenzentren",
        "Quelle: Statistisches Bundesamt",
        "Eine Antwort auf die Krise",
        "Share prices of chipmakers fell by 3 percent.",
        "Die Betreiber nutzen Cookies nicht, sagt der Chef.",
        "Schluss mit kurzen Zeilen",
    ]
    text = "Was Firmen planen\n\n" + "\n".join(lines)
    draft = only(read_bytes(text.encode(), name="keep.txt"))
    assert draft.body.split("\n") == lines


def test_dateline_of_its_own_dates_the_article_and_leaves_the_body():
    text = "Serverpark wächst weiter\nStand: 29.10.2025, 14:30 Uhr\n\nDer Betreiber baut eine dritte Halle."
    draft = only(read_bytes(text.encode(), name="stand.txt"))
    assert (draft.published_on, draft.date_precision) == (dt.date(2025, 10, 29), "day")
    assert draft.body == "Der Betreiber baut eine dritte Halle."
    english = only(read_bytes(b"Cables\n\nPublished on October 3, 2025\n\nThe operator lays new cables.", name="e"))
    assert english.published_on == dt.date(2025, 10, 3)
    assert english.body == "The operator lays new cables."


def test_am_gestrigen_weekday_dates_the_article_one_day_after():
    text = "Zahlen vorgelegt\n\nDer Konzern hat am gestrigen Mittwoch, dem 29. Oktober 2025, Zahlen vorgelegt."
    assert only(read_bytes(text.encode(), name="g.txt")).published_on == dt.date(2025, 10, 30)


def test_share_on_network_lines_in_either_language_are_removed():
    text = (
        "Ein Blog über Chipfabriken\n\n"
        "Der Staat legt zehn Milliarden Euro an Subventionen obendrauf. Ich bleibe skeptisch.\n\n"
        "Teilen auf Facebook\nTeilen via WhatsApp\nShare via Email\n\n"
        "3 Kommentare\n\nHeike aus Radebeul\nEndlich sagt es mal einer.\n27\n3\n"
    )
    draft = only(read_bytes(text.encode(), name="blog.txt"))
    assert draft.body == "Der Staat legt zehn Milliarden Euro an Subventionen obendrauf. Ich bleibe skeptisch."


def test_a_sentence_that_starts_with_teilen_auf_is_kept():
    lines = ["Teilen auf Dauer will sich die Region die Kosten nicht, sagt der Landrat."]
    draft = only(read_bytes(("Kosten der Region\n\n" + lines[0]).encode(), name="keep2.txt"))
    assert draft.body.split("\n") == lines
