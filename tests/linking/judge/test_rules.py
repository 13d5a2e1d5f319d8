"""Each rule of the judge on its own: what it decides for a pair, and when it passes the pair on."""

from __future__ import annotations

import pytest

from articles.linking.judge import Suggestion, judge
from articles.linking.judge import rules as r
from articles.linking.judge.rules import NO_LINK, Pair

from .helpers import JUNE, MARCH, OCTOBER, claim


def test_a_rule_order_that_asks_the_denial_before_the_same_figure():
    assert r.FIGURE_RULES.index(r.denied_figure) < r.FIGURE_RULES.index(r.same_figure)
    assert r.FIGURE_RULES[0] is r.converted
    assert r.TEXT_RULES[-1] is r.repeated_statement


def test_first_verdict_stops_at_no_link_and_passes_over_none():
    seen = []

    def passes(p):
        seen.append("passes")

    def stops(p):
        seen.append("stops")
        return NO_LINK

    def decides(p):
        seen.append("decides")
        return Suggestion("same", 0.9, "x")

    p = Pair(claim(1, 1), claim(2, 2))
    assert r.first_verdict((passes, decides, stops), p) == Suggestion("same", 0.9, "x")
    assert r.first_verdict((passes, stops, decides), p) is None
    assert seen == ["passes", "decides", "passes", "stops"]


# ---------------------------------------------------------------- two figures


def test_converted_same_sum_in_two_currencies_is_the_same_at_the_ecb_rate():
    de = claim(1, 1, 5e8, "EUR", text="Velmar investiert 500 Millionen Euro in Korrin.")
    en = claim(2, 2, 5.36e8, "USD", text="Velmar is investing $536m in Korrin.", language="en")
    got = r.converted(Pair(en, de))
    assert isinstance(got, Suggestion) and got.relation == "same"
    assert "ECB" in got.reason and "same topic Velmar" in got.reason


def test_converted_leaves_a_different_sum_to_editors_and_passes_one_unit_on():
    de = claim(1, 1, 5e8, "EUR", text="Velmar investiert 500 Millionen Euro in Korrin.")
    en = claim(2, 2, 9e8, "USD", text="Velmar is investing $900m in Korrin.", language="en")
    assert r.converted(Pair(en, de)) is NO_LINK
    assert r.converted(Pair(de, claim(3, 2, 5e8, "EUR"))) is None


def test_no_positive_value_stops_a_zero_figure():
    assert r.no_positive_value(Pair(claim(1, 1, 0.0), claim(2, 2, 5.0))) is NO_LINK
    assert r.no_positive_value(Pair(claim(1, 1, 4.0), claim(2, 2, 5.0))) is None


def test_one_sentence_two_figures_are_set_side_by_side_not_linked():
    text = "Velmar zahlt 5 Millionen Euro, die Stadt 50 Millionen Euro."
    assert r.one_sentence(Pair(claim(1, 1, 5e6, text=text), claim(2, 1, 5e7, text=text))) is NO_LINK
    assert r.one_sentence(Pair(claim(1, 1, 5e6, text=text), claim(2, 2, 5e7, text=text))) is None


def test_denied_figure_a_quote_repeating_a_number_to_deny_it_contradicts():
    fig = claim(1, 1, 2000, "count", text="Velmar streicht in Korrin 2.000 Stellen.")
    quote = claim(2, 2, 2000, "count", kind="quote", speaker="Lene Dorsch", text="Wir streichen keine 2.000 Stellen")
    got = r.denied_figure(Pair(quote, fig))
    assert got == Suggestion("contradicts", 0.7, got.reason)
    assert got.reason.startswith("Lene Dorsch disputes 2,000: “Wir streichen keine 2.000 Stellen”")


def test_denied_figure_passes_a_quote_that_confirms_the_number():
    fig = claim(1, 1, 2000, "count", text="Velmar streicht in Korrin 2.000 Stellen.")
    quote = claim(2, 2, 2000, "count", kind="quote", speaker="Lene Dorsch", text="Wir streichen 2.000 Stellen")
    assert r.denied_figure(Pair(quote, fig)) is None
    assert judge(quote, fig).relation == "same"


