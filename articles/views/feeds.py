"""Atom feeds of newly published fact-checks: all of them, one topic's, one speaker's."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from articles import formatting, selectors
from articles.models import Claim, Speaker, Topic
from articles.public_links import slug_of


class ClaimsFeed(Feed):
    feed_type = Atom1Feed

    def title(self, obj=None) -> str:
        return _("factcheck: new fact-checks")

    def subtitle(self, obj=None) -> str:
        return _("Claims we rated, newest first.")

    def link(self, obj=None) -> str:
        return reverse("timeline")

    def items(self, obj=None) -> list[Claim]:
        return selectors.recent_reviews()

    def item_title(self, item: Claim) -> str:
        who = f"{item.speaker.name}: " if item.speaker else ""
        return f"{formatting.rating_label(item.verdict)} – {who}{item.text[:120]}"

    def item_description(self, item: Claim) -> str:
        return item.explanation or item.text

    def item_link(self, item: Claim) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Claim):
        return item.review_published_at or item.updated_at

    def item_updateddate(self, item: Claim):
        return item.updated_at

    def item_author_name(self, item: Claim) -> str:
        return "factcheck"

    def item_categories(self, item: Claim) -> list[str]:
        return [item.topic.name] if item.topic else []


class TopicFeed(ClaimsFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Topic:
        topic = selectors.topic_by_slug(slug)
        if topic is None:
            raise Http404(_("No such topic."))
        return topic

    def title(self, obj: Topic) -> str:
        return _("factcheck: fact-checks on %(name)s") % {"name": obj.name}

    def link(self, obj: Topic) -> str:
        return reverse("topic_detail", args=[obj.slug])

    def items(self, obj: Topic) -> list[Claim]:
        return selectors.recent_reviews(topic=obj)


class SpeakerFeed(ClaimsFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Speaker:
        speaker = selectors.speaker_by_slug(slug)
        if speaker is None:
            raise Http404(_("No such speaker."))
        return speaker

    def title(self, obj: Speaker) -> str:
        return _("factcheck: fact-checks of %(name)s") % {"name": obj.name}

    def link(self, obj: Speaker) -> str:
        return reverse("speaker_detail", args=[slug_of(obj)])

    def items(self, obj: Speaker) -> list[Claim]:
        return selectors.recent_reviews(speaker=obj)
