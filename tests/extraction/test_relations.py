"""The pairwise judge: contradicts, same, updates, with a one-line reason an editor can check."""

import datetime as dt
import time

import pytest

from articles.extraction import extract_claims
from articles.extraction.numbers import find_figures
from articles.extraction.types import Quantity
from articles.linking.judge import ClaimFacts, Suggestion, best_suggestions, fmt_quantity, judge

from .samples import DE_BODY, DE_DATE, DE_TITLE, EN_BODY, EN_DATE, EN_TITLE, TWEETS

JAN = dt.date(2025, 1, 24)


def fact(
    id,
    article,
    value=None,
    unit="USD",
    bound="eq",
    *,
    kind="figure",
    text="",
    speaker=None,
    stated_on=None,
    published_on=JAN,
    topic="Stargate",
    terms=("softbank", "openai", "trump"),
    language="de",
    high=None,
):
    q = Quantity(value, unit, bound, high) if value is not None else None
    return ClaimFacts(
        id=id,
        article_id=article,
        kind=kind,
        text=text or f"Satz {id} mit einer Zahl.",
        speaker=speaker,
        stated_on=stated_on,
        published_on=published_on,
        quantity=q,
        topic=topic,
        terms=list(terms),
        language=language,
    )


def test_promised_sum_against_a_tiny_secured_sum_contradicts():
    promised = fact(1, 10, 5e11, bound="le", text="Stargate will invest up to $500bn.", language="en")
    secured = fact(
        2,
        11,
        1e10,
        bound="lt",
        kind="quote",
        speaker="Elon Musk",
        text="well under $10B secured",
        language="en",
    )
    s = judge(secured, promised)
    assert s.relation == "contradicts"
    assert "up to 500 bn USD" in s.reason and "under 10 bn USD" in s.reason
    assert "Elon Musk" in s.reason and "Stargate" in s.reason and "50×" in s.reason
    assert 0.5 <= s.score <= 1


def test_same_figure_across_languages_is_same():
    en = fact(
        1,
        10,
        2e9,
        "EUR",
        "le",
        text="Brussels will put up to €2bn into chips.",
        language="en",
        topic=None,
        terms=["brussels", "chips", "eu"],
    )
    de = fact(
        2,
        11,
        2e9,
        "EUR",
        "le",
        text="Brüssel gibt bis zu 2 Milliarden Euro für Chips.",
        topic=None,
        terms=["brussel", "chips", "eu"],
    )
    s = judge(de, en)
    assert s.relation == "same"
    assert s.reason.startswith("same figure: up to 2 bn EUR vs up to 2 bn EUR")
    assert "chips" in s.reason


def test_about_ten_billion_is_the_same_as_under_ten_billion():
    a = fact(1, 10, 1e10, bound="lt", kind="quote", speaker="Elon Musk", text="unter 10 Milliarden gesichert")
    b = fact(2, 11, 1e10, bound="approx", text="Die Zusagen liegen eher bei zehn Milliarden.")
    assert judge(b, a).relation == "same"


def test_upper_and_lower_bounds_of_one_value_are_not_the_same():
    a = fact(1, 10, 1e10, bound="lt")
    b = fact(2, 11, 1e10, bound="gt")
    assert judge(b, a) is None


def test_same_value_with_nothing_in_common_is_not_suggested():
    a = fact(1, 10, 5e11, topic="Stargate", terms=["openai", "softbank"])
    b = fact(2, 11, 5e11, topic=None, terms=["bahn", "schiene"])
    assert judge(b, a) is None


def test_a_later_moderately_different_figure_for_the_same_measure_updates():
    old = fact(
        1,
        10,
        1e9,
        "W",
        text="The campus will draw 1 gigawatt.",
        published_on=dt.date(2025, 1, 10),
        language="en",
    )
    new = fact(
        2, 11, 1.5e9, "W", text="Der Campus braucht nun 1,5 Gigawatt.", published_on=dt.date(2025, 6, 2)
    )
    s = judge(new, old)
    assert s.relation == "updates"
    assert s.reason.startswith("later figure: 1.5 GW (2025-06-02) after 1 GW (2025-01-10)")


def test_moderately_different_figures_in_one_article_are_left_alone():
    a = fact(1, 10, 1e9, "W")
    b = fact(2, 10, 1.5e9, "W")
    assert judge(b, a) is None