def test_same_figure_in_german_and_english():
    de = claim(1, 1, 4.8e8, text="Velmar investiert 480 Millionen Euro in das Werk.")
    en = claim(2, 2, 4.8e8, text="Velmar is investing €480m in the plant.", language="en")
    got = r.same_figure(Pair(en, de))
    assert got.relation == "same" and got.score >= 0.75
    assert got.reason == "same figure: 480 m EUR vs 480 m EUR, same topic Velmar"


def test_same_figure_never_for_a_denial_nor_for_opposite_bounds_and_passes_other_values():
    fig = claim(1, 1, 2000, "count", text="Velmar streicht in Korrin 2.000 Stellen.")
    quote = claim(2, 2, 2000, "count", kind="quote", speaker="Lene Dorsch", text="Wir streichen keine 2.000 Stellen")
    assert r.same_figure(Pair(quote, fig)) is NO_LINK
    over = claim(3, 1, 1e7, bound="gt", text="Mehr als 10 Millionen Euro fließen nach Korrin.")
    under = claim(4, 2, 1.01e7, bound="lt", text="Weniger als 10,1 Millionen Euro fließen nach Korrin.")
    assert r.same_figure(Pair(over, under)) is NO_LINK
    assert r.same_figure(Pair(claim(5, 1, 1e7), claim(6, 2, 2e7))) is None


def test_unrelated_figures_of_different_values_stop_before_they_are_read_again():
    a = claim(1, 1, 2e9, topic="Velmar", terms=("velmar",))
    b = claim(2, 2, 3e9, topic="Arnsee", terms=("arnsee",))
    assert r.unrelated(Pair(a, b)) is NO_LINK
    assert r.unrelated(Pair(a, claim(3, 2, 3e9, topic="Arnsee", terms=("arnsee", "velmar")))) is None
    assert r.unrelated(Pair(a, claim(4, 1, 3e9, topic="Arnsee", terms=()))) is None


def test_different_measures_profit_against_revenue_and_a_per_item_figure():
    revenue = claim(1, 1, 2e9, text="Der Umsatz von Velmar stieg auf 2 Milliarden Euro.")
    profit = claim(2, 2, 4e8, text="Der Gewinn von Velmar lag bei 400 Millionen Euro.")
    assert r.different_measures(Pair(profit, revenue)) is NO_LINK
    each = claim(3, 2, 5e6, text="Velmar will in Korrin jeweils 5 Millionen Euro in drei Werke stecken.")
    total = claim(4, 1, 1.5e7, text="Velmar will in Korrin 15 Millionen Euro in Werke stecken.")
    assert r.different_measures(Pair(each, total)) is NO_LINK
    assert r.different_measures(Pair(total, claim(5, 2, 3e7, text="Velmar will 30 Millionen Euro stecken."))) is None


def test_bounds_exclusive_more_than_against_at_most():
    big = claim(1, 1, 4e10, bound="gt", text="Velmar braucht mehr als 40 Milliarden Euro.")
    small = claim(2, 1, 1e10, bound="le", text="Die Stadt Korrin gibt höchstens 10 Milliarden Euro.")
    got = r.bounds_exclusive(Pair(small, big))
    assert got.relation == "contradicts"
    assert got.reason.endswith(": the bounds leave no common value")
    assert r.bounds_exclusive(Pair(small, claim(3, 1, 5e9, bound="gt", text="Mehr als 5 Milliarden Euro."))) is None


def test_ranges_in_one_article_that_cannot_both_hold():
    study = claim(1, 1, 2.4e6, "m3", "approx", text="Laut einer Studie verbraucht das Werk rund 2,4 Millionen "
                  "Kubikmeter Wasser.")
    firm = claim(2, 1, 1e6, "m3", "lt",
                 text="Der Betreiber sagte, es seien weniger als eine Million Kubikmeter Wasser.")
    got = r.ranges_in_one_article(Pair(firm, study))
    assert got.relation == "contradicts" and got.reason.endswith("the ranges cannot both hold (both on wasser)")


