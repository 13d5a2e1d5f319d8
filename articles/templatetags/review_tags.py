"""Template helpers of the editors' workspace: query strings from dicts and the open counts in the menu."""

from __future__ import annotations

from django import template
from django.utils.http import urlencode

from articles.selectors import is_editor

register = template.Library()


@register.filter
def urlencode_dict(values: dict) -> str:
    """A query string from a dict (keeps filters in pagination links)."""
    return urlencode({k: v for k, v in values.items() if v is not None})


@register.simple_tag(takes_context=True)
def open_review_counts(context) -> dict[str, str] | None:
    """Open suggestions and candidates (capped) for editors; nothing for anyone else."""
    request = context.get("request")
    if request is None or not is_editor(request.user):
        return None
    from articles.review_selectors import open_counts

    return open_counts()


@register.filter
def get_item(values: dict, key: str):
    return values.get(key, "")
