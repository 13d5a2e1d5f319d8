"""Tables of factcheck: outlets, articles, speakers, topics, claims and the links between claims."""

from __future__ import annotations

import pghistory
import pgtrigger
from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Greatest, Least
from django.urls import reverse

from articles.history_events import UNLESS_HISTORY_WRITTEN


class DatePrecision(models.TextChoices):
    DAY = "day", "day"
    MONTH = "month", "month"
    YEAR = "year", "year"


class Publisher(models.Model):
    name = models.CharField(max_length=200, unique=True)
    domain = models.CharField(max_length=200, blank=True, db_index=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Article(models.Model):
    title = models.CharField(max_length=200)
    url = models.URLField(max_length=2000, null=True, blank=True, unique=True)
    content_hash = models.CharField(max_length=64, unique=True, help_text="sha256 of the normalised body")
    published_on = models.DateField(null=True, blank=True)
    date_precision = models.CharField(max_length=5, choices=DatePrecision.choices, blank=True)
    language = models.CharField(max_length=8, blank=True)
    publisher = models.ForeignKey(Publisher, null=True, blank=True, on_delete=models.SET_NULL)
    body = models.TextField()
    cited_urls = ArrayField(models.URLField(max_length=2000), default=list, blank=True)
    source_file = models.CharField(max_length=1000, blank=True)
    source_index = models.PositiveIntegerField(null=True, blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-published_on", "-id"]
        permissions = [("import_articles", "Can import articles")]
        indexes = [
            # the admin's search and its list order (Meta.ordering)
            GinIndex(fields=["title"], opclasses=["gin_trgm_ops"], name="article_title_trgm"),
            models.Index(fields=["-published_on", "-id"], name="article_published_id"),
            # an outlet's page and the public lists: newest first, undated last
            models.Index("publisher", F("published_on").desc(nulls_last=True), F("id").desc(),
                         name="article_publisher_date"),
            models.Index(F("published_on").desc(nulls_last=True), F("id").desc(), name="article_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_on__isnull=True, date_precision="")
                | Q(published_on__isnull=False) & ~Q(date_precision=""),
                name="article_date_has_precision",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("review:article_detail", args=[self.pk])


# Article.Meta cannot name Claim's table before it exists; the trigger is registered here instead.
pgtrigger.register(
    pgtrigger.Trigger(
        name="article_said_on",
        when=pgtrigger.After,
        operation=pgtrigger.UpdateOf("published_on"),
        condition=pgtrigger.Q(old__published_on__df=pgtrigger.F("new__published_on")),
        func="UPDATE articles_claim SET said_on = NEW.published_on "
        "WHERE article_id = NEW.id AND stated_on IS NULL; RETURN NULL;",
    )
)(Article)


class SpeakerKind(models.TextChoices):
    PERSON = "person", "person"
    ORGANISATION = "organisation", "organisation"


class Speaker(models.Model):
    name = models.CharField(max_length=200, unique=True)
    key = models.CharField(max_length=100, db_index=True, blank=True, help_text="folded surname, to match variants")
    kind = models.CharField(max_length=12, choices=SpeakerKind.choices, default=SpeakerKind.PERSON)
    name_variants = ArrayField(models.CharField(max_length=200), default=list, blank=True)

    class Meta:
        ordering = ["name"]
        indexes = [GinIndex(fields=["name_variants"], name="speaker_variants_gin")]

    def __str__(self) -> str:
        return self.name


class Topic(models.Model):
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ClaimKind(models.TextChoices):
    FIGURE = "figure", "figure"
    QUOTE = "quote", "quote"
    STATEMENT = "statement", "statement"


class ClaimStatus(models.TextChoices):
    CANDIDATE = "candidate", "candidate"
    ACCEPTED = "accepted", "accepted"
    REJECTED = "rejected", "rejected"


class Bound(models.TextChoices):
    EQ = "eq", "exactly"
    APPROX = "approx", "about"
    LT = "lt", "less than"
    LE = "le", "up to"
    GT = "gt", "more than"
    GE = "ge", "at least"
    RANGE = "range", "between"


class StatedOnSource(models.TextChoices):
    STATED = "stated", "stated"  # the text gives the day the claim was made
    REPORTED = "reported", "reported"  # no day given: the article's date, when it was reported


class Verdict(models.TextChoices):
    TRUE = "true", "True"
    MOSTLY_TRUE = "mostly-true", "Mostly true"
    MISLEADING = "misleading", "Misleading"
    FALSE = "false", "False"
    UNPROVEN = "unproven", "Unproven"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent(),
                 exclude=["search"])  # derived from text; history need not keep it
class Claim(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="claims")
    kind = models.CharField(max_length=10, choices=ClaimKind.choices)
    text = models.TextField()
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    speaker = models.ForeignKey(Speaker, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    stated_on = models.DateField(null=True, blank=True)
    stated_on_source = models.CharField(max_length=8, choices=StatedOnSource.choices, blank=True)
    said_on = models.DateField(
        null=True, blank=True, editable=False,
        help_text="stated_on, else the article's date; kept by database triggers for the timeline's index",
    )
    quantity_value = models.FloatField(null=True, blank=True)
    quantity_unit = models.CharField(max_length=12, blank=True)
    quantity_bound = models.CharField(max_length=6, choices=Bound.choices, blank=True)
    quantity_high = models.FloatField(null=True, blank=True)
    unit_inferred = models.BooleanField(default=False, help_text="currency filled in from the article's context")
    topic = models.ForeignKey(Topic, null=True, blank=True, on_delete=models.SET_NULL, related_name="claims")
    terms = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    status = models.CharField(max_length=10, choices=ClaimStatus.choices, default=ClaimStatus.CANDIDATE)
    verdict = models.CharField(max_length=12, choices=Verdict.choices, blank=True)
    published = models.BooleanField(default=False)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The fact-check: the verdict is its rating; the explanation says what is right, wrong or missing.
    explanation = models.TextField(blank=True)
    review_published_at = models.DateTimeField(null=True, blank=True)
    sources = models.ManyToManyField("Source", blank=True, related_name="claims")
    version = models.PositiveIntegerField(default=1, help_text="bumped on every edit; stale forms are refused")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Readers' full-text search: German and English stems, accents folded (configurations made in a migration).
    search = models.GeneratedField(
        expression=SearchVector("text", config="factcheck_de") + SearchVector("text", config="factcheck_en"),
        output_field=SearchVectorField(), db_persist=True,
    )

    class Meta:
        ordering = ["-id"]
        indexes = [
            models.Index(fields=["quantity_unit", "topic", "id"], name="claim_unit_topic"),
            models.Index(fields=["topic", "id"], name="claim_topic_id"),
            # (id too: the suggestions' value window reads the latest claims near a value from the index alone)
            models.Index(fields=["quantity_unit", "quantity_value", "id"], name="claim_unit_value_id"),
            models.Index(fields=["speaker", "id"], name="claim_speaker"),
            models.Index(fields=["published", "stated_on"], name="claim_published"),
            models.Index(F("said_on").desc(nulls_last=True), F("id").desc(), condition=Q(published=True),
                         name="claim_timeline"),
            models.Index(fields=["status", "id"], name="claim_status_id"),
            GinIndex(fields=["text"], opclasses=["gin_trgm_ops"], name="claim_text_trgm"),
            # readers' pages: each filter and each topic/speaker page walks its own index newest first
            GinIndex(fields=["search"], name="claim_search_gin"),
            models.Index("topic", F("said_on").desc(nulls_last=True), F("id").desc(), condition=Q(published=True),
                         name="claim_pub_topic"),
            models.Index("speaker", F("said_on").desc(nulls_last=True), F("id").desc(), condition=Q(published=True),
                         name="claim_pub_speaker"),
            models.Index("verdict", F("said_on").desc(nulls_last=True), F("id").desc(), condition=Q(published=True),
                         name="claim_pub_verdict"),
            models.Index(F("review_published_at").desc(nulls_last=True), F("id").desc(),
                         condition=Q(published=True), name="claim_pub_reviewed"),
            # a topic's and a speaker's feed: their rated claims, newest review first (the index above would walk
            # every published claim to find a small topic's thirty)
            models.Index("topic", F("review_published_at").desc(nulls_last=True), F("id").desc(),
                         condition=Q(published=True) & ~Q(verdict=""), name="claim_feed_topic"),
            models.Index("speaker", F("review_published_at").desc(nulls_last=True), F("id").desc(),
                         condition=Q(published=True) & ~Q(verdict=""), name="claim_feed_speaker"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(span_start__isnull=True) | Q(span_end__gte=F("span_start")), name="claim_span_ordered"
            ),
            models.CheckConstraint(
                condition=~Q(quantity_bound="range") | Q(quantity_high__isnull=False), name="claim_range_has_high"
            ),
            models.CheckConstraint(
                condition=Q(published=False) | Q(status="accepted"), name="claim_published_accepted"
            ),
        ]
        triggers = [
            pgtrigger.Trigger(
                name="claim_said_on",
                when=pgtrigger.Before,
                operation=pgtrigger.Insert | pgtrigger.UpdateOf("stated_on", "article_id"),
                func="NEW.said_on := COALESCE(NEW.stated_on, "
                "(SELECT published_on FROM articles_article WHERE id = NEW.article_id)); RETURN NEW;",
            ),
            # ClaimTerm holds one row per (term, claim): kept here, whoever writes claims (ORM, bulk SQL, admin)
            pgtrigger.Trigger(
                name="claim_terms_insert",
                level=pgtrigger.Statement,
                when=pgtrigger.After,
                operation=pgtrigger.Insert,
                referencing=pgtrigger.Referencing(new="new_claims"),
                func="INSERT INTO articles_claimterm (term, claim_id) SELECT DISTINCT t, n.id "
                "FROM new_claims n, unnest(n.terms) t WHERE t IS NOT NULL; RETURN NULL;",
            ),
            pgtrigger.Trigger(
                name="claim_terms_update",
                when=pgtrigger.After,
                operation=pgtrigger.Update,
                condition=pgtrigger.AnyChange("id", "terms"),
                func="DELETE FROM articles_claimterm WHERE term = ANY(OLD.terms) AND claim_id = OLD.id; "
                "INSERT INTO articles_claimterm (term, claim_id) SELECT DISTINCT t, NEW.id "
                "FROM unnest(NEW.terms) t WHERE t IS NOT NULL; RETURN NULL;",
            ),
            pgtrigger.Trigger(
                name="claim_terms_delete",
                level=pgtrigger.Statement,
                when=pgtrigger.After,
                operation=pgtrigger.Delete,
                referencing=pgtrigger.Referencing(old="old_claims"),
                func="DELETE FROM articles_claimterm c USING (SELECT DISTINCT t, o.id FROM old_claims o, "
                "unnest(o.terms) t) d WHERE c.term = d.t AND c.claim_id = d.id; RETURN NULL;",
            ),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_absolute_url(self) -> str:
        return reverse("claim_detail", args=[self.pk])

    @property
    def has_quantity(self) -> bool:
        return self.quantity_value is not None


class ClaimTerm(models.Model):
    """A claim's subject terms, one row each: the suggestions' "shared subject term" candidates are the newest
    claims under each term, read backwards from the primary key's index, (term, claim_id), ten at most per term
    (a GIN index on Claim.terms had to fetch every claim carrying any of the terms to keep the newest ten).
    Written by Claim's triggers only (claim_terms_insert/update/delete), never by the application."""

    pk = models.CompositePrimaryKey("term", "claim_id")
    term = models.CharField(max_length=100)
    claim = models.ForeignKey(Claim, on_delete=models.DO_NOTHING, db_constraint=False, db_index=False,
                              related_name="+")

    def __str__(self) -> str:
        return f"{self.term} ({self.claim_id})"


class Relation(models.TextChoices):
    CONTRADICTS = "contradicts", "contradicts"
    SAME = "same", "same as"
    SUPPORTS = "supports", "supports"
    UPDATES = "updates", "updates"


class LinkState(models.TextChoices):
    SUGGESTED = "suggested", "suggested"
    CONFIRMED = "confirmed", "confirmed"
    DISMISSED = "dismissed", "dismissed"


# suggested links are stored in bulk with their insert events (articles/history_events.py)
@pghistory.track(pghistory.InsertEvent(condition=UNLESS_HISTORY_WRITTEN), pghistory.UpdateEvent(),
                 pghistory.DeleteEvent())
class ClaimLink(models.Model):
    """A relation between two claims. `from_claim` is the claim that relates to `to_claim`
    ("from updates to"); for symmetric relations the order carries no meaning."""

    from_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_out")
    to_claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="links_in")
    relation = models.CharField(max_length=12, choices=Relation.choices)
    state = models.CharField(max_length=10, choices=LinkState.choices, default=LinkState.SUGGESTED)
    rationale = models.TextField(blank=True)
    score = models.FloatField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-id"]
        constraints = [
            models.UniqueConstraint(
                Least("from_claim", "to_claim"), Greatest("from_claim", "to_claim"), "relation",
                name="claimlink_one_per_pair_and_relation",
            ),
            models.CheckConstraint(condition=~Q(from_claim=F("to_claim")), name="claimlink_not_to_itself"),
        ]
        indexes = [
            models.Index(fields=["to_claim", "state"], name="claimlink_to_state"),
            # editors' suggestions queue: open suggestions best first, keyset-paginated (review_selectors.py)
            models.Index(Coalesce("score", 0.0).desc(), F("id").desc(), condition=Q(state="suggested"),
                         name="claimlink_queue"),
            # which claims have open suggestions (claim queue filter and badges)
            models.Index(fields=["from_claim"], condition=Q(state="suggested"), name="claimlink_open_from"),
            models.Index(fields=["to_claim"], condition=Q(state="suggested"), name="claimlink_open_to"),
        ]

    def __str__(self) -> str:
        return f"{self.from_claim_id} {self.relation} {self.to_claim_id}"

    def other(self, claim_id: int) -> int:
        return self.to_claim_id if self.from_claim_id == claim_id else self.from_claim_id


class Source(models.Model):
    """Evidence a fact-check cites: a web page, or one of our imported articles. Reusable across claims."""

    url = models.URLField(max_length=2000, blank=True)
    title = models.CharField(max_length=300)
    outlet = models.CharField(max_length=200, blank=True)
    accessed_on = models.DateField(null=True, blank=True)
    article = models.ForeignKey(Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["title", "id"]
        constraints = [
            models.UniqueConstraint(fields=["url"], condition=~Q(url=""), name="source_url_unique"),
        ]

    def __str__(self) -> str:
        return self.title


class ImportJobState(models.TextChoices):
    QUEUED = "queued", "queued"
    RUNNING = "running", "running"
    DONE = "done", "done"
    FAILED = "failed", "failed"


class ImportJob(models.Model):
    """A browser upload being imported in the background; `report` has the import_articles report format."""

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    state = models.CharField(max_length=8, choices=ImportJobState.choices, default=ImportJobState.QUEUED)
    upload_dir = models.CharField(max_length=500)
    total_files = models.PositiveIntegerField(default=0)
    done_files = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-id"]

    def __str__(self) -> str:
        return f"import #{self.pk} ({self.state})"

    @property
    def percent(self) -> int:
        return round(100 * self.done_files / self.total_files) if self.total_files else 0


# --- checks (issue 12): figures factcheck recomputes itself, with its work shown ---------------------------


class CheckKind(models.TextChoices):
    CURRENCY = "currency", "currency"
    UNITS = "units", "units"
    ARITHMETIC = "arithmetic", "arithmetic"


class CheckStatus(models.TextChoices):
    CONSISTENT = "consistent", "consistent"
    INCONSISTENT = "inconsistent", "inconsistent"
    UNCHECKED = "unchecked", "cannot check"


class CheckState(models.TextChoices):
    OPEN = "open", "open"
    ACCEPTED = "accepted", "accepted"
    DISMISSED = "dismissed", "dismissed"


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class Check(models.Model):
    """A recomputation of the figure of `claim` from other figures (`operands`) of its article.

    Found by articles/checks when claims are extracted; an editor accepts or dismisses it, and may publish
    an accepted one with the claim's review. A decided check survives re-extraction (its signature)."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="checks")
    operands = models.ManyToManyField(Claim, blank=True, related_name="checks_as_operand")
    kind = models.CharField(max_length=10, choices=CheckKind.choices)
    expression = models.TextField(help_text="the computation written out")
    stated = models.FloatField(null=True, blank=True)
    computed = models.FloatField(null=True, blank=True)
    unit = models.CharField(max_length=12, blank=True)
    difference_pct = models.FloatField(null=True, blank=True)
    status = models.CharField(max_length=12, choices=CheckStatus.choices)
    state = models.CharField(max_length=9, choices=CheckState.choices, default=CheckState.OPEN)
    published = models.BooleanField(default=False, help_text="shown with the claim's published review")
    values = models.JSONField(default=dict, blank=True, help_text="the inputs: figures, rate and its date")
    signature = models.CharField(max_length=200, help_text="kind and figures: the same check is found once")
    version = models.PositiveIntegerField(default=1, help_text="bumped on every decision; stale forms are refused")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["claim_id", "id"]
        constraints = [
            models.UniqueConstraint(fields=["claim", "signature"], name="check_once_per_claim"),
            models.CheckConstraint(condition=Q(published=False) | Q(state="accepted"),
                                   name="check_published_accepted"),
        ]
        indexes = [models.Index(fields=["state", "status", "id"], name="check_queue")]

    def __str__(self) -> str:
        return f"{self.kind} check on claim {self.claim_id}: {self.status}"