def test_yearly_sum_against_a_one_off_sum_is_no_contradiction():
    yearly = fact(1, 10, 8e11, text="Die 800 Milliarden Dollar will die EU jährlich aufbringen.")
    once = fact(2, 10, 1e10, bound="approx", text="Die Zusagen liegen eher bei zehn Milliarden Dollar.")
    assert judge(once, yearly) is None


def test_per_item_figure_against_a_total_is_no_contradiction():
    each = fact(1, 10, 1e3, "W", text="Jedes Auto hat jeweils 1 Kilowatt Rechenleistung.")
    total = fact(2, 10, 1e11, "W", text="Zusammen sind das 100 Gigawatt.")
    assert judge(total, each) is None


def test_a_lower_bound_far_below_does_not_contradict():
    donation = fact(1, 10, 2e8, bound="gt", text="Er spendete über 200 Millionen Dollar.")
    plan = fact(2, 10, 5e11, bound="le", text="Geplant sind bis zu 500 Milliarden Dollar.")
    assert judge(plan, donation) is None


def test_two_figures_of_one_sentence_are_not_linked():
    text = "Der Konzern verlor 1,3 Milliarden Euro, der Rivale ist fast 5.000 Milliarden Euro wert."
    a = fact(1, 10, 1.3e9, "EUR", text=text)
    b = fact(2, 10, 5e12, "EUR", "approx", text=text)
    assert judge(b, a) is None


def test_quote_denying_the_money_contradicts_the_promised_sum():
    plan = fact(1, 10, 5e11, text="Trump stellte den 500-Milliarden-Dollar-Plan vor.")
    denial = fact(2, 10, kind="quote", speaker="Elon Musk", text="Die haben das Geld gar nicht.")
    s = judge(denial, plan)
    assert s.relation == "contradicts"
    assert s.reason.startswith("Elon Musk denies the money: “Die haben das Geld gar nicht.” vs 500 bn USD")


def test_speaker_reversing_himself_on_another_day_contradicts():
    claims = [
        c
        for c in extract_claims(TWEETS, language="de", published_on=dt.date(2025, 4, 1))
        if c.kind == "quote"
    ]
    first, later = (
        ClaimFacts(
            id=i,
            article_id=1,
            kind=c.kind,
            text=c.text,
            speaker=c.speaker,
            stated_on=c.stated_on,
            published_on=dt.date(2025, 4, 1),
            quantity=c.quantity,
            topic=c.topic,
            terms=c.terms,
            language="de",
        )
        for i, c in enumerate(claims, 1)
    )
    s = judge(later, first)
    assert s.relation == "contradicts"
    assert s.reason.startswith("Anna Berger reverses: “Es wird keine staatliche Rettung")
    assert "(2025-03-03)" in s.reason and "(2025-03-24)" in s.reason


def test_same_speaker_same_day_is_no_reversal():
    a = fact(
        1,
        10,
        kind="quote",
        speaker="Lena Wolf",
        text="Wir geben kein Geld für neue Chipfabriken aus.",
        stated_on=JAN,
    )
    b = fact(
        2,
        10,
        kind="quote",
        speaker="Lena Wolf",
        text="Die Chipfabriken brauchen keine Hilfe vom Staat.",
        stated_on=JAN,
    )
    assert judge(b, a) is None


def test_same_statement_in_two_articles_is_same():
    a = fact(1, 10, kind="quote", speaker="Lena Wolf", text="Wir bauen das größte Rechenzentrum des Landes.")
    b = fact(2, 11, kind="quote", speaker="Wolf", text="Wir bauen das größte Rechenzentrum des Landes!")
    s = judge(b, a)
    assert s.relation == "same" and "same statement" in s.reason


def test_judge_is_pure_the_database_filters_dismissed_pairs():
    a = fact(1, 10, 5e11, bound="le")
    b = fact(2, 11, 1e10, bound="lt")
    before = (a.terms[:], b.terms[:])
    assert judge(b, a) == judge(b, a)
    assert (a.terms, b.terms) == before


