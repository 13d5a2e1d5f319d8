"""Forms validate what editors send; the writes happen in services."""

from __future__ import annotations

from django import forms

from articles.models import Bound, ClaimKind, ClaimStatus, LinkState, Relation, Verdict


class LinkForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Find a claim")
    target = forms.IntegerField(label="Claim to link", error_messages={"required": "Choose the claim to link to."})
    relation = forms.ChoiceField(choices=Relation.choices, initial=Relation.CONTRADICTS)
    rationale = forms.CharField(required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2}))


class ClaimEditForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    speaker = forms.CharField(required=False, max_length=200)
    stated_on = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    quantity_value = forms.FloatField(required=False, label="Value")
    quantity_unit = forms.CharField(required=False, max_length=12, label="Unit")
    quantity_bound = forms.ChoiceField(required=False, choices=[("", "—"), *Bound.choices], label="Bound")
    quantity_high = forms.FloatField(required=False, label="High (ranges)")
    topic = forms.CharField(required=False, max_length=200)
    # the rating is part of the fact-check record (FactCheckForm), which needs an explanation to publish
    published = forms.BooleanField(required=False)

    def clean(self):
        data = super().clean()
        if data.get("quantity_bound") == "range" and data.get("quantity_high") is None:
            self.add_error("quantity_high", "A range needs a high value.")
        if data.get("quantity_value") is not None and not data.get("quantity_unit"):
            self.add_error("quantity_unit", "A value needs a unit (EUR, USD, %, W, count…).")
        return data


class TopicRenameForm(forms.Form):
    name = forms.CharField(max_length=200)


class TopicMergeForm(forms.Form):
    into = forms.CharField(label="Merge into topic", max_length=120)  # the target's slug (or its number)


class StatusForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    status = forms.ChoiceField(choices=ClaimStatus.choices)


class LinkStateForm(forms.Form):
    state = forms.ChoiceField(choices=[(LinkState.CONFIRMED, "accept"), (LinkState.DISMISSED, "dismiss")])
    claim = forms.IntegerField(widget=forms.HiddenInput)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern); an empty file is the importer's to report."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, allow_empty_file=True, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            data = [item for item in data if item]
            if not data:  # an empty POST, or a form sent without choosing a file
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return [single(item, initial) for item in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(help_text="Text, HTML, JSON, JSON Lines, RSS/Atom files, or a zip of them.",
                              error_messages={"required": "Choose at least one file to import."})

    def __init__(self, *args, refused: str | None = None, **kwargs):
        """`refused`: why the upload handler stopped the upload; the form then shows only that."""
        self.refused = refused
        if refused:
            kwargs.setdefault("data", {})
        super().__init__(*args, **kwargs)

    def full_clean(self):
        if not self.refused:
            return super().full_clean()
        self._errors = forms.utils.ErrorDict()
        self.cleaned_data = {}
        self.add_error(None, self.refused)
        return None


# --- the editors' workspace: fact-check record, new claims, restoring, resolving conflicts ----------------


class FactCheckForm(forms.Form):
    """A claim's fact-check: rating, explanation, sources kept and added (up to three new ones at a time)."""

    NEW_SOURCES = 3

    version = forms.IntegerField(widget=forms.HiddenInput)
    verdict = forms.ChoiceField(required=False, choices=[("", "—"), *Verdict.choices], label="Rating")
    explanation = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text="A few sentences: what is right, what is wrong, what is missing.",
    )
    keep_sources = forms.TypedMultipleChoiceField(required=False, coerce=int, choices=[],
                                                  widget=forms.CheckboxSelectMultiple, label="Sources cited")

    def __init__(self, *args, sources=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep_sources"].choices = [(s.pk, s.title) for s in sources]
        for i in range(self.NEW_SOURCES):
            n = i + 1
            self.fields[f"source{n}_url"] = forms.URLField(
                required=False, max_length=2000, label=f"New source {n}: URL", assume_scheme="https")
            self.fields[f"source{n}_title"] = forms.CharField(required=False, max_length=300, label="Title")
            self.fields[f"source{n}_outlet"] = forms.CharField(required=False, max_length=200, label="Outlet")
            self.fields[f"source{n}_accessed_on"] = forms.DateField(
                required=False, label="Accessed on", widget=forms.DateInput(attrs={"type": "date"}))
            self.fields[f"source{n}_article"] = forms.IntegerField(required=False, min_value=1,
                                                                   label="or imported article #")

    def source_rows(self):
        return [[self[f"source{i + 1}_{part}"] for part in ("url", "title", "outlet", "accessed_on", "article")]
                for i in range(self.NEW_SOURCES)]

    def new_sources(self):
        from articles.review_services import SourceInput

        rows = []
        for i in range(self.NEW_SOURCES):
            get = lambda part, n=i + 1: self.cleaned_data.get(f"source{n}_{part}")  # noqa: E731
            if get("url") or get("title") or get("article"):
                rows.append(SourceInput(url=get("url") or "", title=get("title") or "", outlet=get("outlet") or "",
                                        accessed_on=get("accessed_on"), article_id=get("article")))
        return rows


class NewClaimForm(forms.Form):
    """A claim the extractor missed: the exact words from the article, the rest prefilled and editable."""

    text = forms.CharField(max_length=5000, widget=forms.Textarea(attrs={"rows": 3}),
                           label="Exact text from the article")
    start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    kind = forms.ChoiceField(choices=ClaimKind.choices, initial=ClaimKind.STATEMENT)
    speaker = forms.CharField(required=False, max_length=200)
    stated_on = forms.DateField(required=False, label="Date said", widget=forms.DateInput(attrs={"type": "date"}))
    quantity_value = forms.FloatField(required=False, label="Value (normalised, e.g. 5.1e12)")
    quantity_unit = forms.CharField(required=False, max_length=12, label="Unit")
    quantity_bound = forms.ChoiceField(required=False, choices=[("", "—"), *Bound.choices], label="Bound")
    quantity_high = forms.FloatField(required=False, label="High (ranges)")
    topic = forms.CharField(required=False, max_length=200)

    def clean(self):
        data = super().clean()
        if data.get("quantity_value") is not None and not data.get("quantity_unit"):
            self.add_error("quantity_unit", "A value needs a unit (EUR, USD, %, W, count…).")
        if data.get("quantity_bound") == "range" and data.get("quantity_high") is None:
            self.add_error("quantity_high", "A range needs a high value.")
        return data


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)


class RestoreForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput)
    event = forms.IntegerField(widget=forms.HiddenInput)
    field = forms.CharField(max_length=40, widget=forms.HiddenInput)
    which = forms.ChoiceField(choices=[("before", "before"), ("after", "after")], widget=forms.HiddenInput)
