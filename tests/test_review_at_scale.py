"""Editors' pages that used to scan at a million claims: the topic list (paged, capped counts, one merge list)
and the claim search (trigram-indexed, counted among its newest matches)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from articles import review_selectors, services
from articles.models import Article, Claim, Topic
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


def claim(text: str, **extra) -> Claim:
    article = Article.objects.get(pk=make_article(title=f"Artikel {text[:20]}", body=text))
    return services.claim_create(article=article, kind="figure", text=text, **extra)


def test_topic_list_pages_by_name_counts_and_merges_by_slug(editor_client, monkeypatch):
    monkeypatch.setattr(review_selectors, "TOPIC_PAGE_SIZE", 2)
    monkeypatch.setattr(review_selectors, "COUNT_CAP", 2)
    for i in range(3):
        claim(f"Der Deich {i} wird 3 Meter höher.", topic="Deichbau")
    claim("Die Fähre fährt 12 Mal am Tag.", topic="Fährverkehr")
    claim("Die Fähre kostet 4 Euro.", topic="Fähre")
    first = editor_client.get(reverse("review:topic_list"))
    assert "Deichbau" in first.text and "Fähre" in first.text and "Fährverkehr" not in first.text[
        first.text.index("<tbody>"):]
    assert "2+" in first.text  # Deichbau's three claims, counted up to the cap
    assert first.text.count('<option value="') == 3  # one list of merge targets for the whole page
    more = editor_client.get(reverse("review:topic_list"), {"after": "Fähre"})
    assert "Fährverkehr" in more.text[more.text.index("<tbody>"):]
    source, target = Topic.objects.get(name="Fähre"), Topic.objects.get(name="Fährverkehr")
    response = editor_client.post(reverse("review:topic_merge", args=[source.pk]), {"into": target.slug})
    assert response.status_code == 302
    assert not Topic.objects.filter(pk=source.pk).exists()
    assert Claim.objects.filter(topic=target).count() == 2


def test_claim_search_ignores_case_and_counts_among_its_newest_matches(editor_client, monkeypatch):
    monkeypatch.setattr(review_selectors, "SEARCH_COUNT_WINDOW", 3)
    for i in range(4):
        claim(f"Das Wasserwerk {i} liefert {i + 2} Millionen Liter.")
    claim("Der Hafen wächst um 5 Hektar.")
    page = editor_client.get(reverse("review:claim_list"), {"status": "", "q": "WASSERWERK"})
    assert len(re.findall(r'<a href="/review/claims/\d+/">Das Wasserwerk', page.text)) == 4
    assert "Der Hafen" not in page.text
    assert '<span class="count">3+</span>' in page.text  # the window of three is full: "at least"
    none = editor_client.get(reverse("review:claim_list"), {"status": "", "q": "Windpark"})
    assert "No claims match." in none.text