def test_best_suggestions_keeps_a_contradiction_next_to_strong_sames_and_respects_the_limit():
    new = fact(100, 20, 1e10, bound="approx", text="Die Zusagen liegen eher bei zehn Milliarden.")
    cands = [fact(i, 30 + i, 1e10, bound="lt", topic="Stargate") for i in range(1, 6)]
    cands.append(fact(50, 20, 5e11, text="Trump kündigte ein 500-Milliarden-Dollar-Projekt an."))
    got = best_suggestions(new, cands, limit=3)
    assert len(got) == 3
    assert {s.relation for _, s in got} == {"same", "contradicts"}
    assert 50 in [cid for cid, _ in got]
    assert all(isinstance(s, Suggestion) for _, s in got)
    assert [s.score for _, s in got] == sorted((s.score for _, s in got), reverse=True)


def test_best_suggestions_drops_weak_pairs():
    new = fact(100, 20, 1e10, topic=None, terms=["bahn"])
    cands = [fact(1, 21, 3e10, topic=None, terms=["post"]), fact(2, 22, kind="quote", text="Alles gut.")]
    assert best_suggestions(new, cands) == []


def test_english_and_german_articles_link_up():
    def facts(body, lang, day, title, article, first_id):
        out = []
        for i, c in enumerate(extract_claims(body, language=lang, published_on=day, title=title), first_id):
            out.append(
                ClaimFacts(
                    id=i,
                    article_id=article,
                    kind=c.kind,
                    text=c.text,
                    speaker=c.speaker,
                    stated_on=c.stated_on,
                    published_on=day,
                    quantity=c.quantity,
                    topic=c.topic,
                    terms=c.terms,
                    language=lang,
                )
            )
        return out

    en = facts(EN_BODY, "en", EN_DATE, EN_TITLE, 1, 1)
    de = facts(DE_BODY, "de", DE_DATE, DE_TITLE, 2, 100)
    links = {}
    for new in de:
        for old_id, s in best_suggestions(new, en + [c for c in de if c.id < new.id]):
            links[(old_id, new.id)] = s.relation
    en_plan = next(c for c in en if c.quantity and c.quantity.value == 5e11)
    de_plan = next(c for c in de if c.quantity and c.quantity.value == 5e11)
    en_musk = next(c for c in en if c.quantity and c.quantity.value == 1e10)
    de_musk = next(c for c in de if c.quantity and c.quantity.value == 1e10)
    assert links[(en_plan.id, de_plan.id)] == "same"
    assert links[(en_musk.id, de_musk.id)] == "same"
    assert links[(de_plan.id, de_musk.id)] == "contradicts"
    assert len(links) <= 1.5 * len(de)


def test_format_of_quantities():
    assert fmt_quantity(Quantity(5e11, "USD", "le")) == "up to 500 bn USD"
    assert fmt_quantity(Quantity(2e9, "EUR", "range", 3e9)) == "2–3 bn EUR"
    assert fmt_quantity(Quantity(1.5e9, "W")) == "1.5 GW"
    assert fmt_quantity(Quantity(1e5, "count", "gt")) == "over 100,000"
    assert fmt_quantity(Quantity(95, "%", "approx")) == "about 95 %"


def test_judging_a_hundred_candidates_is_fast():
    """Judging costs about what reading the candidates' figures once costs, and stays far under the 20 ms a new
    claim may take. Both are CPU times measured side by side, best of five, so a loaded machine slows both alike:
    the ratio is what is asserted tightly; the absolute bound has a wide margin (about 15 ms on a quiet machine)."""
    new = fact(1000, 1, 1e10, bound="lt", text="Gesichert sind weniger als 10 Milliarden Dollar.")
    cands = [fact(i, i % 7, 10 ** (8 + i % 5), text=f"Satz {i}: {i} Milliarden Dollar.") for i in range(100)]
    best_suggestions(new, cands)  # warm caches
    ratios, timings = [], []
    for round_ in range(5):
        fresh = [
            fact(i + 200 + 100 * round_, i % 7, 10 ** (8 + i % 5), text=f"Neu {round_} {i}: {i} Milliarden Dollar.")
            for i in range(100)
        ]
        texts = [f"Alt {round_} {i}: {i} Milliarden Dollar." for i in range(100)]
        start = time.process_time()
        for text in texts:  # what reading each candidate's figure once costs
            find_figures(text, "de", money_context=True, default_currency="USD")
        read = time.process_time() - start
        start = time.process_time()
        best_suggestions(new, fresh)
        judged = time.process_time() - start
        ratios.append(judged / max(read, 1e-6))
        timings.append(judged)
    # each candidate's figure is read about once (its flags are cached for the batch): a rule that re-read the
    # text for itself would show as 2-3x more
    assert min(ratios) < 3.0, ratios
    assert min(timings) < 0.1, timings


