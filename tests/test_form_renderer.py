"""Forms render the same markup through the quick renderer as through Django's templates, for every widget."""

from __future__ import annotations

import datetime as dt

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates, get_default_renderer
from django.utils import translation
from django.utils.safestring import mark_safe

from articles.form_renderer import QuickFormRenderer


class EveryWidget(forms.Form):
    text = forms.CharField(max_length=20, help_text="short", widget=forms.TextInput(attrs={"autofocus": True}))
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 3, "disabled": False}), required=False)
    amount = forms.FloatField(required=False)
    count = forms.IntegerField(min_value=0)
    mail = forms.EmailField(required=False)
    link = forms.URLField(required=False)
    secret = forms.CharField(widget=forms.PasswordInput(render_value=True), required=False)
    hidden = forms.IntegerField(widget=forms.HiddenInput, required=False)
    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), required=False)
    when = forms.DateTimeField(required=False)
    at = forms.TimeField(required=False)
    sure = forms.BooleanField(required=False)
    maybe = forms.NullBooleanField(required=False)
    colour = forms.CharField(widget=forms.TextInput(attrs={"type": "color"}), required=False)
    search = forms.CharField(widget=forms.SearchInput, required=False)
    phone = forms.CharField(widget=forms.TelInput, required=False)
    upload = forms.FileField(required=False)
    choice = forms.ChoiceField(choices=[("", "—"), ("a&b", "A & B"), ("c", mark_safe("<b>C</b>"))], required=False)
    grouped = forms.ChoiceField(choices=[("Nord", [("hh", "Hamburg"), ("hb", "Bremen")]), ("x", "Elsewhere")])
    several = forms.MultipleChoiceField(choices=[(1, 1.5), (2, "zwei")], required=False)
    radio = forms.ChoiceField(choices=[("y", "yes"), ("n", "no")], widget=forms.RadioSelect, required=False)
    boxes = forms.MultipleChoiceField(choices=[("y", "yes")], widget=forms.CheckboxSelectMultiple, required=False)


BOUND = {"text": 'say "hi" <now>', "note": "line one\n<two> & three ", "amount": "1.5", "count": "-1",
         "mail": "x@example.org", "link": "https://example.org/?a=1&b=2", "secret": "s3<cr>et", "hidden": "7",
         "day": "2025-02-03", "when": "2025-02-03 10:00", "at": "10:30", "sure": "on", "maybe": "true",
         "colour": "#ff0000", "choice": "a&b", "grouped": "hb", "several": ["1", "2"], "radio": "n",
         "boxes": ["y"]}
INITIAL = {"amount": 1234.5, "count": 3, "day": dt.date(2025, 1, 2), "note": "", "choice": "c"}


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("form", [lambda: EveryWidget(), lambda: EveryWidget(BOUND),
                                  lambda: EveryWidget(initial=INITIAL),
                                  lambda: EveryWidget(auto_id="f_%s", prefix="p", data={})])
def test_every_widget_renders_as_djangos_templates_do(form, language, monkeypatch):
    by_templates = []
    render = DjangoTemplates.render
    monkeypatch.setattr(DjangoTemplates, "render", lambda self, name, *a, **k: by_templates.append(name)
                        or render(self, name, *a, **k))
    with translation.override(language):
        quick, stock = form(), form()
        quick.renderer, stock.renderer = QuickFormRenderer(), DjangoTemplates()
        for name in quick.fields:
            by_templates.clear()
            assert str(quick[name]) == str(stock[name]), name
            if name not in ("radio", "boxes", "upload"):  # these keep their templates
                assert by_templates == [quick[name].field.widget.template_name], name  # stock only
        assert str(quick) == str(stock)


def test_the_site_uses_the_quick_renderer():
    assert isinstance(get_default_renderer(), QuickFormRenderer)


def test_error_lists_render_as_djangos_templates_do():
    bound = {"text": "x" * 30, "count": "-1", "grouped": "nowhere"}
    for data in (None, bound):
        quick, stock = EveryWidget(data), EveryWidget(data)
        quick.renderer, stock.renderer = QuickFormRenderer(), DjangoTemplates()
        for name in quick.fields:
            assert str(quick[name].errors) == str(stock[name].errors), name
        assert str(quick.errors) == str(stock.errors)
        assert str(quick.non_field_errors()) == str(stock.non_field_errors()) == ""
    assert 'class="errorlist"' in str(quick["count"].errors) and str(quick["note"].errors) == ""
