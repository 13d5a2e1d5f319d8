"""Demo data written for factcheck (not taken from any article): the Stargate figures and David Sacks'
two statements, with their contradictions linked, verdicts set and claims published; two more disputes
(a chip plant's subsidy and jobs, data centres' power demand) between invented people and outlets, with
ratings, explanations and sources; and two articles left to extraction so the editors' queues are not empty."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from articles import services
from articles.importers.types import ArticleDraft
from articles.models import Article, Claim, ClaimStatus, Relation, Source

D = dt.date

ARTICLES = [
    {
        "key": "stargate",
        "draft": ArticleDraft(
            title="Stargate: OpenAI, SoftBank and Oracle promise up to $500 billion for AI data centres",
            url="https://demo.factcheck.invalid/2025/stargate-announced",
            published_on=D(2025, 1, 22), date_precision="day", language="en", publisher="factcheck demo desk",
            body=(
                "At the White House on Tuesday, President Donald Trump presented Stargate, a joint company of "
                "OpenAI, SoftBank and Oracle. The partners say they will invest up to $500 billion in AI "
                "infrastructure in the United States over four years. \"We will start with $100 billion right "
                "away,\" OpenAI chief Sam Altman told reporters. The companies expect the first campus in Texas "
                "to need about 1.2 gigawatts of power."
            ),
        ),
    },
    {
        "key": "musk",
        "draft": ArticleDraft(
            title="Musk: the Stargate partners do not have the money",
            url="https://demo.factcheck.invalid/2025/musk-doubts-stargate",
            published_on=D(2025, 1, 23), date_precision="day", language="en", publisher="factcheck demo desk",
            body=(
                "Elon Musk cast doubt on the Stargate plan a day after it was announced. On his platform X he "
                "wrote on Wednesday: \"They don't actually have the money. SoftBank has well under $10 billion "
                "secured.\" Altman answered that Musk was wrong and invited him to visit the Texas site."
            ),
        ),
    },
    {
        "key": "sacks-bailout",
        "draft": ArticleDraft(
            title="Sacks: Washington wird keine KI-Firma retten",
            url="https://demo.factcheck.invalid/2025/sacks-kein-bailout",
            published_on=D(2025, 11, 7), date_precision="day", language="de", publisher="factcheck Demo-Redaktion",
            body=(
                "Der KI-Beauftragte des Weißen Hauses, David Sacks, hat staatliche Hilfen für KI-Unternehmen "
                "ausgeschlossen. Am Donnerstag schrieb er auf X: „Es wird keine Rettung der KI-Branche durch den "
                "Bund geben.“ Wenn ein Anbieter scheitere, würden andere seinen Platz einnehmen."
            ),
        ),
    },
    {
        "key": "sacks-growth",
        "draft": ArticleDraft(
            title="Sacks warnt: KI trägt die halbe US-Konjunktur",
            url="https://demo.factcheck.invalid/2025/sacks-ki-wachstum",
            published_on=D(2025, 11, 25), date_precision="day", language="de", publisher="factcheck Demo-Redaktion",
            body=(
                "Nur gut zwei Wochen später klang David Sacks anders. „Die Investitionen in KI machen inzwischen "
                "die Hälfte des Wachstums der US-Wirtschaft aus“, schrieb er am Montag. Ein Einbruch dort würde "
                "eine Rezession auslösen, warnte er."
            ),
        ),
    },
]

LAUSITZ = "Lausitzer Tagesblatt"
DEPESCHE = "Energie-Depesche"
ARTICLES += [
    {"key": "chip-plan", "draft": ArticleDraft(
        title="Chipwerk Lausitz: Land verspricht fünf Milliarden Euro Förderung",
        url="https://demo.factcheck.invalid/lausitz/chipwerk-plan", published_on=D(2025, 2, 11),
        date_precision="day", language="de", publisher=LAUSITZ,
        body=("Wirtschaftsminister Thomas Berger hat am Montag in Cottbus das Chipwerk Lausitz vorgestellt. "
              "„Bund und Land fördern das Werk mit 5 Milliarden Euro“, sagte Berger. Das Werk solle 2.000 "
              "Arbeitsplätze schaffen, ergänzte er."))},
    {"key": "chip-ceo", "draft": ArticleDraft(
        title="Chipwerk-Chefin: Förderung deutlich kleiner als angekündigt",
        url="https://demo.factcheck.invalid/lausitz/chipwerk-chefin", published_on=D(2025, 4, 3),
        date_precision="day", language="de", publisher=LAUSITZ,
        body=("Helena Voss, Geschäftsführerin des Chipwerks Lausitz, widerspricht dem Minister. „Zugesagt sind "
              "uns weniger als 3 Milliarden Euro“, sagte sie am Mittwoch. Anfangs rechne das Werk mit 1.200 "
              "Beschäftigten."))},
    {"key": "chip-audit", "draft": ArticleDraft(
        title="Rechnungshof prüft Chipwerk-Zusagen",
        url="https://demo.factcheck.invalid/lausitz/rechnungshof", published_on=D(2025, 7, 16),
        date_precision="day", language="de", publisher=LAUSITZ,
        body=("Der Landesrechnungshof hat die Förderbescheide für das Chipwerk Lausitz geprüft. Bewilligt seien "
              "zwischen 3,5 und 4 Milliarden Euro, heißt es im Bericht vom Dienstag. Wirtschaftsminister Thomas "
              "Berger sprach danach nur noch von „mehr als 3 Milliarden Euro“."))},
    {"key": "power-assoc", "draft": ArticleDraft(
        title="Verband: Rechenzentren brauchen bis 2030 knapp fünf Gigawatt",
        url="https://demo.factcheck.invalid/depesche/rechenzentren-verband", published_on=D(2025, 3, 5),
        date_precision="day", language="de", publisher=DEPESCHE,
        body=("Der Bundesverband Rechenzentren erwartet einen moderaten Anstieg. Die Rechenzentren in "
              "Deutschland würden bis 2030 rund 4,8 Gigawatt Leistung brauchen, teilte der Verband am Dienstag "
              "mit."))},
    {"key": "power-grid", "draft": ArticleDraft(
        title="Netzbetreiber rechnet mit mehr als zehn Gigawatt für Rechenzentren",
        url="https://demo.factcheck.invalid/depesche/netzbetreiber", published_on=D(2025, 6, 13),
        date_precision="day", language="de", publisher=DEPESCHE,
        body=("Die Anfragen für neue Rechenzentren übersteigen alle Prognosen, sagt Netzbetreiber Ostnetz. "
              "„Bis 2030 werden Rechenzentren mehr als 10 Gigawatt anschließen wollen“, sagte Vorstand Jonas "
              "Keller am Donnerstag."))},
    {"key": "power-analyst", "draft": ArticleDraft(
        title="Data centres in Germany: the real power figure is in between",
        url="https://demo.factcheck.invalid/desk/data-centre-power", published_on=D(2025, 10, 1),
        date_precision="day", language="en", publisher="factcheck demo desk",
        body=("Energy analyst Clara Brandt looked at the grid requests behind both forecasts. \"Germany's data "
              "centres will need about 6 gigawatts by 2030,\" she said on Tuesday. Many requests are duplicates "
              "filed with several grid operators."))},
]

# Left to extraction: they give a new editor open candidates and suggested links to review.
UNREVIEWED = [
    ArticleDraft(
        title="Minister Berger: Chipwerk bekommt vier Milliarden Euro",
        url="https://demo.factcheck.invalid/lausitz/berger-vier-milliarden", published_on=D(2025, 9, 2),
        date_precision="day", language="de", publisher=LAUSITZ,
        body=("Wirtschaftsminister Thomas Berger hat die Förderung für das Chipwerk Lausitz erneut beziffert. "
              "„Das Werk erhält 4 Milliarden Euro“, sagte Berger am Montag in Potsdam. Die Zahl der "
              "Arbeitsplätze nannte er nicht mehr."),
    ),
    ArticleDraft(
        title="Ostnetz: Rechenzentren wollen zwölf Gigawatt",
        url="https://demo.factcheck.invalid/depesche/ostnetz-zwoelf", published_on=D(2025, 11, 12),
        date_precision="day", language="de", publisher=DEPESCHE,
        body=("Netzbetreiber Ostnetz hat seine Prognose erhöht. „Bis 2030 wollen Rechenzentren 12 Gigawatt "
              "anschließen“, sagte Vorstand Jonas Keller am Dienstag in Berlin."),
    ),
]

CLAIMS = [
    # key, article, kind, text, speaker, stated_on, quantity, topic, verdict
    ("promise", "stargate", "figure", "The partners say they will invest up to $500 billion in AI infrastructure "
     "in the United States over four years.", "Donald Trump", D(2025, 1, 21),
     (5e11, "USD", "le", None), "Stargate funding", "misleading"),
    ("first", "stargate", "quote", "We will start with $100 billion right away,", "Sam Altman", D(2025, 1, 21),
     (1e11, "USD", "eq", None), "Stargate funding", "unproven"),
    ("secured", "musk", "quote", "They don't actually have the money. SoftBank has well under $10 billion secured.",
     "Elon Musk", D(2025, 1, 22), (1e10, "USD", "lt", None), "Stargate funding", "unproven"),
    ("no-bailout", "sacks-bailout", "quote", "Es wird keine Rettung der KI-Branche durch den Bund geben.",
     "David Sacks", D(2025, 11, 6), None, "KI-Bailout", "misleading"),
    ("half-growth", "sacks-growth", "quote", "Die Investitionen in KI machen inzwischen die Hälfte des Wachstums "
     "der US-Wirtschaft aus", "David Sacks", D(2025, 11, 24), (50.0, "%", "eq", None), "KI-Bailout", "mostly-true"),
    ("chip-5", "chip-plan", "quote", "Bund und Land fördern das Werk mit 5 Milliarden Euro", "Thomas Berger",
     D(2025, 2, 10), (5e9, "EUR", "eq", None), "Chipwerk Lausitz", "false"),
    ("chip-jobs-2000", "chip-plan", "figure", "Das Werk solle 2.000 Arbeitsplätze schaffen", "Thomas Berger",
     D(2025, 2, 10), (2000.0, "count", "eq", None), "Chipwerk Lausitz", "unproven"),
    ("chip-lt3", "chip-ceo", "quote", "Zugesagt sind uns weniger als 3 Milliarden Euro", "Helena Voss",
     D(2025, 4, 2), (3e9, "EUR", "lt", None), "Chipwerk Lausitz", "misleading"),
    ("chip-jobs-1200", "chip-ceo", "figure", "Anfangs rechne das Werk mit 1.200 Beschäftigten.", "Helena Voss",
     D(2025, 4, 2), (1200.0, "count", "eq", None), "Chipwerk Lausitz", "true"),
    ("chip-audit", "chip-audit", "figure", "Bewilligt seien zwischen 3,5 und 4 Milliarden Euro",
     "Landesrechnungshof", D(2025, 7, 15), (3.5e9, "EUR", "range", 4e9), "Chipwerk Lausitz", "true"),
    ("chip-gt3", "chip-audit", "quote", "mehr als 3 Milliarden Euro", "Thomas Berger", None,
     (3e9, "EUR", "gt", None), "Chipwerk Lausitz", "true"),
    ("power-48", "power-assoc", "figure", "Die Rechenzentren in Deutschland würden bis 2030 rund 4,8 Gigawatt "
     "Leistung brauchen", "Bundesverband Rechenzentren", D(2025, 3, 4), (4.8e9, "W", "approx", None),
     "Strombedarf der Rechenzentren", "misleading"),
    ("power-10", "power-grid", "quote", "Bis 2030 werden Rechenzentren mehr als 10 Gigawatt anschließen wollen",
     "Jonas Keller", D(2025, 6, 12), (1e10, "W", "gt", None), "Strombedarf der Rechenzentren", "mostly-true"),
    ("power-6", "power-analyst", "quote", "Germany's data centres will need about 6 gigawatts by 2030,",
     "Clara Brandt", D(2025, 9, 30), (6e9, "W", "approx", None), "Strombedarf der Rechenzentren", "unproven"),
]

ORGANISATIONS = ["Landesrechnungshof", "Bundesverband Rechenzentren"]

# What the fact-check says: explanation and sources (our own words; the addresses are not real).
REVIEWS = {
    "promise": "The $500bn is a four-year ceiling the partners named, not money committed; only part of it was "
               "pledged at the launch.",
    "secured": "Neither side published the financing. The figure cannot be checked from public documents.",
    "no-bailout": "Two weeks later the same speaker called AI investment half of US growth and warned of a "
                  "recession if it fell, which makes a hands-off promise hard to keep.",
    "chip-5": "Die Förderbescheide summieren sich auf 3,5 bis 4 Milliarden Euro, nicht auf 5 Milliarden.",
    "chip-lt3": "Zugesagt waren zu diesem Zeitpunkt bereits 3,5 Milliarden Euro; „weniger als 3“ unterschätzt "
                "die Förderung.",
    "chip-audit": "Der Prüfbericht nennt die bewilligten Summen einzeln; sie ergeben 3,5 bis 4 Milliarden Euro.",
    "power-48": "Die Zahl beruht auf einer Prognose von 2023 und lässt die seitdem gestellten Netzanfragen aus.",
}
SOURCES = {
    "chip-5": [("https://demo.factcheck.invalid/sources/rechnungshof-bericht", "Prüfbericht Chipwerk Lausitz",
                "Landesrechnungshof")],
    "chip-lt3": [("https://demo.factcheck.invalid/sources/rechnungshof-bericht", "Prüfbericht Chipwerk Lausitz",
                  "Landesrechnungshof")],
    "chip-audit": [("https://demo.factcheck.invalid/sources/rechnungshof-bericht", "Prüfbericht Chipwerk Lausitz",
                    "Landesrechnungshof")],
    "promise": [("https://demo.factcheck.invalid/sources/stargate-statement", "Launch statement of the partners",
                 "factcheck demo desk")],
    "power-48": [("https://demo.factcheck.invalid/sources/netzanfragen-2025", "Netzanfragen für Rechenzentren 2025",
                  "Ostnetz")],
}

LINKS = [
    ("secured", "promise", Relation.CONTRADICTS,
     "Up to $500bn promised, but by Musk's account well under $10bn of it secured."),
    ("secured", "first", Relation.CONTRADICTS, "$100bn 'right away' against under $10bn secured."),
    ("half-growth", "no-bailout", Relation.CONTRADICTS,
     "Sacks rules out a bailout, then calls AI half of growth and warns of recession if it falls."),
    ("chip-lt3", "chip-5", Relation.CONTRADICTS, "€5bn announced, under €3bn confirmed by the company."),
    ("chip-audit", "chip-5", Relation.CONTRADICTS, "The audit finds €3.5–4bn, not €5bn."),
    ("chip-jobs-1200", "chip-jobs-2000", Relation.CONTRADICTS, "2,000 jobs promised, 1,200 planned at first."),
    ("chip-gt3", "chip-5", Relation.CONTRADICTS, "The minister's own figure falls from €5bn to 'more than €3bn'."),
    ("chip-gt3", "chip-audit", Relation.SUPPORTS, "More than €3bn fits the audited €3.5–4bn."),
    ("power-10", "power-48", Relation.CONTRADICTS, "4.8 GW against more than 10 GW by 2030."),
    ("power-6", "power-10", Relation.UPDATES, "A later estimate between the two forecasts."),
]


def demo_loaded() -> bool:
    return Article.objects.filter(url=ARTICLES[0]["draft"].url).exists()


@transaction.atomic
def demo_load(*, user=None) -> int:
    """Load the demo once; returns the number of claims created (0 when it was already there)."""
    if demo_loaded():
        return 0
    articles: dict[str, Article] = {}
    for spec in ARTICLES:
        outcome = services.article_import(draft=spec["draft"], source_file="demo", imported_by=user, extract=False)
        articles[spec["key"]] = Article.objects.get(pk=outcome.article_id)
    claims: dict[str, Claim] = {}
    for key, article, kind, text, speaker, stated_on, quantity, topic, verdict in CLAIMS:
        claims[key] = services.claim_create(
            article=articles[article], kind=kind, text=text, speaker=speaker, stated_on=stated_on,
            quantity=quantity, topic=topic, status=ClaimStatus.ACCEPTED, verdict=verdict, published=True, user=user,
        )
    for a, b, relation, rationale in LINKS:
        services.claim_link(from_claim_id=claims[a].pk, to_claim_id=claims[b].pk, relation=relation,
                            rationale=rationale, user=user)
    _reviews(claims, user)
    from articles.models import Speaker

    Speaker.objects.filter(name__in=ORGANISATIONS).update(kind="organisation")
    for draft in UNREVIEWED:
        services.article_import(draft=draft, source_file="demo", imported_by=user, extract=True)
    return len(claims)


def _reviews(claims: dict[str, Claim], user) -> None:
    """The fact-check record of the demo's rated claims (the demo loader writes it in its own transaction)."""
    published_at = dt.datetime(2025, 12, 1, 9, 0, tzinfo=dt.UTC)
    for n, (key, claim) in enumerate(claims.items()):
        if not claim.verdict:
            continue
        Claim.objects.filter(pk=claim.pk).update(
            explanation=REVIEWS.get(key, ""), review_published_at=published_at + dt.timedelta(hours=n),
            stated_on_source="stated" if claim.stated_on else "reported",
        )
        for url, title, outlet in SOURCES.get(key, []):
            source, _ = Source.objects.get_or_create(url=url, defaults={"title": title, "outlet": outlet,
                                                                        "accessed_on": D(2025, 12, 1)})
            claim.sources.add(source)
