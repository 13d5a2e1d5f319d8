"""A claim records whether the day it was said is stated in the text or only the day it was reported, and
export_claims carries that as `stated_on_source`."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import call_command

from articles import services
from articles.importers.types import ArticleDraft
from articles.models import Claim

pytestmark = pytest.mark.django_db

HARBOUR = ArticleDraft(
    title="Hafenbetreiber plant neue Kaimauer",
    body=(
        "Der Hafenbetreiber Nordkai will die alte Kaimauer ersetzen. „Wir bauen die neue Mauer bis zum Herbst“, "
        "sagte Vorständin Janne Ostrowski am Montag.\n\n"
        "Der Betriebsrat ist skeptisch. „Dafür fehlen uns mindestens 40 Leute“, sagte Betriebsrat Piet Harms."
    ),
    published_on=dt.date(2026, 5, 6),  # a Wednesday
    date_precision="day",
    language="de",
)


def test_claims_from_an_import_say_whether_their_day_was_stated_or_reported(tmp_path):
    result = services.article_import(draft=HARBOUR, source_file="harbour.txt")
    quotes = {c.speaker.name: c for c in Claim.objects.filter(article_id=result.article_id, kind="quote")}
    assert (quotes["Janne Ostrowski"].stated_on, quotes["Janne Ostrowski"].stated_on_source) == (
        dt.date(2026, 5, 4), "stated")
    assert (quotes["Piet Harms"].stated_on, quotes["Piet Harms"].stated_on_source) == (
        dt.date(2026, 5, 6), "reported")

    out = tmp_path / "claims.jsonl"
    call_command("export_claims", "--all", "--output", str(out))
    rows = {r["speaker"]: r for r in map(json.loads, out.read_text().splitlines()) if r["kind"] == "quote"}
    assert rows["Piet Harms"]["stated_on_source"] == "reported"
    assert rows["Janne Ostrowski"]["stated_on_source"] == "stated"
