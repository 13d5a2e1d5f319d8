"""What the judge reads off claims: counted kinds, measures, shared terms, intervals, denials, revisions."""

from __future__ import annotations

from articles.extraction.types import Quantity
from articles.linking.judge import features as f

from .helpers import claim


def test_counted_nouns_of_one_kind_in_both_languages():
    assert f.counted("Stellen") == f.counted("Arbeitsplätze") == f.counted("jobs") == f.counted("posts")
    assert f.counted("Menschen") == f.counted("people") == frozenset({"people"})
    assert f.counted("Laternen") == frozenset({"count:latern"})
    assert f.counted(None) == frozenset()


def test_a_figure_measures_what_its_clause_says():
    text = "Velmar nahm 2 Milliarden Euro ein, was den Konzern mit 30 Milliarden Euro bewertet."
    assert f.measures_at(text, text.index("30"), text.index("30") + 17) == frozenset({"value"})
    assert f.flags_of(claim(1, 1, 2e9, text="Der Umsatz stieg auf 2 Milliarden Euro."))[2] == frozenset({"revenue"})
    rate = f.flags_of(claim(2, 1, 2e6, text="Korrin zahlt jährlich 2 Millionen Euro."))
    assert rate[0] is True


def test_funding_meets_investment_but_revenue_does_not_meet_profit():
    assert f.measures_meet(frozenset({"funding"}), frozenset({"investment"}))
    assert not f.measures_meet(frozenset({"revenue"}), frozenset({"profit"}))


def test_shared_terms_meet_across_languages_and_compounds_and_skip_generic_words():
    de = claim(1, 1, terms=("wien", "arnsee", "projekt"))
    en = claim(2, 2, terms=("vienna", "arnseewerk", "project"), language="en")
    assert f.shared_terms(de, en) == ["wien", "arnsee"]
    assert f.own_terms(["wien", "arnsee"], "Arnsee") == ["wien"]


def test_stems_and_keys():
    assert f.stem("fabriken") == "fabrik" and f.stem("brussels") == "brussel"
    assert f.key("wasser") == f.key("water")


def test_intervals_of_hedged_figures():
    about = Quantity(2.4e6, "m3", "approx")
    below = Quantity(1e6, "m3", "lt")
    assert f.disjoint(about, below)
    assert not f.disjoint(about, Quantity(2.6e6, "m3", "lt"))
    assert not f.bounds_comparable(Quantity(1, "W", "le"), Quantity(2, "W", "ge"))
    assert f.same_years("bis 2030 rund 4", "4,2 im Jahr 2030") and not f.same_years("2030", "2040")
    assert f.years_agree("bis Ende 2027 rund 800", "bis zu 1.200") and not f.years_agree("2027: 800", "2030: 1.200")


def test_a_quote_citing_a_figure_to_deny_it():
    quote = claim(1, 1, 2000, "count", kind="quote", text="Wir streichen keine 2.000 Stellen")
    assert f.denies_cited_figure(quote)
    wrong = claim(2, 1, 1.6e9, kind="quote", text="Die 1,6 Milliarden Euro sind schlicht falsch")
    assert f.denies_cited_figure(wrong)
    fresh = claim(3, 1, 2000, "count", kind="quote", text="Wir streichen 2.000 Stellen")
    assert not f.denies_cited_figure(fresh)
    bound = claim(4, 1, 2000, "count", kind="quote", text="Es sind nicht mehr als 2.000 Stellen")
    assert not f.denies_cited_figure(bound)


def test_a_verb_of_denying_makes_a_quote_deny_the_figure_it_cites():
    verb = claim(5, 1, 2000, "count", kind="quote", text="Die 2.000 Stellen, von denen berichtet wird, bestreiten wir")
    assert f.denies_cited_figure(verb)
    denied = claim(6, 1, 2000, "count", kind="quote", text="Den Abbau von 2.000 Stellen dementiert der Vorstand")
    assert f.denies_cited_figure(denied)
    english = claim(7, 1, 2000, "count", kind="quote", language="en",
                    text="Reports that 2,000 jobs will go are misleading")
    assert f.denies_cited_figure(english)
    we_dispute = claim(8, 1, 2000, "count", kind="quote", language="en", text="We dispute the 2,000 jobs figure")
    assert f.denies_cited_figure(we_dispute)


def test_revisions_estimates_and_attribution():
    assert f.revises(claim(1, 1, text="Velmar korrigiert die Zahl auf 900 Stellen."))
    assert f.revises(claim(2, 1, text="The operator now expects 4.2 GW.", language="en"))
    assert not f.revises(claim(3, 1, text="Velmar streicht 900 Stellen."))
    assert f.estimate(claim(4, 1, text="Analysts estimate $2bn."))
    assert f.attributed(claim(5, 1, text="Laut Velmar sind es 900 Stellen."))
    assert f.attributed(claim(6, 1, kind="quote"))
    assert not f.attributed(claim(7, 1, text="Velmar streicht 900 Stellen."))


def test_word_overlap_and_content_words():
    assert f.word_overlap("Das Werk wird im Herbst eröffnet", "Das Werk wird im Herbst eröffnet, sagte sie") == 1.0
    assert f.word_overlap("Ja", "Ja klar") == 0.0
    words = f.content_words("Wir bauen das Werk nicht in Korrin 2028")
    assert {"bauen", "werk", "2028"} <= words and not words & {"wir", "das", "nicht", "in"}
