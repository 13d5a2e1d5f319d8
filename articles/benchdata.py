"""Synthetic articles for benchmarks, written for factcheck: varied figures, quotes, dates and outlets."""

from __future__ import annotations

import json
import random

SPEAKERS = ["Elena Vogt", "Marcus Hale", "Priya Raman", "Jonas Berger", "Claire Dubois", "Tomasz Nowak"]
PROJECTS = ["Nordlicht", "Atlas Compute", "Helios Grid", "Rheintal Cloud", "Project Juniper", "Baltic AI"]
UNITS_DE = [("Milliarden Euro", 1e9), ("Millionen Dollar", 1e6), ("Megawatt", 1e6), ("Hektar", 1e4)]
BOUNDS_DE = ["bis zu", "rund", "mehr als", "weniger als", "mindestens", ""]


def german_article(i: int, rng: random.Random) -> tuple[str, str]:
    project = PROJECTS[i % len(PROJECTS)]
    speaker = SPEAKERS[i % len(SPEAKERS)]
    amount = rng.randint(2, 900)
    unit, _ = rng.choice(UNITS_DE)
    bound = rng.choice(BOUNDS_DE)
    day = 1 + i % 28
    month = 1 + i % 12
    title = f"{project}: neue Zahlen zum Ausbau ({i})"
    body = (
        f"Das Konsortium hinter {project} will {bound} {amount} {unit} in neue Rechenzentren investieren. "
        f"Am Dienstag erklärte {speaker} vor Journalisten: „Wir haben die Finanzierung für die erste Phase "
        f"gesichert, {rng.randint(10, 95)} Prozent der Mittel sind zugesagt.“ Kritiker bezweifeln das. "
        f"Die Anlage soll {rng.randint(1, 9)},{rng.randint(1, 9)} Gigawatt Leistung erreichen und über "
        f"{rng.randint(2, 40)}.000 Arbeitsplätze schaffen. Ein Sprecher der Landesregierung sagte, man prüfe "
        f"die Pläne sorgfältig. Bis zum Jahresende soll eine Entscheidung fallen; Meldung Nummer {i}."
    )
    return title, f"date 2025-{month:02d}-{day:02d}\n{title}\n{body}\n"


def english_article(i: int, rng: random.Random) -> tuple[str, str]:
    project = PROJECTS[i % len(PROJECTS)]
    speaker = SPEAKERS[(i + 3) % len(SPEAKERS)]
    title = f"{project} backers promise more compute (report {i})"
    body = (
        f"The backers of {project} said on Thursday they would spend up to ${rng.randint(2, 500)}bn on data "
        f"centres. \"We have well under ${rng.randint(1, 20)}bn secured today,\" {speaker} told reporters. "
        f"The first site will draw about {rng.randint(1, 5)}.{rng.randint(1, 9)} gigawatts and employ more than "
        f"{rng.randint(1, 9)},000 people. Report number {i}."
    )
    return title, body


def text_file(i: int, rng: random.Random) -> str:
    return german_article(i, rng)[1] if i % 3 else english_article(i, rng)[1]


def html_file(i: int, rng: random.Random) -> str:
    title, text = english_article(i, rng) if i % 3 == 0 else german_article(i, rng)
    paragraphs = "".join(f"<p>{line}</p>" for line in text.splitlines()[1:] if line)
    return (
        f"<!doctype html><html lang=\"de\"><head><title>{title}</title>"
        f"<meta property=\"og:site_name\" content=\"Beispiel-Zeitung\">"
        f"<meta property=\"article:published_time\" content=\"2025-03-{1 + i % 28:02d}T10:00:00Z\"></head>"
        f"<body><nav><a href=\"/\">Start</a> <a href=\"/wirtschaft\">Wirtschaft</a></nav>"
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        f"<section class=\"comments\"><h2>3 Kommentare</h2><p>Leserin: stimmt doch alles nicht</p></section>"
        f"<footer>Impressum · Datenschutz · Cookie-Einstellungen</footer></body></html>"
    )


def jsonl_line(i: int, rng: random.Random, *, padding: int = 0) -> str:
    title, text = german_article(i, rng) if i % 3 else english_article(i, rng)
    body = "\n".join(text.splitlines()[2:] if text.startswith("date") else [text])
    if padding:
        body += "\n" + " ".join(rng.choice(["Der", "Ausbau", "geht", "weiter", "und", "bleibt", "teuer."])
                                for _ in range(padding))
    return json.dumps({"title": title, "body": body, "url": f"https://bench.example/{i}",
                       "published": f"2025-02-{1 + i % 28:02d}", "publisher": "Bench Wire"}, ensure_ascii=False)
