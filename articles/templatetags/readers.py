"""Filters for the readers' pages: figures and dates in the interface language, addresses of speakers and
outlets, rating names."""

from __future__ import annotations

import datetime as dt

from django import template

from articles import formatting, public_links
from articles.models import Claim, Publisher, Speaker, Verdict

register = template.Library()


@register.filter
def figure(claim: Claim) -> str:
    return formatting.quantity(claim)


@register.filter
def day(value: dt.date | dt.datetime | None) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return formatting.day(value)


@register.filter
def speaker_url(speaker: Speaker) -> str:
    return public_links.speaker_url(speaker)


@register.filter
def outlet_url(publisher: Publisher) -> str:
    return public_links.outlet_url(publisher)


@register.filter
def slug_of(row: Speaker | Publisher) -> str:
    return public_links.slug_of(row)


@register.filter
def rating_name(verdict: str) -> str:
    return formatting.rating_label(verdict)


@register.filter
def relation_heading(relation: str) -> str:
    return formatting.relation_heading(relation)


@register.simple_tag
def ratings_in_order(counts: dict[str, int]) -> list[tuple[str, str, int]]:
    """(verdict, its name, count) from best to worst rating, leaving out ratings with no claims."""
    return [(v.value, formatting.rating_label(v.value), counts[v.value]) for v in Verdict if counts.get(v.value)]
