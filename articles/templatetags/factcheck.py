from __future__ import annotations

import json

from django import template
from django.utils.html import _json_script_escapes, format_html
from django.utils.safestring import mark_safe

from articles.models import Claim

register = template.Library()

UNIT_LABELS = {"USD": "$", "EUR": "€", "%": "%", "count": ""}
SCALES = [(1e12, "tn"), (1e9, "bn"), (1e6, "m"), (1e3, "k")]
BOUND_WORDS = {"approx": "about ", "lt": "under ", "le": "up to ", "gt": "over ", "ge": "at least "}


@register.filter
def jsonld(data: dict) -> str:
    """A schema.org block: JSON data is not script, so CSP does not block it; </script> is escaped."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_json_script_escapes)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 (escaped above)


def _number(value: float) -> str:
    for scale, suffix in SCALES:
        if abs(value) >= scale:
            return f"{value / scale:.3g} {suffix}"
    return f"{value:.4g}"


@register.filter
def quantity(claim: Claim) -> str:
    if claim.quantity_value is None:
        return ""
    unit = claim.quantity_unit
    text = _number(claim.quantity_value)
    if claim.quantity_bound == "range" and claim.quantity_high is not None:
        text = f"{text}–{_number(claim.quantity_high)}"
    prefix = BOUND_WORDS.get(claim.quantity_bound, "")
    label = "" if unit == "count" else unit
    return f"{prefix}{text} {label}".strip() + (" (currency inferred)" if claim.unit_inferred else "")


@register.filter(is_safe=True)
def clip(value, length) -> str:
    """`truncatechars` with the same result, quicker for text that already fits: Django's Truncator walks every
    character even when nothing is cut (~30 us a call against ~1 us; 100 calls on a page of the claim queue)."""
    import unicodedata

    from django.utils.text import Truncator

    try:
        length = int(length)
    except ValueError:
        return str(value)
    text = unicodedata.normalize("NFC", str(value))  # as Truncator.chars does
    if 0 < length >= len(text):  # never more characters than code points
        return text
    return Truncator(text).chars(length)
