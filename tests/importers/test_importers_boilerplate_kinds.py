"""Boilerplate that sits inside an article's text: comment counters, promos, appeals, author boxes.
Removed by general rules, never at the cost of the article. Our own short texts."""

from articles.importers import ArticleDraft, read_bytes

PARAGRAPHS = [
    "Die Stadt baut bis zum Herbst vier Kilometer neue Radwege durch die Altstadt, teilte die Verwaltung mit.",
    "Die Kosten liegen bei 2,1 Millionen Euro; das Land übernimmt rund die Hälfte davon.",
    "Der Rat hatte die Pläne im Frühjahr mit großer Mehrheit beschlossen, gegen die Stimmen zweier Fraktionen.",
    "Anwohner sollen in einer Versammlung im Rathaus informiert werden, bevor die Bagger anrollen.",
    "Die Händler in der Innenstadt fürchten um Parkplätze und wollen eine eigene Zählung vorlegen.",
    "Im nächsten Jahr soll ein zweiter Abschnitt bis zum Bahnhof folgen, sofern das Geld reicht.",
]


def draft(text: str, name: str = "article.txt") -> ArticleDraft:
    items = list(read_bytes(text.encode(), name=name))
    assert len(items) == 1 and isinstance(items[0], ArticleDraft), items
    return items[0]


def assert_whole_article(body: str) -> None:
    for paragraph in PARAGRAPHS:
        assert paragraph in body, paragraph


def test_a_comment_counter_near_the_top_does_not_cut_the_article():
    text = "Neue Radwege für die Altstadt\n\nVon Anna Berg\n\n" + PARAGRAPHS[0] + "\n\n5 Kommentare\n\n"
    text += "\n\n".join(PARAGRAPHS[1:])
    got = draft(text)
    assert_whole_article(got.body)
    assert "5 Kommentare" not in got.body  # the counter itself is a widget line
    assert got.author == "Anna Berg"


def test_a_share_bar_with_a_comment_count_does_not_cut_the_article():
    page = (
        "<html><body><article><h1>Neue Radwege für die Altstadt</h1><p>" + PARAGRAPHS[0] + "</p>"
        '<div class="share"><ul><li>Teilen</li><li>12 Kommentare</li></ul></div>'
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS[1:])
        + "</article></body></html>"
    )
    got = draft(page, "page.html")
    assert_whole_article(got.body)


def test_the_cut_happens_where_the_comments_really_begin():
    text = "\n\n".join(PARAGRAPHS) + (
        "\n\n3 Kommentare\n\nLena sagt:\n\n12. Mai 2025 um 10:15 Uhr\n\nEndlich tut sich etwas.\n\nAntworten\n\n"
        "Tom sagt:\n\n12. Mai 2025 um 11:02 Uhr\n\nUnd wer zahlt das am Ende?\n\nAntworten"
    )
    got = draft(text)
    assert_whole_article(got.body)
    for gone in ("Kommentare", "Lena", "Endlich tut sich", "wer zahlt", "Antworten"):
        assert gone not in got.body, gone


def test_author_box_is_removed():
    text = "\n\n".join(PARAGRAPHS) + (
        "\n\nÜber die Autorin\n\nAnna Berg schreibt seit 2015 über Verkehr und Stadtplanung. Sie lebt in der Altstadt."
    )
    got = draft(text)
    assert_whole_article(got.body)
    assert "Über die Autorin" not in got.body and "seit 2015" not in got.body


def test_a_closing_one_paragraph_author_bio_is_removed():
    text = "\n\n".join(PARAGRAPHS) + "\n\nJane Roe is a reporter covering transport for the paper."
    got = draft(text)
    assert_whole_article(got.body)
    assert "Jane Roe" not in got.body


def test_donation_appeal_is_removed():
    text = "\n\n".join(PARAGRAPHS) + (
        "\n\nDer Stadtbote ist spendenfinanziert!\n\n"
        "Wir recherchieren unabhängig und ohne Bezahlschranke. Damit das so bleibt, brauchen wir Ihre Hilfe. "
        "Jetzt unterstützen!"
    )
    got = draft(text)
    assert_whole_article(got.body)
    assert "spendenfinanziert" not in got.body and "Jetzt unterstützen" not in got.body


def test_newsletter_channel_and_feedback_promos_are_removed_wherever_they_stand():
    text = "\n\n".join(
        [
            PARAGRAPHS[0],
            "Your feedback is important to us",
            "Tell us what you think. Email us at leserbriefe@stadtbote.example",
            *PARAGRAPHS[1:4],
            "Newsletter: Jeden Freitag das Wichtigste aus der Stadt. Jetzt kostenlos anmelden: https://stadtbote.example/nl",
            *PARAGRAPHS[4:],
            "The Stadtbote is now on Telegram!",
            "Daily updates on weekdays. Subscribe to t.me/stadtbote",
        ]
    )
    got = draft(text)
    assert_whole_article(got.body)
    for gone in ("feedback", "Email us", "Newsletter", "Telegram", "t.me"):
        assert gone not in got.body, gone


def test_sub_headings_that_merely_mention_a_newsletter_stay():
    text = "\n\n".join([PARAGRAPHS[0], "Streit um den Newsletter der Stadt", *PARAGRAPHS[1:]])
    got = draft(text)
    assert "Streit um den Newsletter der Stadt" in got.body
    assert_whole_article(got.body)
