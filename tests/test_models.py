"""Integrity the database keeps by itself: the date a claim was said, as the timeline orders by it."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.models import Article, Claim
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


def test_said_on_is_the_stated_day_else_the_articles_date_and_follows_changes():
    article = Article.objects.get(pk=make_article(published_on=dt.date(2025, 3, 1)))
    reported = Claim.objects.create(article=article, kind="figure", text="Mehr als 40 Rechenzentren")
    stated = Claim.objects.create(article=article, kind="quote", text="„Wir bauen.“", stated_on=dt.date(2025, 2, 27))
    reported.refresh_from_db()
    stated.refresh_from_db()
    assert (reported.said_on, stated.said_on) == (dt.date(2025, 3, 1), dt.date(2025, 2, 27))

    Article.objects.filter(pk=article.pk).update(published_on=dt.date(2025, 3, 2))
    Claim.objects.filter(pk=stated.pk).update(stated_on=None)
    reported.refresh_from_db()
    stated.refresh_from_db()
    assert (reported.said_on, stated.said_on) == (dt.date(2025, 3, 2), dt.date(2025, 3, 2))


def test_said_on_is_empty_when_nothing_gives_a_date():
    article = Article.objects.create(title="Ohne Datum", body="Drei Werke.", content_hash="x" * 64)
    claim = Claim.objects.create(article=article, kind="figure", text="Drei Werke")
    claim.refresh_from_db()
    assert claim.said_on is None