def test_profit_against_revenue_is_a_different_measure():
    revenue = fact(1, 10, 2e10, "EUR", text="Der Umsatz stieg auf 20 Milliarden Euro.")
    profit = fact(2, 10, 1e9, "EUR", "approx", text="Der Gewinn lag bei rund 1 Milliarde Euro.")
    assert judge(profit, revenue) is None


def test_campaign_donation_against_an_investment_plan_is_a_different_measure():
    donation = fact(1, 10, 2e8, text="Er hat den Wahlkampf mit 200 Millionen Dollar unterstützt.")
    plan = fact(
        2, 10, 5e11, "USD", "le", text="Das Projekt sieht Investitionen von bis zu 500 Milliarden Dollar vor."
    )
    assert judge(plan, donation) is None


def test_denial_does_not_contradict_the_same_speakers_own_small_figure():
    own = fact(
        1, 10, 1e10, bound="lt", kind="quote", speaker="Elon Musk", text="unter 10 Milliarden gesichert"
    )
    denial = fact(2, 11, kind="quote", speaker="Elon Musk", text="Die haben das Geld einfach nicht.")
    s = judge(denial, own)
    assert s is None or s.relation != "contradicts"


def test_figures_a_million_times_apart_are_not_one_measure():
    price = fact(1, 10, 423.35, text="The share closed at $423.35.", language="en")
    budget = fact(2, 10, 3e11, bound="approx", text="Rivals will invest roughly $300bn.", language="en")
    assert judge(budget, price) is None


def test_two_plain_figures_far_apart_need_a_hedge_or_a_shared_measure():
    plan = fact(1, 10, 5e11, bound="le", text="Die Partner wollen bis zu 500 Milliarden Dollar investieren.")
    breaks = fact(2, 10, 2e9, text="Die Stadt gewährt 2 Milliarden Dollar an Nachlässen.")
    assert judge(breaks, plan) is None
    secured = fact(3, 10, 1e10, text="Gesichert sind bislang 10 Milliarden Dollar an Investitionen.")
    assert judge(secured, plan).relation == "contradicts"


def test_two_quotes_of_one_article_without_their_own_dates_are_no_reversal():
    a = fact(
        1,
        10,
        kind="quote",
        speaker="Tom Berg",
        text="Wir bekommen kein Geld vom Staat für die Fabrik.",
        stated_on=dt.date(2025, 1, 22),
    )
    b = fact(2, 10, kind="quote", speaker="Tom Berg", text="Die Fabrik kommt trotzdem, mit oder ohne Staat.")
    assert judge(b, a) is None


def test_updates_needs_the_same_measure_not_just_the_same_topic():
    first = fact(
        1,
        10,
        1e11,
        text="Zunächst fließen 100 Milliarden Dollar.",
        published_on=dt.date(2025, 1, 22),
        terms=["stargate"],
    )
    total = fact(
        2,
        11,
        2.5e11,
        bound="le",
        text="Insgesamt sind bis zu 250 Milliarden Dollar möglich.",
        published_on=dt.date(2025, 2, 1),
        terms=["stargate"],
    )
    assert judge(total, first) is None


def test_another_speaker_saying_the_same_supports():
    a = fact(
        1, 10, kind="quote", speaker="Lena Wolf", text="Die Netze sind schon heute an ihrer Grenze angelangt."
    )
    b = fact(2, 11, kind="quote", speaker="Tom Berg", text="Die Netze sind schon heute an ihrer Grenze.")
    s = judge(b, a)
    assert s.relation == "supports"
    assert s.reason.startswith("Tom Berg echoes Lena Wolf: “Die Netze sind")


# ---------------------------------------------------------------- held-out fixes (own words)


def _facts(body, lang, day, title, article, first_id):
    return [
        ClaimFacts(
            id=i,
            article_id=article,
            kind=c.kind,
            text=c.text,
            speaker=c.speaker,
            stated_on=c.stated_on,
            published_on=day,
            quantity=c.quantity,
            topic=c.topic,
            terms=c.terms,
            language=lang,
        )
        for i, c in enumerate(extract_claims(body, language=lang, published_on=day, title=title), first_id)
    ]


