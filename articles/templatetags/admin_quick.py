"""The admin changelist's rows, same markup as Django's `{% result_list %}`, with the per-column work done once.

Django's `items_for_result` looks every column up again for every row (field lookup, link decision, class
names, a `reverse()` and `add_preserved_filters()` — which resolves the URL — for the link, and a `format_html`
per cell): at 50 rows x 12 columns that was half of the claim changelist's time. Here each column is prepared
once per page and a row costs only its values. Popups, `to_field` lists and `list_editable` formsets (none of
which render many rows) keep Django's own code.
"""

from __future__ import annotations

import contextlib
import datetime

from django.contrib.admin.templatetags.admin_list import (
    ResultList,
    _coerce_field_name,
    result_headers,
    result_hidden_fields,
    results,
)
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.utils import (
    FieldIsAForeignKeyColumnName,
    _get_non_gfk_field,
    display_for_field,
    display_for_value,
    get_fields_from_path,
    lookup_field,
    quote,
)
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db import models
from django.db.models.constants import LOOKUP_SEP
from django.template import Library
from django.urls import NoReverseMatch, reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = Library()

PK_MARK = "__quick_pk__"


class _Column:
    __slots__ = ("base_class", "field", "is_relation_set", "link", "name", "row_class", "tag")

    def __init__(self, name, field, base_class: str, row_class: str, link: bool, tag: str) -> None:
        self.name, self.field, self.link, self.tag = name, field, link, tag
        self.base_class, self.row_class = base_class, row_class
        self.is_relation_set = field is not None and isinstance(field.remote_field, models.ManyToOneRel)


def _link_in_col(is_first: bool, field_name, cl) -> bool:
    if cl.list_display_links is None:
        return False
    if is_first and not cl.list_display_links:
        return True
    return field_name in cl.list_display_links


def _columns(cl) -> list[_Column]:
    columns, first = [], True
    for index, name in enumerate(cl.list_display):
        link = _link_in_col(first, name, cl)
        tag = "th" if link and first else "td"
        if link:
            first = False
        field = None
        if isinstance(name, str):
            try:
                field = _get_non_gfk_field(cl.lookup_opts, name)
            except (FieldDoesNotExist, FieldIsAForeignKeyColumnName):  # methods, callables, "x_id": generic path
                field = None
        if field is not None and field.auto_created:
            field = None  # Django shows auto-created fields (the implicit id) through display_for_value
        base_class = row_class = f"field-{_coerce_field_name(name, index)}"
        if field is not None and isinstance(field, (models.DateField, models.TimeField, models.ForeignKey)):
            row_class += " nowrap"
        columns.append(_Column(name, field, base_class, row_class, link, tag))
    return columns


def _generic_cell(cl, column: _Column, result, empty_value_display: str, avoid_link: bool):
    """Django's own per-cell logic, for columns that are not plain model fields (callables, methods, paths)."""
    name, row_class = column.name, column.base_class
    try:
        f, attr, value = lookup_field(name, result, cl.model_admin)
    except ObjectDoesNotExist:
        return row_class, empty_value_display
    empty_value_display = getattr(attr, "empty_value_display", empty_value_display)
    if f is None and isinstance(name, str) and LOOKUP_SEP in name:
        with contextlib.suppress(FieldDoesNotExist):  # e.g. __str__
            f = get_fields_from_path(cl.model, name)[-1]
    if f is None or f.auto_created:
        if name == "action_checkbox":
            row_class = "action-checkbox"
        boolean = getattr(attr, "boolean", False)
        if isinstance(attr, property) and hasattr(attr, "fget"):
            boolean = getattr(attr.fget, "boolean", False)
        result_repr = display_for_value(value, empty_value_display, boolean)
        if isinstance(value, (datetime.date, datetime.time)):
            row_class += " nowrap"
        return row_class, result_repr
    if isinstance(f.remote_field, models.ManyToOneRel):
        result_repr = empty_value_display if value is None else value
    else:
        result_repr = display_for_field(value, f, empty_value_display, avoid_link=avoid_link)
    if isinstance(f, (models.DateField, models.TimeField, models.ForeignKey)):
        row_class += " nowrap"
    return row_class, result_repr


def _link_maker(cl):
    """pk -> the row's change URL with the list's filters preserved, from one reverse() for the whole page."""
    name = f"admin:{cl.opts.app_label}_{cl.opts.model_name}_change"
    try:
        sample = reverse(name, args=(PK_MARK,), current_app=cl.model_admin.admin_site.name)
    except NoReverseMatch:
        return None
    with_filters = add_preserved_filters({"preserved_filters": cl.preserved_filters, "opts": cl.opts}, sample)
    before, _, after = with_filters.partition(PK_MARK)
    if PK_MARK in after or not before:
        return lambda pk: add_preserved_filters(
            {"preserved_filters": cl.preserved_filters, "opts": cl.opts},
            reverse(name, args=(quote(pk),), current_app=cl.model_admin.admin_site.name))
    before, after = conditional_escape(before), conditional_escape(after)
    return lambda pk: f"{before}{conditional_escape(quote(pk))}{after}"


def quick_results(cl):
    columns = _columns(cl)
    default_empty = cl.model_admin.get_empty_value_display()
    link_for = _link_maker(cl)
    pk_attname = cl.lookup_opts.pk.attname
    for result in cl.result_list:
        cells = []
        for column in columns:
            empty_value_display = default_empty
            if column.field is None:
                row_class, result_repr = _generic_cell(cl, column, result, empty_value_display, column.link)
            else:
                row_class = column.row_class
                value = getattr(result, column.name)
                if column.is_relation_set:
                    result_repr = empty_value_display if value is None else value
                else:
                    result_repr = display_for_field(value, column.field, empty_value_display, avoid_link=column.link)
            text = conditional_escape(result_repr)
            if column.link and link_for is not None:
                text = f'<a href="{link_for(getattr(result, pk_attname))}">{text}</a>'
            cells.append(mark_safe(f'<{column.tag} class="{row_class}">{text}</{column.tag}>'))  # noqa: S308
        yield ResultList(None, cells)


def _plain_list(cl) -> bool:
    return not cl.formset and not cl.is_popup and not cl.to_field


@register.inclusion_tag("admin/change_list_results.html")
def quick_result_list(cl):
    """`{% result_list cl %}` with the rows from quick_results (Django's own rows in popups and formsets)."""
    headers = list(result_headers(cl))
    return {
        "cl": cl,
        "result_hidden_fields": list(result_hidden_fields(cl)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": list(quick_results(cl)) if _plain_list(cl) else list(results(cl)),
    }

