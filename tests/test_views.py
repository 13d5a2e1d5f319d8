"""What readers, editors and anonymous visitors see and may do."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import services
from articles.demo import demo_load
from articles.models import Claim, ClaimLink, ClaimStatus, LinkState
from tests.conftest import make_article

pytestmark = pytest.mark.django_db


def claim_in(article_id: int, text: str, **extra) -> Claim:
    from articles.models import Article

    return services.claim_create(article=Article.objects.get(pk=article_id), kind="figure", text=text, **extra)


def test_review_sends_anonymous_visitors_to_login(client):
    response = client.get(reverse("review:claim_list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_review_is_forbidden_for_readers_outside_the_editors_group(client, reader):
    client.force_login(reader)
    assert client.get(reverse("review:claim_list")).status_code == 403
    claim = claim_in(make_article(), "Der Text")
    response = client.post(reverse("review:claim_status", args=[claim.pk]), {"status": "accepted", "version": 1})
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CANDIDATE


def test_editor_sees_the_candidates(editor_client, article_factory):
    claim_in(article_factory(body="Die Firma plant 80 Mio. Euro."), "Die Firma plant 80 Mio. Euro.")
    response = editor_client.get(reverse("review:claim_list"))
    assert response.status_code == 200
    assert "Die Firma plant 80 Mio. Euro." in response.text


def test_timeline_shows_published_claims_with_what_contradicts_them(client):
    demo_load()
    response = client.get("/")
    assert response.status_code == 200
    text = response.text
    assert "up to $500 billion" in text
    assert "Elon Musk" in text
    assert "Contradicted by" in text
    assert text.index("Die Investitionen in KI machen") < text.index("up to $500 billion")  # newest first


def test_unpublished_claim_is_404_for_readers_and_visible_to_editors(client, editor, article_factory):
    claim = claim_in(article_factory(body="Geheim: 12 Hektar."), "Geheim: 12 Hektar.")
    assert client.get(claim.get_absolute_url()).status_code == 404
    client.force_login(editor)
    assert client.get(claim.get_absolute_url()).status_code == 200


def test_published_claim_with_verdict_carries_claimreview_jsonld(client):
    demo_load()
    claim = Claim.objects.filter(published=True).exclude(verdict="").first()
    response = client.get(claim.get_absolute_url())
    assert response.status_code == 200
    assert '<script type="application/ld+json">' in response.text
    assert '"@type": "ClaimReview"' in response.text


def test_article_text_is_escaped(editor_client, article_factory):
    article_id = article_factory(title="<script>alert(1)</script>", body="Body <img src=x onerror=alert(1)>")
    response = editor_client.get(reverse("review:article_detail", args=[article_id]))
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text
    assert "<img src=x" not in response.text


def _link_setup(article_factory):
    a = claim_in(article_factory(body="Bis zu 500 Milliarden Dollar sollen fließen."),
                 "Bis zu 500 Milliarden Dollar sollen fließen.")
    b = claim_in(article_factory(title="Zweiter", body="Weniger als 10 Milliarden sind gesichert."),
                 "Weniger als 10 Milliarden sind gesichert.")
    return a, b


def test_linking_with_htmx_returns_the_updated_link_list(editor_client, article_factory):
    a, b = _link_setup(article_factory)
    response = editor_client.post(
        reverse("review:claim_link_create", args=[a.pk]),
        {"target": b.pk, "relation": "contradicts", "rationale": "promised vs secured"},
        headers={"HX-Request": "true", "HX-Target": "link-panel"},
    )
    assert response.status_code == 200
    assert 'id="link-panel"' in response.text
    assert "<html" not in response.text  # a partial, not the whole page
    assert "Weniger als 10 Milliarden sind gesichert." in response.text
    assert ClaimLink.objects.get().state == LinkState.CONFIRMED


def test_linking_without_javascript_posts_and_redirects(editor_client, article_factory):
    a, b = _link_setup(article_factory)
    response = editor_client.post(reverse("review:claim_link_create", args=[a.pk]),
                                  {"target": b.pk, "relation": "contradicts", "rationale": ""})
    assert response.status_code == 302
    page = editor_client.get(response["Location"])
    assert "Weniger als 10 Milliarden sind gesichert." in page.text
    assert "Link saved." in page.text


def test_search_without_javascript_lists_matching_claims_on_the_claim_page(editor_client, article_factory):
    a, b = _link_setup(article_factory)
    response = editor_client.get(reverse("review:claim_review", args=[a.pk]), {"q": "gesichert"})
    assert f'value="{b.pk}"' in response.text


def test_search_as_you_type_returns_only_the_results(editor_client, article_factory):
    a, b = _link_setup(article_factory)
    response = editor_client.get(reverse("review:claim_search", args=[a.pk]), {"q": "gesichert"},
                                 headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<fieldset id="search-results"')
    assert f'value="{b.pk}"' in response.text
    assert f'value="{a.pk}"' not in response.text


def test_linking_a_claim_to_itself_is_a_form_error_not_a_crash(editor_client, article_factory):
    a, _ = _link_setup(article_factory)
    response = editor_client.post(reverse("review:claim_link_create", args=[a.pk]),
                                  {"target": a.pk, "relation": "contradicts"})
    assert response.status_code == 400
    assert "cannot be linked to itself" in response.text
    assert not ClaimLink.objects.exists()


def test_stale_edit_is_refused(editor_client, article_factory):
    a, _ = _link_setup(article_factory)
    url = reverse("review:claim_edit", args=[a.pk])
    form = {"version": 1, "text": a.text, "quantity_value": "5e11", "quantity_unit": "USD", "quantity_bound": "le"}
    assert editor_client.post(url, form).status_code == 302
    response = editor_client.post(url, {**form, "text": "overwritten"})
    assert response.status_code == 400
    assert "changed by someone else" in response.text
    a.refresh_from_db()
    assert a.text != "overwritten" and a.version == 2


def test_pages_send_a_strict_csp(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp


def test_every_htmx_post_carries_the_csrf_token_from_body(editor_client, article_factory):
    a, _ = _link_setup(article_factory)
    response = editor_client.get(reverse("review:claim_review", args=[a.pk]))
    assert 'hx-headers=\'{"X-CSRFToken": "' in response.text


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.text == "ok"


def _publish_many(article_factory, n: int) -> None:
    article_id = article_factory(body=" ".join(f"Satz {i} nennt {i} Millionen Euro." for i in range(n)))
    previous = None
    for i in range(n):
        claim = claim_in(article_id, f"Satz {i} nennt {i} Millionen Euro.", status=ClaimStatus.ACCEPTED,
                         published=True, verdict="false", speaker=f"Sprecher {i}", topic=f"Thema {i % 3}")
        if previous is not None:
            services.claim_link(from_claim_id=claim.pk, to_claim_id=previous.pk, relation="contradicts", user=None)
        previous = claim


@pytest.mark.parametrize("url_name", ["timeline", "review:claim_list"])
def test_list_pages_run_a_constant_number_of_queries(editor_client, article_factory, url_name):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(reverse(url_name), {"status": "accepted"}).status_code == 200
        return len(queries)

    _publish_many(article_factory, 5)
    few = count()
    _publish_many(article_factory, 30)
    assert count() == few


def test_editors_rename_and_merge_topics_and_claims_move_along(editor_client, article_factory):
    from articles.models import Topic

    first = claim_in(article_factory(body="Stargate kostet bis zu 500 Milliarden Dollar."),
                     "Stargate kostet bis zu 500 Milliarden Dollar.", topic="Stargate")
    second = claim_in(article_factory(title="Zwei", body="Das Stargate-Projekt hat 10 Milliarden gesichert."),
                      "Das Stargate-Projekt hat 10 Milliarden gesichert.", topic="Stargate-Projekt")
    page = editor_client.get(reverse("review:topic_list"))
    assert "Stargate-Projekt" in page.text
    response = editor_client.post(reverse("review:topic_rename", args=[first.topic_id]), {"name": "Stargate funding"})
    assert response.status_code == 302
    response = editor_client.post(reverse("review:topic_merge", args=[second.topic_id]), {"into": first.topic_id})
    assert response.status_code == 302
    second.refresh_from_db()
    assert second.topic.name == "Stargate funding"
    assert list(Topic.objects.values_list("name", flat=True)) == ["Stargate funding"]


def test_readers_cannot_merge_topics(client, reader, article_factory):
    claim = claim_in(article_factory(), "Der Text", topic="Stargate")
    other = claim_in(article_factory(title="B", body="Anderer Text"), "Anderer Text", topic="Genesis")
    client.force_login(reader)
    response = client.post(reverse("review:topic_merge", args=[claim.topic_id]), {"into": other.topic_id})
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.topic.name == "Stargate"


def test_status_change_never_redirects_to_another_site(editor_client, article_factory):
    claim = claim_in(article_factory(), "Der Text")
    response = editor_client.post(reverse("review:claim_status", args=[claim.pk]),
                                  {"status": "accepted", "version": 1, "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == reverse("review:claim_review", args=[claim.pk])


def test_claim_and_article_pages_run_a_constant_number_of_queries(editor_client, article_factory):
    article_id = article_factory(body=" ".join(f"Satz {i} nennt {i} Millionen Euro." for i in range(40)))
    hub = claim_in(article_id, "Satz 0 nennt 0 Millionen Euro.", speaker="Sprecherin Null", topic="Hub")

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert editor_client.get(url).status_code == 200
        return len(queries)

    def grow(start: int, stop: int) -> None:
        for i in range(start, stop):
            other = claim_in(article_id, f"Satz {i} nennt {i} Millionen Euro.", speaker=f"Sprecher {i}")
            services.claim_link(from_claim_id=other.pk, to_claim_id=hub.pk, relation="contradicts", user=None)

    grow(1, 3)
    pages = [reverse("review:claim_review", args=[hub.pk]), hub.get_absolute_url(),
             reverse("review:article_detail", args=[article_id])]
    few = [count(url) for url in pages]
    grow(3, 40)
    assert [count(url) for url in pages] == few


def test_history_says_who_changed_a_claim_from_the_browser(editor_client, editor, article_factory):
    claim = claim_in(article_factory(), "Der Text")
    editor_client.post(reverse("review:claim_status", args=[claim.pk]), {"status": "accepted", "version": 1})
    event = claim.events.filter(pgh_label="update").select_related("pgh_context").get()
    assert event.status == "accepted"
    assert event.pgh_context.metadata["user"] == editor.pk
    assert event.pgh_context.metadata["url"] == reverse("review:claim_status", args=[claim.pk])


def test_admin_index_links_to_the_import_page(client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="a-long-test-password")
    client.force_login(admin)
    assert reverse("imports:start") in client.get(reverse("admin:index")).text


def test_admin_article_list_counts_claims_in_one_query(client, django_user_model, article_factory):
    admin = django_user_model.objects.create_superuser("root2", password="a-long-test-password")
    client.force_login(admin)
    url = reverse("admin:articles_article_changelist")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for i in range(2):
        claim_in(article_factory(title=f"A{i}", body=f"Text {i}."), f"Text {i}.")
    few = count()
    for i in range(2, 12):
        claim_in(article_factory(title=f"A{i}", body=f"Text {i}."), f"Text {i}.")
    assert count() == few
