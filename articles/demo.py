"""Demo data written for factcheck (not taken from any article): the Stargate figures and David Sacks'
two statements, with their contradictions linked, verdicts set and claims published."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from articles import services
from articles.importers.types import ArticleDraft
from articles.models import Article, Claim, ClaimStatus, Relation

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
]

LINKS = [
    ("secured", "promise", Relation.CONTRADICTS,
     "Up to $500bn promised, but by Musk's account well under $10bn of it secured."),
    ("secured", "first", Relation.CONTRADICTS, "$100bn 'right away' against under $10bn secured."),
    ("half-growth", "no-bailout", Relation.CONTRADICTS,
     "Sacks rules out a bailout, then calls AI half of growth and warns of recession if it falls."),
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
    return len(claims)