def test_promised_jobs_against_a_far_smaller_estimate_in_one_article_contradicts():
    # no project name, no shared names: the counted noun (jobs) says both figures measure the same thing
    body = (
        "Der Chiphersteller will im Norden der Stadt bauen. Entstehen sollen bis zu 3.000 Arbeitsplätze.\n\n"
        "Die Gewerkschaft widerspricht. Am Ende würden weniger als 300 Arbeitsplätze dauerhaft besetzt, "
        "weil die Produktion automatisiert sei."
    )
    promised, estimate = _facts(body, "de", dt.date(2026, 3, 12), "Neue Chipfabrik", 1, 1)
    s = judge(estimate, promised)
    assert s is not None and s.relation == "contradicts"
    assert "up to 3,000" in s.reason and "under 300" in s.reason


def test_jobs_against_a_count_of_other_things_in_one_article_is_no_contradiction():
    body = (
        "Der Betreiber plant bis zu 3.000 Arbeitsplätze am Standort.\n\n"
        "In den Hallen sollen später weniger als 300 Server stehen."
    )
    jobs, servers = _facts(body, "de", dt.date(2026, 3, 12), "Neues Rechenzentrum", 1, 1)
    assert judge(servers, jobs) is None


ALTIVA_DE = (
    "Der Cloud-Anbieter Altiva will in der Lausitz ein Rechenzentrum bauen.\n\n"
    "Die Landesregierung freut sich über die Ansiedlung. Mehr als 1.500 Arbeitsplätze sollen in der Bauphase "
    "und im Betrieb entstehen.\n\nAltiva rechnet mit einer Genehmigung im Sommer."
)
ALTIVA_EN = (
    "Cloud provider Altiva will build an AI data centre in eastern Germany, the company said.\n\n"
    "The state government welcomed the news. The campus is expected to create more than 1,500 jobs "
    "during construction and operation.\n\nAltiva expects a permit in the summer."
)


def test_same_figure_in_two_languages_links_through_the_company_named_in_both_headlines():
    de = _facts(ALTIVA_DE, "de", dt.date(2026, 3, 5), "Altiva baut Rechenzentrum in der Lausitz", 1, 1)
    en = _facts(ALTIVA_EN, "en", dt.date(2026, 3, 5), "Altiva picks eastern Germany for AI campus", 2, 10)
    (jobs_de,) = [c for c in de if c.quantity]
    (jobs_en,) = [c for c in en if c.quantity]
    s = judge(jobs_en, jobs_de)
    assert s is not None and s.relation == "same"
    assert "altiva" in s.reason.casefold()


def test_same_figure_about_two_different_companies_is_not_linked():
    other = ALTIVA_EN.replace("Altiva", "Northwind")
    de = _facts(ALTIVA_DE, "de", dt.date(2026, 3, 5), "Altiva baut Rechenzentrum in der Lausitz", 1, 1)
    en = _facts(other, "en", dt.date(2026, 3, 5), "Northwind picks Ohio for AI campus", 2, 10)
    (jobs_de,) = [c for c in de if c.quantity]
    (jobs_en,) = [c for c in en if c.quantity]
    assert judge(jobs_en, jobs_de) is None


def test_spending_plan_against_revenue_brought_in_is_a_different_measure():
    body = (
        "Northwind plans to spend about $48bn on data centres this year.\n\n"
        "An analyst estimated that Northwind's AI services brought in less than $6bn last year."
    )
    spend, revenue = _facts(body, "en", dt.date(2026, 2, 5), "Northwind lifts spending", 1, 1)
    assert judge(revenue, spend) is None


# ---------------------------------------------------------------- rules added after the unseen evaluation


def test_more_than_against_at_most_a_smaller_sum_contradicts_even_when_close():
    plan = fact(1, 20, 3e10, bound="gt", text="Der Plan sieht mehr als 30 Milliarden Euro für neue Werke vor.",
                unit="EUR", topic="Halbleiter", terms=("werke", "plan"))
    cap = fact(2, 20, 8e9, bound="le", unit="EUR", topic="Halbleiter", terms=("fonds", "staaten"),
               text="Mehrere Staaten wollen den Fonds auf höchstens 8 Milliarden Euro begrenzen.")
    s = judge(cap, plan)
    assert s is not None and s.relation == "contradicts"
    assert "over 30 bn EUR" in s.reason and "up to 8 bn EUR" in s.reason


