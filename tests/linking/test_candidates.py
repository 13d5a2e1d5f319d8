"""The candidate query: claims that share a subject term (in either language, any inflection) are judged
against each other even when they share no topic, unit, article or speaker."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.linking.candidates import candidate_ids, suggest_links
from articles.models import Article, Claim, ClaimLink, ClaimTerm, Speaker, Topic

pytestmark = pytest.mark.django_db

_n = iter(range(1, 10_000))


def article(language: str = "de") -> Article:
    i = next(_n)
    return Article.objects.create(
        title=f"Artikel {i}", content_hash=f"hash-{i}", published_on=dt.date(2024, 6, 1 + i % 20),
        date_precision="day", language=language, body=f"Text {i}", source_file="t",
    )


def quote(art: Article, text: str, terms: list[str], *, speaker: str, topic: str) -> Claim:
    return Claim.objects.create(
        article=art, kind="quote", text=text, terms=terms,
        speaker=Speaker.objects.get_or_create(name=speaker, defaults={"key": speaker.split()[-1].lower()})[0],
        topic=Topic.objects.get_or_create(slug=topic.lower(), defaults={"name": topic})[0],
    )


def test_a_shared_subject_term_in_the_other_language_and_inflection_makes_a_candidate():
    water = quote(article(), "Der Arnsee verliert jedes Jahr mehr Wasser", ["arnsee", "wasser"],
                  speaker="Ute Saal", topic="Arnsee")
    stelle = quote(article(), "Keine Stelle in Korrin ist sicher", ["korrin", "stelle"],
                   speaker="Jost Wendler", topic="Korrin")
    other = quote(article(), "Die Brücke in Velden wird im Mai fertig", ["velden", "brucke"],
                  speaker="Olaf Senn", topic="Velden")
    new = quote(article("en"), "The lake is losing water and jobs are at risk", ["water", "jobs"],
                speaker="Rita Fenn", topic="Lakes")
    found = candidate_ids([new.pk])[new.pk]
    assert water.pk in found and stelle.pk in found
    assert other.pk not in found


def test_generic_and_short_terms_make_no_candidate():
    old = quote(article(), "Das Projekt kommt", ["projekt", "see"], speaker="Ute Saal", topic="Arnsee")
    new = quote(article(), "Das Projekt am See kommt nicht", ["projekt", "see"], speaker="Olaf Senn", topic="Velden")
    assert old.pk not in candidate_ids([new.pk]).get(new.pk, set())


def test_one_candidate_query_however_many_claims_a_batch_holds():
    claims = [quote(article(), f"Korrin baut Werk {i}", ["korrin", "werk"], speaker=f"Ada Quell{i}",
                    topic=f"T{i}") for i in range(12)]
    with CaptureQueriesContext(connection) as one:
        candidate_ids([claims[-1].pk])
    with CaptureQueriesContext(connection) as many:
        found = candidate_ids([c.pk for c in claims])
    assert len(one) == len(many)
    assert claims[0].pk in found[claims[5].pk]


def test_a_statement_echoed_under_another_topic_is_suggested_through_its_subject():
    first = quote(article(), "Das neue Werk in Korrin wird im Herbst eröffnet", ["korrin", "werk"],
                  speaker="Ida Marken", topic="Velmar")
    echo = quote(article(), "Das neue Werk in Korrin wird im Herbst eröffnet, ganz sicher", ["korrin"],
                 speaker="Olaf Senn", topic="Korrin")
    suggest_links(claim_ids=[echo.pk])
    link = ClaimLink.objects.get(from_claim=echo, to_claim=first)
    assert link.relation == "supports" and link.rationale.startswith("Olaf Senn echoes Ida Marken")


def test_a_term_most_claims_carry_is_left_to_the_other_branches(monkeypatch):
    from articles.linking import candidates

    for i in range(30):
        quote(article(), f"Korrin baut Halle {i}", ["korrin", f"halle{i}"], speaker=f"Ada Quell{i}", topic=f"T{i}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_claim")
    monkeypatch.setattr(candidates, "SUBJECT_MAX_CLAIMS", 10)
    monkeypatch.setattr(candidates, "_COMMON", (0.0, frozenset()))
    assert "korrin" in candidates.common_terms()
    rare = quote(article(), "Die Halle 3 in Korrin ist zu klein", ["korrin", "halle3"], speaker="Olaf Senn",
                 topic="Hallen")
    found = candidate_ids([rare.pk])[rare.pk]
    texts = set(Claim.objects.filter(pk__in=found).values_list("text", flat=True))
    assert texts == {"Korrin baut Halle 3"}  # through its rare term only, not every claim on Korrin


# --- ClaimTerm: the (term, claim) rows the subject-term branch reads, kept by Claim's triggers ---------------


def term_rows() -> set[tuple[str, int]]:
    return set(ClaimTerm.objects.values_list("term", "claim_id"))


def test_claim_terms_follow_inserts_edits_and_deletes():
    art = article()
    one = quote(art, "Korrin baut ein Werk", ["korrin", "werk", "korrin"], speaker="Ada Quell", topic="Korrin")
    two, three = Claim.objects.bulk_create([
        Claim(article=art, kind="quote", text="Velden auch", terms=["velden", "werk"]),
        Claim(article=art, kind="quote", text="Ohne Begriffe", terms=[]),
    ])
    assert term_rows() == {("korrin", one.pk), ("werk", one.pk), ("velden", two.pk), ("werk", two.pk)}

    one.terms = ["korrin", "halle"]  # an edit of the terms: the rows follow
    one.save()
    Claim.objects.filter(pk=three.pk).update(terms=["arnsee"])  # a queryset update too
    Claim.objects.filter(pk=two.pk).update(text="Velden baut auch")  # the terms unchanged: rows unchanged
    assert term_rows() == {("korrin", one.pk), ("halle", one.pk), ("velden", two.pk), ("werk", two.pk),
                           ("arnsee", three.pk)}

    one.delete()
    assert term_rows() == {("velden", two.pk), ("werk", two.pk), ("arnsee", three.pk)}
    art.delete()  # the article's claims go by cascade, their rows with them
    assert term_rows() == set()


def test_claim_terms_match_the_claims_after_many_writes():
    art = article()
    claims = Claim.objects.bulk_create(
        [Claim(article=art, kind="figure", text=f"Satz {i}", terms=[f"t{i % 7}", f"u{i % 3}"]) for i in range(40)]
    )
    for c in claims[::3]:
        c.terms = [f"v{c.pk % 5}"]
    Claim.objects.bulk_update(claims[::3], ["terms"])
    Claim.objects.filter(pk__in=[c.pk for c in claims[1::4]]).delete()
    expected = {(t, pk) for pk, terms in Claim.objects.values_list("id", "terms") for t in terms}
    assert term_rows() == expected


def test_the_subject_branch_keeps_the_newest_claims_over_all_forms_of_all_terms():
    """Ten a term are read from the index, the newest ten over all of them kept: the GIN index's answer."""
    from articles.linking.candidates import PER_BRANCH

    older = [quote(article(), f"Korrin {i}", ["korrin"], speaker=f"Ada Quell{i}", topic=f"K{i}") for i in range(15)]
    newer = [quote(article(), f"Velden {i}", ["velden"], speaker=f"Ida Marken{i}", topic=f"V{i}") for i in range(6)]
    # interleave: one more on each term, then the claim that looks
    last_k = quote(article(), "Korrin zuletzt", ["korrin"], speaker="Olaf Senn", topic="K99")
    new = quote(article(), "Korrin und Velden", ["korrin", "velden"], speaker="Rita Fenn", topic="Neu")
    found = candidate_ids([new.pk])[new.pk]
    by_id = sorted([c.pk for c in (*older, *newer, last_k)], reverse=True)[:PER_BRANCH]
    assert found == set(by_id)


