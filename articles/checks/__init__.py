"""Checks no fact-checking tool makes: factcheck recomputes the figures it stores and shows its work.

Pure modules (no ORM): `currency` (ECB reference rates of the date said), `units` (pint), `arithmetic`
(restatements, products, sums and shares inside one article), `compare` (one figure against another, for the
judge). `service` stores what they find as `Check` rows.
"""
