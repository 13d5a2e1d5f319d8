from django.contrib import admin, messages
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html

from articles import services
from articles.models import Article, Claim, ClaimLink, ImportJob, Publisher, Speaker, Topic

admin.site.site_header = "factcheck administration"
admin.site.index_template = "admin/factcheck_index.html"


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "published_on", "date_precision", "language", "imported_at", "claim_count"]
    list_filter = ["language", "date_precision", "publisher"]
    search_fields = ["title", "url", "body"]
    date_hierarchy = "imported_at"
    list_select_related = ["publisher"]
    readonly_fields = ["content_hash", "imported_at", "imported_by", "source_file", "source_index"]
    actions = ["reextract"]

    @admin.action(description="Re-extract claims (keeps editors' decisions)")
    def reextract(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        created = sum(len(services.claims_extract(article=article)) for article in queryset)
        self.message_user(request, f"{created} new claim candidates.", messages.SUCCESS)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        return super().get_queryset(request).annotate(n_claims=Count("claims"))

    @admin.display(description="claims", ordering="n_claims")
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


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "short_text", "speaker", "quantity_value", "quantity_unit", "quantity_bound",
                    "status", "verdict", "published", "topic"]
    list_filter = ["kind", "status", "verdict", "published", "quantity_unit", "topic"]
    search_fields = ["text", "speaker__name"]
    list_select_related = ["speaker", "topic"]
    raw_id_fields = ["article", "speaker", "reviewer"]
    readonly_fields = ["version", "created_at", "updated_at"]

    @admin.display(description="text")
    def short_text(self, obj: Claim) -> str:
        return format_html('<a href="{}">{}</a>', reverse("review:claim_review", args=[obj.pk]), obj.text[:100])


@admin.register(ClaimLink)
class ClaimLinkAdmin(admin.ModelAdmin):
    list_display = ["id", "from_claim", "relation", "to_claim", "state", "score", "created_by", "created_at"]
    list_filter = ["relation", "state"]
    search_fields = ["rationale", "from_claim__text", "to_claim__text"]
    raw_id_fields = ["from_claim", "to_claim", "created_by"]
    list_select_related = ["from_claim", "to_claim", "created_by"]


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ["id", "state", "done_files", "total_files", "created_by", "created_at", "finished_at"]
    list_filter = ["state"]
    readonly_fields = ["report"]
