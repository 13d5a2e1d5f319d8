"""Checks are stored when an article's claims are extracted, kept across re-extraction, and exported."""

from __future__ import annotations

import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from articles import services
from articles.checks import service
from articles.importers.types import ArticleDraft
from articles.models import Article, Check, CheckState, Claim, ClaimStatus
from tests.checks import articles as a

pytestmark = pytest.mark.django_db


def import_sample(sample, title="Ein Artikel", published_on=a.SAID) -> Article:
    language, body = sample
    draft = ArticleDraft(title=title, body=body, published_on=published_on, date_precision="day", language=language)
    outcome = services.article_import(draft=draft, source_file="test")
    return Article.objects.get(pk=outcome.article_id)


def test_importing_an_article_stores_its_check_on_the_stated_figure():
    article = import_sample(a.MARKET_VALUE)
    check = Check.objects.get(claim__article=article)
    assert check.kind == "currency" and check.status == "inconsistent" and check.state == "open"
    assert check.claim.quantity_unit == "EUR"  # the restated figure is the one checked
    assert [c.quantity_unit for c in check.operands.all()] == ["USD"]
    assert check.values["rate_date"] == "2025-10-29"


def test_the_date_said_on_the_claim_picks_the_rate():
    article = import_sample(a.SITE_PRICE, published_on=None)
    check = Check.objects.get(claim__article=article)
    assert check.status == "unchecked" and "no date said" in check.expression


def test_re_extraction_keeps_decisions_and_does_not_duplicate():
    article = import_sample(a.CITY_BUDGET)
    check = Check.objects.get(claim__article=article)
    service.check_decide(check_id=check.pk, state=CheckState.ACCEPTED, user=None, expected_version=1)
    services.claims_extract(article=article)
    services.claims_extract(article=article)
    assert list(Check.objects.filter(claim__article=article).values_list("pk", "state")) == [(check.pk, "accepted")]


def test_a_stale_decision_is_refused_and_changes_nothing():
    article = import_sample(a.PARKED_CARS)
    check = Check.objects.get(claim__article=article)
    service.check_decide(check_id=check.pk, state=CheckState.DISMISSED, user=None, expected_version=1)
    with pytest.raises(service.StaleCheckError):
        service.check_decide(check_id=check.pk, state=CheckState.ACCEPTED, user=None, expected_version=1)
    check.refresh_from_db()
    assert (check.state, check.version) == ("dismissed", 2)


def test_only_an_accepted_check_can_be_published_and_dismissing_unpublishes_it():
    article = import_sample(a.CITY_BUDGET)
    check = Check.objects.get(claim__article=article)
    with pytest.raises(ValidationError):
        service.check_publish(check_id=check.pk, published=True, user=None, expected_version=1)
    check = service.check_decide(check_id=check.pk, state=CheckState.ACCEPTED, user=None, expected_version=1)
    check = service.check_publish(check_id=check.pk, published=True, user=None, expected_version=check.version)
    assert check.published
    check = service.check_decide(check_id=check.pk, state=CheckState.DISMISSED, user=None,
                                 expected_version=check.version)
    assert not check.published


def test_an_article_with_nothing_to_check_gets_no_checks():
    import_sample(a.UNRELATED)
    assert not Check.objects.exists()


def test_export_gives_each_claims_checks(tmp_path):
    article = import_sample(a.MARKET_VALUE)
    out = tmp_path / "claims.jsonl"
    call_command("export_claims", "--all", "--output", str(out))
    rows = {row["id"]: row for row in map(json.loads, out.read_text().splitlines())}
    euro = Claim.objects.get(article=article, quantity_unit="EUR")
    (check,) = rows[euro.pk]["checks"]
    assert check["kind"] == "currency" and check["status"] == "inconsistent" and check["state"] == "open"
    assert check["stated"] == 5e12 and check["computed"] == pytest.approx(4.383e12, rel=1e-3)
    assert check["difference_pct"] == pytest.approx(14.1, abs=0.1)
    assert check["expression"].startswith("5.1 tn USD × 0.8594 EUR/USD (ECB, 2025-10-29) = 4.38 tn EUR")
    assert check["values"]["rate"] == pytest.approx(0.8594, abs=1e-4)
    dollar = Claim.objects.get(article=article, quantity_unit="USD")
    assert rows[dollar.pk]["checks"] == []


def test_readers_export_shows_only_checks_published_with_the_review(tmp_path):
    article = import_sample(a.CITY_BUDGET)
    check = Check.objects.get(claim__article=article)
    Claim.objects.filter(pk=check.claim_id).update(status=ClaimStatus.ACCEPTED, published=True)
    out = tmp_path / "claims.jsonl"
    call_command("export_claims", "--output", str(out))
    assert json.loads(out.read_text().splitlines()[0])["checks"] == []
    check = service.check_decide(check_id=check.pk, state=CheckState.ACCEPTED, user=None, expected_version=1)
    service.check_publish(check_id=check.pk, published=True, user=None, expected_version=check.version)
    call_command("export_claims", "--output", str(out))
    (row,) = json.loads(out.read_text().splitlines()[0])["checks"]
    assert row["state"] == "accepted" and row["published"] is True


def test_a_failing_check_never_costs_the_article_or_its_claims(monkeypatch, caplog):
    def broken(**kwargs):
        raise RuntimeError("a bug in the checks")

    monkeypatch.setattr(service, "checks_run", broken)
    article = import_sample(a.MARKET_VALUE)
    assert article.claims.count() == 2
    assert not Check.objects.exists()
    assert "checks failed for article" in caplog.text