def test_ranges_in_one_article_pass_when_they_overlap_or_one_speaker_says_both():
    study = claim(1, 1, 2.4e6, "m3", "approx", text="Laut einer Studie verbraucht das Werk rund 2,4 Millionen "
                  "Kubikmeter Wasser.")
    firm = claim(2, 1, 2.6e6, "m3", "lt", text="Der Betreiber sagte, es seien weniger als 2,6 Millionen Kubikmeter "
                 "Wasser.")
    assert r.ranges_in_one_article(Pair(firm, study)) is None
    a = claim(3, 1, 1e6, "m3", "lt", kind="quote", speaker="Ute Saal",
              text="weniger als eine Million Kubikmeter Wasser")
    b = claim(4, 1, 2.4e6, "m3", "approx", kind="quote", speaker="Ute Saal",
              text="rund 2,4 Millionen Kubikmeter Wasser")
    assert r.ranges_in_one_article(Pair(a, b)) is None


def test_ranges_across_articles_and_languages():
    study = claim(1, 1, 6e6, "m3", "approx", topic=None, terms=("arnsee",), language="en",
                  text="A study estimates the plant draws about 6 million cubic metres from the Arnsee.")
    firm = claim(2, 2, 2e6, "m3", "le", topic="Korrin", terms=("arnsee", "korrin"),
                 text="Die Betreiber sagen, sie entnehmen dem Arnsee höchstens 2 Millionen Kubikmeter.")
    got = r.ranges_across_articles(Pair(firm, study))
    assert got.relation == "contradicts" and "both about arnsee" in got.reason
    revised = claim(3, 2, 2e6, "m3", "le", topic="Korrin", terms=("arnsee", "korrin"),
                    text="Die Betreiber korrigierten: sie entnehmen dem Arnsee nun höchstens 2 Millionen Kubikmeter.")
    assert r.ranges_across_articles(Pair(revised, study)) is None


def test_announced_against_secured():
    announced = claim(1, 1, 1.6e9, text="Die Regierung hat für Korrin 1,6 Milliarden Euro angekündigt.")
    secured = claim(2, 1, 6e8, "EUR", "approx",
                    text="Im Haushalt gesichert sind für Korrin nur rund 600 Millionen Euro.")
    got = r.announced_vs_secured(Pair(secured, announced))
    assert got.relation == "contradicts"
    assert got.reason == "1.6 bn EUR announced vs about 600 m EUR secured, same topic Velmar, same article: 2.7× apart"
    plain = claim(3, 1, 6e8, "EUR", "approx", text="Für Korrin sind rund 600 Millionen Euro vorgesehen.")
    assert r.announced_vs_secured(Pair(plain, announced)) is None


def test_far_apart_a_promise_against_a_small_hedged_sum():
    promised = claim(1, 1, 5e11, "USD", "le", text="Velmar will bis zu 500 Milliarden Dollar investieren.")
    secured = claim(2, 2, 1e10, "USD", "lt", kind="quote", speaker="Rita Fenn", text="deutlich unter 10 Milliarden")
    got = r.far_apart(Pair(secured, promised))
    assert got.relation == "contradicts" and got.reason.endswith(": 50× apart")
    assert got.reason.startswith("up to 500 bn USD vs under 10 bn USD (Rita Fenn)")


def test_far_apart_stops_unrelated_scales_and_two_plain_figures():
    budget = claim(1, 1, 5e11, "USD", text="Velmar plant 500 Milliarden Dollar.")
    share = claim(2, 2, 1.2e2, "USD", text="Die Aktie kostet 120 Dollar.")
    assert r.far_apart(Pair(share, budget)) is NO_LINK
    plain = claim(3, 2, 2e10, "USD", text="Korrin meldet 20 Milliarden Dollar.")
    assert r.far_apart(Pair(plain, budget)) is NO_LINK
    assert r.far_apart(Pair(claim(4, 2, 3e11, "USD"), budget)) is None


