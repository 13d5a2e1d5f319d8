"""The admin, tuned for a million claims: no full counts, no DISTINCT scans for filters, searches that use the
trigram indexes, and the same optimistic lock on claims as the review pages."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from articles import services
from articles.admin_scale import (
    EstimatedCountPaginator,
    LanguageFilter,
    QuickCheckboxMixin,
    QuickRelatedFilter,
    UnitFilter,
    indexed_search,
)
from articles.models import Article, Claim, ClaimLink, ImportJob, Publisher, Speaker, Topic

admin.site.site_header = "factcheck administration"
admin.site.index_template = "admin/factcheck_index.html"


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(QuickCheckboxMixin, admin.ModelAdmin):
    list_display = ["title", "publisher", "published_on", "date_precision", "language", "imported_at", "claim_count"]
    list_filter = [LanguageFilter, "date_precision", "published_on", ("publisher", QuickRelatedFilter)]
    search_fields = ["title", "url"]  # searched in get_search_results through indexes; bodies never scanned
    list_select_related = ["publisher"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    list_per_page = 50  # rendering a row costs more than fetching it: half the rows, half the page's time
    readonly_fields = ["content_hash", "imported_at", "imported_by", "source_file", "source_index"]
    actions = ["reextract"]

    @admin.action(description="Re-extract claims (keeps editors' decisions)")
    def reextract(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        created = sum(len(services.claims_extract(article=article)) for article in queryset)
        self.message_user(request, f"{created} new claim candidates.", messages.SUCCESS)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        qs = super().get_queryset(request)
        if request.resolver_match and request.resolver_match.url_name.endswith("_changelist"):
            # a correlated count, evaluated for the rows of the page only (a JOIN + GROUP BY counts every claim)
            per_article = Claim.objects.filter(article=OuterRef("pk")).order_by().values("article")
            qs = qs.defer("body").annotate(
                n_claims=Coalesce(Subquery(per_article.annotate(n=Count("pk")).values("n")), 0))
        return qs

    def get_search_results(self, request, queryset, search_term):
        return indexed_search(queryset, search_term, text_field="title", exact_fields=["url"]), False

    @admin.display(description="claims")
    def claim_count(self, obj: Article) -> int:
        return obj.n_claims  # counted in get_queryset: one query for the whole list

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "import_url": reverse("imports:start")}
        return super().changelist_view(request, extra_context)


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "variants"]
    list_filter = ["kind"]
    search_fields = ["name", "name_variants"]

    @admin.display(description="name variants")
    def variants(self, obj: Speaker) -> str:
        return ", ".join(obj.name_variants)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    actions = ["merge_into_first"]

    @admin.action(description="Merge selected topics into the oldest one")
    def merge_into_first(self, request: HttpRequest, queryset: QuerySet[Topic]) -> None:
        topics = list(queryset.order_by("pk"))
        for source in topics[1:]:
            services.topic_merge(source=source, target=topics[0])
        self.message_user(request, f"Merged {len(topics) - 1} topics into {topics[0].name}.", messages.SUCCESS)


class ClaimAdminForm(forms.ModelForm):
    """Carries the version the form was loaded at; a save over someone else's newer change is refused."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["expected_version"].initial = self.instance.version

    def clean(self):
        data = super().clean()
        if self.instance.pk is not None:
            try:  # locks the row until the admin's transaction (this whole request) commits
                services.claim_version_check(claim_id=self.instance.pk,
                                             expected_version=data.get("expected_version") or 0)
            except services.StaleClaimError as error:
                raise ValidationError(str(error)) from error
        return data


@admin.register(Claim)
class ClaimAdmin(QuickCheckboxMixin, admin.ModelAdmin):
    form = ClaimAdminForm
    list_display = ["id", "kind", "short_text", "speaker", "quantity_value", "quantity_unit", "quantity_bound",
                    "status", "verdict", "published", "topic"]
    list_filter = ["kind", "status", "verdict", "published", UnitFilter, ("topic", QuickRelatedFilter)]
    search_fields = ["text", "speaker__name"]  # searched in get_search_results through indexes
    list_select_related = ["speaker", "topic"]
    raw_id_fields = ["article", "speaker", "reviewer", "sources"]
    readonly_fields = ["version", "created_at", "updated_at"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    list_per_page = 50  # rendering a row costs more than fetching it: half the rows, half the page's time

    def get_search_results(self, request, queryset, search_term):
        extra = None
        if len(search_term.strip()) >= 2:  # ids, not a subquery: an OR with a subquery defeats the bitmap indexes
            matching = Speaker.objects.filter(name__icontains=search_term.strip())
            speakers = list(matching.values_list("pk", flat=True)[:50])
            extra = Q(speaker_id__in=speakers) if speakers else None
        return indexed_search(queryset, search_term, text_field="text", also=extra), False

    def save_model(self, request, obj, form, change) -> None:
        services.claim_save_checked(claim=obj, expected_version=form.cleaned_data.get("expected_version"))

    @admin.display(description="text")
    def short_text(self, obj: Claim) -> str:
        return format_html('<a href="{}">{}</a>', reverse("review:claim_review", args=[obj.pk]), obj.text[:100])


@admin.register(ClaimLink)
class ClaimLinkAdmin(QuickCheckboxMixin, admin.ModelAdmin):
    list_display = ["id", "from_claim", "relation", "to_claim", "state", "score", "created_by", "created_at"]
    list_filter = ["relation", "state"]
    search_fields = ["from_claim__text", "to_claim__text"]  # claim numbers, or words of either claim's text
    raw_id_fields = ["from_claim", "to_claim", "created_by"]
    list_select_related = ["from_claim", "to_claim", "created_by"]
    paginator = EstimatedCountPaginator
    show_full_result_count = False
    list_per_page = 50  # rendering a row costs more than fetching it: half the rows, half the page's time

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip().lstrip("#")
        if term.isdigit():
            return queryset.filter(Q(from_claim_id=int(term)) | Q(to_claim_id=int(term))), False
        claims = indexed_search(Claim.objects.order_by("-id"), search_term, text_field="text").values("pk")[:200]
        return queryset.filter(Q(from_claim__in=Subquery(claims)) | Q(to_claim__in=Subquery(claims))), False


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["id", "state", "done_files", "total_files", "created_by", "created_at", "finished_at"]
    list_filter = ["state"]
    readonly_fields = ["report"]