def test_bounds_that_overlap_do_not_contradict():
    a = fact(1, 20, 3e10, bound="gt", unit="EUR", topic="Halbleiter", text="Mehr als 30 Milliarden Euro fließen.")
    b = fact(2, 20, 5e10, bound="le", unit="EUR", topic="Halbleiter", text="Höchstens 50 Milliarden Euro fließen.")
    assert judge(b, a) is None


@pytest.mark.parametrize(
    "part,language",
    [
        ("Je Standort darf ein Land künftig höchstens 4 Milliarden Euro zuschießen.", "de"),
        ("States may add no more than €4bn to any single site under the draft.", "en"),
        ("Allein ein neues Werk in Magdeburg soll 4 Milliarden Euro Förderung erhalten.", "de"),
    ],
)
def test_a_sum_for_one_site_does_not_contradict_the_total(part, language):
    total = fact(1, 20, 4e10, bound="gt", unit="EUR", topic="Halbleiter", language=language,
                 text="Insgesamt sollen mehr als 40 Milliarden Euro in neue Werke fließen.")
    one = fact(2, 20, 4e9, bound="le", unit="EUR", topic="Halbleiter", language=language, text=part)
    assert judge(one, total) is None


def test_a_valuation_is_not_contradicted_by_the_round_that_set_it():
    text = "Quillon raised $2.5bn in a round that valued it at $90bn, the company said."
    round_ = fact(1, 30, 2.5e9, text=text, topic="Quillon", terms=("quillon",), language="en")
    other = fact(2, 31, 9e10, topic="Quillon", terms=("quillon",), language="de",
                 text="Quillon hatte 2,5 Milliarden Dollar eingesammelt und wird mit 90 Milliarden Dollar bewertet.")
    assert judge(other, round_) is None


def test_a_loss_is_another_measure_than_a_valuation():
    loss = fact(1, 30, 4e9, bound="approx", topic="Quillon", terms=("quillon",), language="en",
                text="Quillon expects to lose about $4bn this year.")
    value = fact(2, 31, 9e10, topic="Quillon", terms=("quillon",), language="en",
                 text="Investors valued Quillon at $90bn in March.")
    assert judge(value, loss) is None


def test_the_same_figure_in_german_and_english_is_same_when_the_city_is_named_both_ways():
    de = fact(1, 40, 4e10, bound="gt", unit="EUR", topic="Brüssel", terms=("brussel", "beihilfen"),
              text="In Brüssel ist von mehr als 40 Milliarden Euro die Rede.")
    en = fact(2, 41, 4e10, bound="gt", unit="EUR", topic="Brussels", terms=("brussels", "fabs"), language="en",
              text="Brussels talks of more than €40bn.")
    s = judge(en, de)
    assert s is not None and s.relation == "same"


def test_two_speakers_of_one_article_at_odds_contradict():
    no = fact(1, 50, kind="quote", speaker="Ole Hansen", topic="Netz", terms=("hansen",),
              text="Wir können bis 2030 keinem Werk einen eigenen Netzanschluss zusagen")
    yes = fact(2, 50, kind="quote", speaker="Ines Graf", topic="Netz", terms=("graf",),
               text="Jedes Werk bekommt bis 2030 seinen eigenen Netzanschluss")
    s = judge(yes, no)
    assert s is not None and s.relation == "contradicts"
    assert "Ole Hansen" in s.reason and "Ines Graf" in s.reason


def test_two_speakers_saying_unrelated_things_are_not_linked():
    a = fact(1, 50, kind="quote", speaker="Ole Hansen", topic="Netz", terms=("hansen",),
             text="Wir haben keine Eile mit dem Ausbau")
    b = fact(2, 50, kind="quote", speaker="Ines Graf", topic="Netz", terms=("graf",),
             text="Die Region braucht junge Fachkräfte und bezahlbare Wohnungen")
    assert judge(b, a) is None


def test_one_speaker_on_two_subjects_in_two_articles_is_no_reversal():
    may = fact(1, 60, kind="quote", speaker="Mara Lind", topic="Quillon", terms=("lind", "quillon"), language="en",
               stated_on=dt.date(2026, 5, 4), text="Hiring has not slowed in any of our offices this spring")
    june = fact(2, 61, kind="quote", speaker="Mara Lind", topic="Quillon", terms=("lind", "quillon"), language="en",
                stated_on=dt.date(2026, 6, 2), text="This round pays for the data centres we plan for 2027")
    assert judge(june, may) is None