def test_stated_revision_updates_the_figure_it_replaces():
    march = claim(1, 1, 3.5e9, "W", published_on=MARCH, topic=None, terms=("korrin", "netz"), language="en",
                  text="The Korrin grid operator expects peak demand of 3.5 GW.")
    october = claim(2, 2, 4.2e9, "W", published_on=OCTOBER, topic=None, terms=("korrin",), language="en",
                    text="The Korrin grid operator now expects 4.2 GW, up from the 3.5 GW it forecast.")
    got = r.stated_revision(Pair(october, march))
    assert got.relation == "updates"
    assert got.reason == "later figure: 4.2 GW (2024-10-08) after 3.5 GW (2024-03-12), revised, both about korrin"


def test_stated_revision_not_of_a_figure_it_does_not_name():
    other = claim(1, 1, 3.9e9, "W", published_on=MARCH, topic=None, terms=("korrin",), language="en",
                  text="Korrin expects peak demand of 3.9 GW.")
    october = claim(2, 2, 4.2e9, "W", published_on=OCTOBER, topic=None, terms=("korrin",), language="en",
                    text="The Korrin grid operator now expects 4.2 GW, up from the 3.5 GW it forecast.")
    assert r.stated_revision(Pair(october, other)) is NO_LINK
    plain = claim(3, 2, 4.2e9, "W", published_on=OCTOBER, topic=None, terms=("korrin",), language="en",
                  text="Korrin expects 4.2 GW.")
    assert r.stated_revision(Pair(plain, other)) is None


def test_later_figure_of_one_measure_in_one_topic_updates():
    before = claim(1, 1, 1.2e9, published_on=MARCH, text="Velmar erzielte einen Umsatz von 1,2 Milliarden Euro.")
    after = claim(2, 2, 1.5e9, published_on=OCTOBER, text="Velmar erzielte einen Umsatz von 1,5 Milliarden Euro.")
    got = r.later_figure(Pair(before, after))
    assert got.relation == "updates" and "(2024-10-08) after" in got.reason and "revised" not in got.reason


def test_later_figure_an_estimate_against_a_figure_is_no_update():
    before = claim(1, 1, 1.2e9, published_on=MARCH, text="Velmar erzielte einen Umsatz von 1,2 Milliarden Euro.")
    guess = claim(2, 2, 1.5e9, published_on=OCTOBER, text="Analysten schätzen den Umsatz auf 1,5 Milliarden Euro.")
    assert r.later_figure(Pair(guess, before)) is None
    same_day = claim(3, 2, 1.5e9, published_on=MARCH, text="Velmar erzielte einen Umsatz von 1,5 Milliarden Euro.")
    assert r.later_figure(Pair(same_day, before)) is None


# ---------------------------------------------------------------- statements


def test_money_denied_by_someone_else():
    sum_ = claim(1, 1, 2e9, text="Velmar will in Korrin 2 Milliarden Euro investieren.")
    quote = claim(2, 2, kind="quote", speaker="Jost Wendler", text="Die haben das Geld einfach nicht.")
    got = r.money_denied(Pair(quote, sum_))
    assert got == Suggestion(
        "contradicts", 0.7, "Jost Wendler denies the money: “Die haben das Geld einfach nicht.” vs 2 bn EUR, "
        "same topic Velmar",
    )
    own = claim(3, 2, 2e9, kind="quote", speaker="Jost Wendler", text="2 Milliarden Euro")
    assert r.money_denied(Pair(quote, own)) is None


def test_figures_stop_before_the_statement_rules():
    fig = claim(1, 1, 2e9)
    quote = claim(2, 2, kind="quote", speaker="Jost Wendler", text="Wir bauen in Korrin.")
    assert r.figures_stop_here(Pair(quote, fig)) is NO_LINK
    assert r.figures_stop_here(Pair(quote, claim(3, 2, kind="quote", text="Wir bauen."))) is None


