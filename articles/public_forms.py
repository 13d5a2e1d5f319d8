"""The timeline's filters, read from the URL so that every filtered view can be shared as a link."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from articles import formatting, selectors
from articles.models import Verdict

LANGUAGES = [("de", _("German")), ("en", _("English"))]


class TimelineFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=200, required=False)
    topic = forms.CharField(label=_("Topic"), max_length=120, required=False)
    speaker = forms.CharField(label=_("Speaker"), max_length=140, required=False)
    rating = forms.ChoiceField(label=_("Rating"), required=False, choices=lambda: [
        ("", _("any rating")), *[(value, formatting.rating_label(value)) for value in Verdict.values]])
    lang = forms.ChoiceField(label=_("Language"), required=False, choices=[("", _("any language")), *LANGUAGES])

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # "from" and "to" are the URL's names (interfaces.md); they are Python keywords, hence added here
        self.fields["from"] = forms.DateField(label=_("Said from"), required=False,
                                              widget=forms.DateInput(attrs={"type": "date"}))
        self.fields["to"] = forms.DateField(label=_("Said until"), required=False,
                                            widget=forms.DateInput(attrs={"type": "date"}))

    def filters(self) -> selectors.TimelineFilters:
        """The valid filters; a value that is not valid is left out (and reported by the form's errors)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        topic = selectors.topic_by_slug(data["topic"]) if data.get("topic") else None
        speaker = selectors.speaker_by_slug(data["speaker"]) if data.get("speaker") else None
        if data.get("topic") and topic is None:
            self.add_error("topic", _("No topic with that name."))
        if data.get("speaker") and speaker is None:
            self.add_error("speaker", _("No speaker with that name."))
        return selectors.TimelineFilters(
            q=(data.get("q") or "").strip(),
            topic=topic,
            speaker=speaker,
            rating=data.get("rating") or "",
            lang=data.get("lang") or "",
            date_from=data.get("from"),
            date_to=data.get("to"),
        )
