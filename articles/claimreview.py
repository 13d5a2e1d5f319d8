"""schema.org ClaimReview for a claim with a rating (what search engines read), with Google's required and
recommended properties: claimReviewed, reviewRating (ratingValue, bestRating, worstRating, alternateName),
reviewBody, author, datePublished, url, and itemReviewed (a Claim with its author, datePublished and
appearance)."""

from __future__ import annotations

from django.conf import settings

from articles.models import Claim, Verdict

RATING = {
    Verdict.TRUE: 5,
    Verdict.MOSTLY_TRUE: 4,
    Verdict.UNPROVEN: 3,
    Verdict.MISLEADING: 2,
    Verdict.FALSE: 1,
}


def publisher_name() -> str:
    return getattr(settings, "FACTCHECK_PUBLISHER_NAME", "factcheck")


def claim_review_jsonld(claim: Claim, url: str, *, site_url: str = "") -> dict:
    article = claim.article
    appearance = {"@type": "CreativeWork", "headline": article.title}
    if article.url:
        appearance["url"] = article.url
    if article.published_on:
        appearance["datePublished"] = article.published_on.isoformat()
    if article.publisher:
        appearance["publisher"] = {"@type": "Organization", "name": article.publisher.name}
    item: dict = {"@type": "Claim", "appearance": appearance}
    if claim.speaker:
        item["author"] = {"@type": "Person" if claim.speaker.kind == "person" else "Organization",
                          "name": claim.speaker.name}
    if claim.said_on:
        item["datePublished"] = claim.said_on.isoformat()
    reviewed = claim.review_published_at or claim.updated_at
    author: dict = {"@type": "Organization", "name": publisher_name()}
    if site_url:
        author["url"] = site_url
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "datePublished": reviewed.date().isoformat(),
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING.get(claim.verdict, 3),
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": str(claim.get_verdict_display()),
        },
    }
    review["reviewBody"] = claim.explanation or str(claim.get_verdict_display())
    if claim.reviewer:
        review["author"]["member"] = {"@type": "Person", "name": claim.reviewer.get_full_name()
                                      or claim.reviewer.get_username()}
    return review
