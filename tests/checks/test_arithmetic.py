"""Each kind of check on our own short articles: what is recomputed, what it says, and when it stays quiet."""

from __future__ import annotations

import datetime as dt

import pytest

from articles.checks.arithmetic import find_checks, restatement
from articles.checks.figures import read_figures
from articles.checks.types import Figure
from tests.checks import articles as a


def checks(sample, said_on=a.SAID):
    language, body = sample
    figures, sentences = read_figures(body, language)
    return find_checks(body, figures, sentences, language=language, said_on=said_on)


def only(sample, said_on=a.SAID):
    found = checks(sample, said_on)
    assert len(found) == 1, [c.expression for c in found]
    return found[0]


def test_a_restated_currency_is_converted_at_the_rate_of_the_day_and_found_14_percent_too_high():
    check = only(a.MARKET_VALUE)
    assert check.kind == "currency"
    assert check.status == "inconsistent"
    assert check.computed == pytest.approx(4.383e12, rel=1e-3)
    assert check.difference_pct == pytest.approx(14.1, abs=0.1)
    assert "5.1 tn USD × 0.8594 EUR/USD (ECB, 2025-10-29) = 4.38 tn EUR" in check.expression
    assert check.values["rate_date"] == "2025-10-29" and check.values["rate_source"] == "ECB"


def test_a_right_currency_restatement_is_consistent():
    check = only(a.MARKET_VALUE_RIGHT)
    assert (check.kind, check.status) == ("currency", "consistent")


def test_a_rounding_word_widens_the_tolerance():
    rounded, exact = only(a.ROUNDED_ABOUT), only(a.EXACT_EIGHTY)
    assert rounded.difference_pct == exact.difference_pct  # the same 8 % or so either way
    assert abs(rounded.difference_pct) > 5
    assert rounded.status == "consistent"  # "about": within 10 %
    assert exact.status == "inconsistent"  # no rounding word: within 2 %


def test_a_parenthesised_restatement_in_english_is_checked():
    check = only(a.SITE_PRICE)
    assert (check.kind, check.status) == ("currency", "consistent")
    assert "USD" in check.expression and "EUR" in check.expression


def test_a_date_before_the_euro_leaves_the_check_unchecked_with_the_reason():
    check = only(a.SITE_PRICE, said_on=dt.date(1997, 3, 3))
    assert check.status == "unchecked"
    assert "before the euro" in check.expression
    assert check.computed is None and check.difference_pct is None


def test_without_a_date_said_a_conversion_is_unchecked():
    check = only(a.SITE_PRICE, said_on=None)
    assert check.status == "unchecked"
    assert "no date said" in check.expression


def test_an_unknown_currency_is_unchecked():
    # extraction knows only ECB currencies; an editor may still set another code on a claim
    euros = Figure(start=0, end=4, value=10e6, unit="EUR", claim_id=1)
    bolivars = Figure(start=6, end=12, value=40e6, unit="VEF", bound="approx", claim_id=2)
    check = restatement(euros, bolivars, text="", language="en", said_on=a.SAID)
    assert check.status == "unchecked"
    assert "VEF is not a currency the ECB reference rates cover" in check.expression
    assert check.claim_id == 2 and check.operand_claim_ids == [1]


def test_a_count_in_words_times_power_each_cannot_reach_the_total():
    check = only(a.PARKED_CARS)
    assert check.kind == "arithmetic"
    assert check.status == "inconsistent"
    assert check.computed == pytest.approx(2e10)  # 20 million × 1 kW
    assert "= 20 GW" in check.expression
    assert "100 GW needs 100 million" in check.expression


def test_a_count_times_power_each_that_adds_up_is_consistent():
    check = only(a.COOLING)
    assert check.status == "consistent"
    assert "20 million × 1 kW = 20 GW" in check.expression


def test_parts_that_exceed_their_total_are_inconsistent():
    check = only(a.CITY_BUDGET)
    assert check.status == "inconsistent"
    assert "120 m EUR + 200 m EUR = 320 m EUR, more than the total 300 m EUR" in check.expression