# ---------------------------------------------------------------- ranges, announced vs secured, across topics


def test_hedged_figures_whose_ranges_cannot_both_hold_in_one_article_contradict():
    body = (
        "Die Kliniken im Kreis verbrauchten weniger als 500.000 Kubikmeter Trinkwasser im Jahr, sagte die "
        "Landrätin.\n\nDer Wasserverband widerspricht. Tatsächlich verbrauchten die Kliniken rund 1,3 Millionen "
        "Kubikmeter Wasser im Jahr, teilte der Verband mit."
    )
    low, high = _facts(body, "de", dt.date(2026, 5, 4), "Streit ums Wasser", 1, 1)
    s = judge(high, low)
    assert s is not None and s.relation == "contradicts"
    assert "under 500,000 m3" in s.reason and "about 1.3 m m3" in s.reason
    assert "cannot both hold" in s.reason


def test_about_a_sum_against_at_least_a_far_larger_one_for_the_same_cost_contradicts():
    body = (
        "The operator puts the bill for the new line at about $3bn.\n\n"
        "An analyst at a consultancy estimates the line will cost at least $5bn."
    )
    about, least = _facts(body, "en", dt.date(2026, 5, 4), "Grid line costs", 1, 1)
    s = judge(least, about)
    assert s is not None and s.relation == "contradicts"


def test_about_a_sum_and_a_floor_that_overlap_do_not_contradict():
    body = (
        "The operator puts the bill for the new line at about $4bn.\n\n"
        "An analyst at a consultancy estimates the line will cost at least $4.4bn."
    )
    about, least = _facts(body, "en", dt.date(2026, 5, 4), "Grid line costs", 1, 1)
    assert judge(least, about) is None


def test_a_cost_against_an_equity_stake_is_no_contradiction():
    body = (
        "Fachleute beziffern die Baukosten auf rund 6 Milliarden Euro.\n\n"
        "Der Versorger will sich mit einer Eigenkapitalspritze von bis zu 700 Millionen Euro beteiligen."
    )
    cost, stake = _facts(body, "de", dt.date(2026, 5, 4), "Neues Kraftwerk", 1, 1)
    assert judge(stake, cost) is None


def test_ranges_of_different_years_are_not_at_odds():
    body = (
        "Die Anlage verbraucht heute rund 2 Millionen Kubikmeter Wasser im Jahr.\n\n"
        "Bis 2030 soll der Verbrauch auf mehr als 3 Millionen Kubikmeter Wasser im Jahr steigen."
    )
    now, later = _facts(body, "de", dt.date(2026, 5, 4), "Wasser", 1, 1)
    assert judge(later, now) is None


def test_announced_sum_against_a_much_smaller_secured_sum_contradicts():
    body = (
        "Für das Förderprogramm sind insgesamt 2 Milliarden Euro vorgesehen.\n\n"
        "Im Haushalt gesichert seien bisher nur etwa 700 Millionen Euro, sagte ein Abgeordneter."
    )
    announced, secured = _facts(body, "de", dt.date(2026, 5, 4), "Rechenzentren", 1, 1)
    s = judge(secured, announced)
    assert s is not None and s.relation == "contradicts"
    assert s.reason.startswith("2 bn EUR announced vs about 700 m EUR secured")


def test_a_quote_calling_the_figure_a_mere_headline_contradicts_it():
    body = (
        "Die Regierung will 3 Milliarden Euro in Rechenzentren stecken.\n\n"
        "„Die 3 Milliarden sind ein Versprechen, kein Haushaltsposten“, sagte Oppositionsführerin Jana Ritter."
    )
    fig, quote = _facts(body, "de", dt.date(2026, 5, 4), "Rechenzentren", 1, 1)
    assert quote.kind == "quote" and quote.quantity is not None
    s = judge(quote, fig)
    assert s is not None and s.relation == "contradicts"
    assert "disputes" in s.reason
    # the same quote in another article on another topic that shares no subject with it is not "the same figure"
    moved = ClaimFacts(**{**quote.__dict__, "id": 99, "article_id": 2, "topic": "Haushalt", "terms": ["haushalt"]})
    assert judge(moved, fig) is None
    # ...but one sharing the subject terms disputes it across articles too
    elsewhere = ClaimFacts(**{**quote.__dict__, "id": 98, "article_id": 2, "topic": "Haushalt"})
    assert judge(elsewhere, fig).relation == "contradicts"