def test_speaker_reverses_himself_on_another_day():
    may = claim(1, 1, kind="quote", speaker="Ida Marken", stated_on=MARCH, text="Wir bauen das Werk in Korrin.")
    june = claim(2, 2, kind="quote", speaker="Ida Marken", stated_on=JUNE, text="Wir bauen das Werk nicht in Korrin.")
    got = r.speaker_reverses(Pair(june, may))
    assert got.relation == "contradicts"
    assert got.reason == ("Ida Marken reverses: “Wir bauen das Werk in Korrin.” (2024-03-12) vs “Wir bauen das Werk "
                          "nicht in Korrin.” (2024-06-12)")
    other_subject = claim(3, 2, kind="quote", speaker="Ida Marken", stated_on=JUNE, text="Keine Entlassungen geplant.")
    assert r.speaker_reverses(Pair(other_subject, may)) is None


def test_speakers_at_odds_in_one_article():
    yes = claim(1, 1, kind="quote", speaker="Ida Marken", text="Jeder Betrieb bekommt bis 2028 seinen Anschluss")
    no = claim(2, 1, kind="quote", speaker="Olaf Senn", text="Wir können nicht jedem Betrieb bis 2028 einen Anschluss "
               "versprechen")
    got = r.speakers_at_odds(Pair(no, yes))
    assert got.relation == "contradicts" and "one of them denies it" in got.reason
    elsewhere = claim(3, 2, kind="quote", speaker="Olaf Senn", text=no.text)
    assert r.speakers_at_odds(Pair(elsewhere, yes)) is None


def test_repeated_statement_same_or_echoed_and_nothing_for_little_overlap():
    a = claim(1, 1, kind="quote", speaker="Ida Marken", text="Das Werk in Korrin wird im Herbst eröffnet")
    b = claim(2, 2, kind="quote", speaker="Ida Marken", text="Das Werk in Korrin wird im Herbst eröffnet, sagte sie")
    assert r.repeated_statement(Pair(b, a)).relation == "same"
    c = claim(3, 2, kind="quote", speaker="Olaf Senn", text="Das Werk in Korrin wird im Herbst eröffnet")
    got = r.repeated_statement(Pair(c, a))
    assert got.relation == "supports" and got.reason.startswith("Olaf Senn echoes Ida Marken")
    d = claim(4, 2, kind="quote", speaker="Olaf Senn", text="Die Straße nach Arnsee bleibt bis Mai gesperrt")
    assert r.repeated_statement(Pair(d, a)) is NO_LINK


@pytest.mark.parametrize("rule", [*r.FIGURE_RULES, *r.TEXT_RULES])
def test_every_rule_has_a_docstring_saying_what_it_decides(rule):
    assert rule.__doc__ and len(rule.__doc__.split()) >= 5


def test_counter_count_from_another_source_in_one_article():
    firm = claim(1, 1, 800, "count", "approx", text="Velmar will in Korrin bis Ende 2026 rund 800 Stellen streichen.")
    union = claim(2, 1, 1200, "count", "le",
                  text="Nach Angaben der Gewerkschaft sind sogar bis zu 1.200 Arbeitsplätze bedroht.")
    got = r.counter_count(Pair(union, firm))
    assert got.relation == "contradicts"
    assert got.reason == (
        "about 800 vs up to 1,200, same topic Velmar, same article: another source's count, 1.5× the other"
    )
    assert judge(union, firm).relation == "contradicts"


def test_counter_count_passes_one_source_a_bound_within_reach_and_other_kinds():
    firm = claim(1, 1, 800, "count", "approx", text="Velmar will in Korrin rund 800 Stellen streichen.")
    own = claim(2, 1, 1200, "count", "le", text="Velmar könnte bis zu 1.200 Arbeitsplätze streichen.")
    assert r.counter_count(Pair(own, firm)) is None  # both the article's own: a plan and its worst case
    near = claim(3, 1, 950, "count", "le", text="Nach Angaben der Gewerkschaft sind bis zu 950 Stellen bedroht.")
    assert r.counter_count(Pair(near, firm)) is None
    people = claim(4, 1, 1200, "count", "le", text="Laut Gewerkschaft sind bis zu 1.200 Menschen betroffen.")
    assert r.counter_count(Pair(people, firm)) is None
    other_article = claim(5, 2, 1200, "count", "le",
                          text="Nach Angaben der Gewerkschaft sind sogar bis zu 1.200 Arbeitsplätze bedroht.")
    assert r.counter_count(Pair(other_article, firm)) is None