def figure(art: Article, value: float, *, topic: str) -> Claim:
    return Claim.objects.create(
        article=art, kind="figure", text=f"{value:g} Euro", quantity_value=value, quantity_unit="EUR",
        quantity_bound="eq", topic=Topic.objects.get_or_create(slug=topic.lower(), defaults={"name": topic})[0],
    )


def candidates_under(plan_settings: list[str], claim_ids: list[int]) -> dict[int, set[int]]:
    with connection.cursor() as cursor:
        for setting in plan_settings:
            cursor.execute(setting)
    try:
        return candidate_ids(claim_ids)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("RESET ALL")


def test_claims_with_equal_values_give_the_same_candidates_whatever_plan_postgresql_picks():
    """Many claims with one value (a round "2 billion"): which of them a branch keeps must not depend on the
    order a plan happens to read them in, or an import's helper process suggests other links than the
    importing process would (the plan follows statistics that autovacuum refreshes at any moment)."""
    from articles.linking.candidates import NEAR_VALUES

    olds = [figure(article(), 2e9, topic=f"Topic {i % 7}") for i in range(NEAR_VALUES * 2)]
    new = figure(article(), 2e9, topic="Elsewhere")
    Claim.objects.filter(pk__in=[c.pk for c in olds[::3]]).update(text="umgeschrieben")  # heap order ≠ id order
    by_index = candidates_under(["SET enable_seqscan = off", "SET enable_bitmapscan = off"], [new.pk])
    by_sort = candidates_under(["SET enable_indexscan = off", "SET enable_indexonlyscan = off"], [new.pk])
    assert by_index == by_sort
    assert len(by_index[new.pk]) >= 10
