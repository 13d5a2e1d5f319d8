"""German and English: the language from Accept-Language or the reader's choice, a complete German catalogue,
figures and dates written as each language writes them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

from articles import formatting
from articles.demo import demo_load
from articles.models import Claim

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "de" / "LC_MESSAGES"


def test_german_catalogue_is_complete_and_compiled():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    assert len(po) > 100
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    mo = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in polib.mofile(str(CATALOGUE / "django.mo"))}
    assert mo == {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in po if not e.obsolete}, \
        "run `make messages`"


def claim(value: float, unit: str, bound: str = "eq", high: float | None = None) -> Claim:
    return Claim(quantity_value=value, quantity_unit=unit, quantity_bound=bound, quantity_high=high)


@pytest.mark.parametrize(("language", "expected"), [
    ("de", ["5,1 Bio. US-Dollar", "unter 10 Mrd. US-Dollar", "3,5 Mrd. bis 4 Mrd. Euro", "rund 4,8\u00a0GW",
            "2.000", "24. Nov. 2025"]),
    ("en", ["US$5.1 tn", "under US$10 bn", "€3.5 bn to 4 bn", "about 4.8\u00a0GW", "2,000", "24 Nov 2025"]),
])
def test_figures_and_dates_are_written_per_language(language, expected):
    with translation.override(language):
        shown = [
            formatting.quantity(claim(5.1e12, "USD")),
            formatting.quantity(claim(1e10, "USD", "lt")),
            formatting.quantity(claim(3.5e9, "EUR", "range", 4e9)),
            formatting.quantity(claim(4.8e9, "W", "approx")),
            formatting.quantity(claim(2000, "count")),
            formatting.day(dt.date(2025, 11, 24)),
        ]
    assert shown == expected


@pytest.mark.django_db
def test_the_interface_follows_accept_language(client):
    demo_load()
    german = client.get("/", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"}).text
    assert '<html lang="de">' in german
    assert "Was gesagt wurde – und was dem widerspricht" in german and "Zum Inhalt springen" in german
    assert "Widersprochen von" in german and "Irreführend" in german
    english = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).text
    assert '<html lang="en">' in english and "What was said, and what contradicts it" in english


@pytest.mark.django_db
def test_the_switcher_remembers_the_readers_choice(client):
    demo_load()
    english = client.get("/topics/", headers={"Accept-Language": "en"})
    assert 'href="/language/de/?next=/topics/"' in english.text
    assert "csrftoken" not in english.cookies  # a link, not a form: anonymous pages set no CSRF cookie
    response = client.get("/language/de/", {"next": "/topics/"})
    assert response.status_code == 302 and response["Location"] == "/topics/"
    page = client.get("/topics/", headers={"Accept-Language": "en"}).text  # the choice wins over the browser
    assert '<html lang="de">' in page and "Themen" in page
    assert "Behauptungen" in page  # "3 claims" in German
    assert client.get("/language/de/", {"next": "https://evil.example/"})["Location"] == "/"
    assert client.get("/language/xx/").status_code == 404


@pytest.mark.django_db
def test_german_topic_page_writes_figures_and_dates_in_german(client):
    demo_load()
    page = client.get("/topics/chipwerk-lausitz/", headers={"Accept-Language": "de"}).text
    assert "5 Mrd. Euro" in page and "10. Feb. 2025" in page and "3,5 Mrd. bis 4 Mrd. Euro" in page
