"""schema.org ClaimReview for a claim with a verdict (what search engines read)."""

from __future__ import annotations

from articles.models import Claim, Verdict

RATING = {
    Verdict.TRUE: 5,
    Verdict.MOSTLY_TRUE: 4,
    Verdict.MISLEADING: 2,
    Verdict.FALSE: 1,
    Verdict.UNPROVEN: 3,
}


def claim_review_jsonld(claim: Claim, url: str) -> dict:
    item = {
        "@type": "Claim",
        "appearance": {"@type": "CreativeWork", "url": claim.article.url or "", "headline": claim.article.title},
    }
    if claim.speaker:
        item["author"] = {"@type": "Person" if claim.speaker.kind == "person" else "Organization",
                          "name": claim.speaker.name}
    if claim.stated_on:
        item["datePublished"] = claim.stated_on.isoformat()
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim.text,
        "itemReviewed": item,
        "datePublished": claim.updated_at.date().isoformat(),
        "author": {"@type": "Organization", "name": "factcheck"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING.get(claim.verdict, 3),
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": claim.get_verdict_display(),
        },
    }
