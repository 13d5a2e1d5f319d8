"""Django's form renderer, with its plainest widget templates written in Python (same markup, to the character).

Rendering a widget through the template engine costs a template render plus an include of `attrs.html` (and
for a <select>, one more include per <option>): ~0.3 ms per field, 30 fields on an editor's claim page, 25 on the
admin's claim form. The `<input>` family, `<textarea>` and `<select>` are built here from the same context the
templates get, and an empty error list is "" without a render; every other template (the admin's widgets,
forms, fields, error lists with errors) is rendered by Django as before.
tests/test_form_renderer.py compares the two for every widget type.
"""

from __future__ import annotations

from django.forms.renderers import DjangoTemplates
from django.utils.formats import localize
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

WIDGETS = "django/forms/widgets/"
INPUTS = {f"{WIDGETS}{name}.html" for name in (
    "checkbox", "color", "date", "datetime", "email", "file", "hidden", "number", "password", "search", "tel",
    "text", "time", "url",
)}  # each is `{% include "django/forms/widgets/input.html" %}`
OPTION = f"{WIDGETS}select_option.html"
EMPTY_WHEN_NO_ERRORS = {f"django/forms/errors/{kind}/{name}.html" for kind in ("list", "dict")
                        for name in ("default", "ul")}  # `{% if errors %}…{% endif %}`


def _text(value) -> str:
    """`{{ value }}`: localized, escaped unless already safe."""
    value = localize(value)
    return conditional_escape(value if isinstance(value, str) else str(value))


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html"""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        parts.append(f" {_text(name)}" if value is True else f' {_text(name)}="{escape(str(value))}"')
    return "".join(parts)


def _input(widget: dict) -> str:
    value = widget["value"]
    shown = "" if value is None else f' value="{escape(str(value))}"'
    return f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{shown}{_attrs(widget["attrs"])}>'


def _textarea(widget: dict) -> str:
    value = widget["value"]
    return (f'<textarea name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>\n'
            f'{_text(value) if value else ""}</textarea>')


def _select(widget: dict) -> str | None:
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            if option["template_name"] != OPTION:
                return None
            parts.append(f'\n  <option value="{escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                         f'{_text(option["label"])}</option>\n')
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


class QuickFormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        if template_name in EMPTY_WHEN_NO_ERRORS and isinstance(context, dict) and not context.get("errors", True):
            return ""  # every field's `{{ field.errors }}`, nearly always empty
        widget = context.get("widget") if isinstance(context, dict) else None
        html = None
        if widget is not None and widget.get("template_name") == template_name:
            if template_name in INPUTS:
                html = _input(widget)
            elif template_name == f"{WIDGETS}textarea.html":
                html = _textarea(widget)
            elif template_name == f"{WIDGETS}select.html":
                html = _select(widget)
        if html is None:
            return super().render(template_name, context, request)
        return mark_safe(html.strip())  # noqa: S308 (every value escaped above)