def test_a_quote_naming_the_figure_afresh_with_a_no_elsewhere_is_still_the_same():
    body = (
        "Die Regierung will 3 Milliarden Euro in Rechenzentren stecken.\n\n"
        "„Wir geben 3 Milliarden Euro aus und lassen niemanden im Stich, auch nicht die Kommunen“, "
        "sagte Ministerin Jana Ritter."
    )
    fig, quote = _facts(body, "de", dt.date(2026, 5, 4), "Rechenzentren", 1, 1)
    s = judge(quote, fig)
    assert s is not None and s.relation == "same"


def test_same_figure_across_languages_links_through_a_country_named_both_ways():
    de = fact(1, 10, 1.2e9, "EUR", text="Die Schweiz stellt 1,2 Milliarden Euro bereit.", topic="Schweiz",
              terms=("schweiz", "rechenzentren"))
    en = fact(2, 11, 1.2e9, "EUR", text="Switzerland puts €1.2bn into the scheme.", topic="Switzerland",
              terms=("switzerland",), language="en")
    s = judge(en, de)
    assert s is not None and s.relation == "same"
    assert "switzerland" in s.reason.casefold() or "schweiz" in s.reason.casefold()


def test_a_later_count_of_the_same_jobs_updates_across_topic_labels():
    march = _facts(
        "Der Batteriehersteller Nordakku will in Rostock ein Werk bauen. Entstehen sollen 3.000 Stellen.",
        "de", dt.date(2026, 3, 2), "Nordakku baut Werk in Rostock", 1, 1,
    )
    sept = _facts(
        "Der Batteriehersteller Nordakku verkleinert sein Werk in Rostock. Geplant sind nun 2.200 Stellen.",
        "de", dt.date(2026, 9, 14), "Rostock: Werk wird kleiner", 2, 10,
    )
    (old,) = [c for c in march if c.quantity]
    (new,) = [c for c in sept if c.quantity]
    new.topic, old.topic = "Rostock", "Nordakku"  # the articles were filed under different topic labels
    s = judge(new, old)
    assert s is not None and s.relation == "updates"
    assert s.reason.startswith("later figure: 2,200 (2026-09-14) after 3,000 (2026-03-02)")


def test_a_later_figure_of_another_measure_is_no_update():
    old = fact(1, 10, 9e8, "EUR", "le", text="Der Bund schießt bis zu 900 Millionen Euro an Fördermitteln zu.",
               published_on=dt.date(2026, 3, 2), topic="Nordakku", terms=("nordakku", "rostock"))
    new = fact(2, 11, 1.6e9, "EUR", "approx", text="Die Investitionssumme sinkt auf rund 1,6 Milliarden Euro.",
               published_on=dt.date(2026, 9, 14), topic="Nordakku", terms=("nordakku", "rostock"))
    assert judge(new, old) is None


def test_a_third_partys_estimate_a_day_later_is_no_update():
    old = fact(1, 10, 4e9, "USD", "approx", text="The company puts the construction bill at about $4bn.",
               published_on=dt.date(2026, 7, 8), topic="Reactor", terms=("coldwater",), language="en")
    new = fact(2, 11, 7e9, "USD", "ge", text="An analyst estimates the plant will cost at least $7bn.",
               published_on=dt.date(2026, 7, 9), topic="Reactor", terms=("coldwater",), language="en")
    s = judge(new, old)
    assert s is None or s.relation != "updates"


def test_two_rough_counts_of_different_scope_are_not_at_odds():
    body = (
        "Der Konzern beschäftigt in Berlin rund 500 Mitarbeiter, sagte eine Sprecherin.\n\n"
        "Weltweit hat die Gruppe rund 1.200 Mitarbeiter."
    )
    berlin, world = _facts(body, "de", dt.date(2026, 5, 4), "Konzern", 1, 1)
    assert judge(world, berlin) is None


def test_a_limit_stated_by_the_writer_alone_against_another_plain_figure_is_left_alone():
    body = (
        "Die Anlage braucht weniger als 300.000 Kubikmeter Wasser im Jahr.\n\n"
        "Die zweite Anlage braucht rund 900.000 Kubikmeter Wasser im Jahr."
    )
    first, second = _facts(body, "de", dt.date(2026, 5, 4), "Wasser", 1, 1)
    assert judge(second, first) is None