def test_parts_that_add_up_to_their_sum_are_consistent():
    check = only(a.STATE_BUDGET)
    assert check.status == "consistent"
    assert check.expression.startswith("120 m EUR + 180 m EUR = 300 m EUR")


def test_half_of_a_figure_in_the_sentence_before():
    check = only(a.FUNDING_ROUND)
    assert check.status == "consistent"
    assert "half (0.5) × 554 m USD = 277 m USD" in check.expression


def test_a_percentage_share_restated_as_an_amount_is_recomputed():
    check = only(a.RESEARCH_SHARE)
    assert check.status == "inconsistent"
    assert "30 % × 400 m EUR = 120 m EUR" in check.expression
    assert check.difference_pct == pytest.approx(25.0)


def test_a_unit_restatement_is_converted():
    check = only(a.PARK_AREA)
    assert (check.kind, check.status) == ("units", "consistent")
    assert "“12 Hektar”" in check.expression


def test_figures_with_no_stated_relation_are_not_checked():
    assert checks(a.UNRELATED) == []


def test_the_day_the_sentence_names_picks_the_rate_not_the_article_date():
    body = ("Gestern, am 29. Oktober 2025, war der Konzern 5,1 Billionen US-Dollar wert "
            "(also fast 5.000 Milliarden Euro).")
    figures, sentences = read_figures(body, "de", (), dt.date(2025, 10, 30))
    (check,) = find_checks(body, figures, sentences, language="de", said_on=dt.date(2025, 10, 30))
    assert check.values["rate_date"] == "2025-10-29"
    assert check.difference_pct == pytest.approx(14.1, abs=0.1)


def test_an_alternative_after_a_parenthesis_is_not_a_restatement():
    found = checks(("en", "A salary of at least £25,600 ($32,300) or £20,480 in a sector short of workers is needed."))
    assert [c.stated for c in found] == [32_300]  # the dollars restate the pounds; £20,480 is another offer


@pytest.mark.parametrize("sample", [
    ("en", "The firm employs 106,000 people. Another half a million jobs depend on it."),
    ("de", "Die Firma verdiente 3 Millionen Euro oder 4 Millionen Euro, je nach Rechnung."),
])
def test_alternatives_and_numbers_in_words_are_not_restatements_or_shares(sample):
    assert checks(sample) == []


@pytest.mark.parametrize(("sample", "status", "shows"), [
    (a.PARKED_CARS_EN, "inconsistent", "100 GW needs 100 million"),
    (a.COOLING_EN, "consistent", "20 million × 1 kW = 20 GW"),
    (a.CITY_BUDGET_EN, "inconsistent", "320 m EUR, more than the total 300 m EUR"),
    (a.STATE_BUDGET_EN, "consistent", "120 m EUR + 180 m EUR = 300 m EUR"),
    (a.PARK_AREA_EN, "consistent", "“12 hectares” 120,000 m² = 120,000 m²"),
])
def test_the_same_checks_in_english(sample, status, shows):
    check = only(sample)
    assert check.status == status
    assert shows in check.expression


def test_a_per_item_figure_derived_from_an_earlier_total_is_checked_with_its_bound():
    check = only(a.SUBSIDY_PER_JOB)
    assert check.status == "consistent"  # 10 bn ÷ 3,000 = 3.33 m: "more than 3 m" holds
    assert "10 bn EUR ÷ 3,000 = 3.33 m EUR each; stated more than 3 m EUR" in check.expression


def test_count_times_each_against_a_total_that_does_not_match():
    check = only(a.WIND_GRANTS)
    assert check.status == "inconsistent"
    assert "50 × 2 m EUR = 100 m EUR; 150 m EUR needs 75" in check.expression


def test_a_rate_per_year_is_not_multiplied_by_a_head_count():
    assert checks(a.RENT_PER_YEAR) == []
