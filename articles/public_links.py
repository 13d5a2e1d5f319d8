"""Addresses of the readers' pages for speakers and outlets: "<id>-<name>", readable and stable under renames
(the id decides; a link with an old name is redirected to the current one)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.text import slugify

from articles.models import Publisher, Speaker


def slug_of(row: Speaker | Publisher) -> str:
    name = slugify(row.name)[:80].strip("-")
    return f"{row.pk}-{name}" if name else str(row.pk)


def speaker_url(speaker: Speaker) -> str:
    return reverse("speaker_detail", args=[slug_of(speaker)])


def outlet_url(publisher: Publisher) -> str:
    return reverse("outlet_detail", args=[slug_of(publisher)])
