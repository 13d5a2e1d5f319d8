"""The admin: the same optimistic lock as the review pages, and changelists that stay cheap as tables grow."""

from __future__ import annotations

import pytest
from django import forms
from django.contrib.admin.widgets import ManyToManyRawIdWidget
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles import admin_scale, services
from articles.models import Claim, Topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("adele", password="a-long-test-password")
    client.force_login(user)
    return client


def _claim(article_factory, text="Die Stadt plant 40 Milliarden Euro für Glasfaser.", **extra) -> Claim:
    article = article_factory(body=text)
    from articles.models import Article

    return services.claim_create(article=Article.objects.get(pk=article), kind="figure", text=text,
                                 quantity=(4e10, "EUR", "eq", None), **extra)


def _form_data(response) -> dict:
    """What the browser would post back for the change form as loaded."""
    form = response.context["adminform"].form
    data = {"_save": "Save"}
    for name, field in form.fields.items():
        value = form[name].value()
        widget = field.widget
        if isinstance(widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
        elif isinstance(widget, forms.MultiWidget):
            for i, part in enumerate(widget.decompress(value)):
                data[f"{name}_{i}"] = "" if part is None else str(part)
        elif isinstance(widget, ManyToManyRawIdWidget):
            data[name] = ",".join(str(v) for v in value or [])
        else:
            prepared = field.prepare_value(value)
            data[name] = "" if prepared is None else prepared
    return data


def test_an_admin_save_bumps_the_version(admin_client, article_factory):
    claim = _claim(article_factory)
    url = reverse("admin:articles_claim_change", args=[claim.pk])
    data = _form_data(admin_client.get(url))
    response = admin_client.post(url, {**data, "text": "Die Stadt plant 41 Milliarden Euro für Glasfaser."})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.text.startswith("Die Stadt plant 41") and claim.version == 2


def test_a_stale_admin_form_is_refused_after_an_editor_saved(admin_client, editor, article_factory):
    claim = _claim(article_factory)
    url = reverse("admin:articles_claim_change", args=[claim.pk])
    data = _form_data(admin_client.get(url))  # the admin opens the claim...
    services.claim_update(claim_id=claim.pk, user=editor, expected_version=1,
                          changes={"text": "Die Stadt plant 45 Milliarden Euro für Glasfaser."})  # ...an editor saves
    response = admin_client.post(url, {**data, "text": "Admin overwrites"})
    assert response.status_code == 200
    assert "This claim was changed by someone else; reload it and try again." in response.text
    claim.refresh_from_db()
    assert claim.text.startswith("Die Stadt plant 45") and claim.version == 2


def test_a_stale_editor_form_is_refused_after_an_admin_saved(admin_client, editor, client, article_factory):
    claim = _claim(article_factory)
    url = reverse("admin:articles_claim_change", args=[claim.pk])
    data = _form_data(admin_client.get(url))
    assert admin_client.post(url, {**data, "text": "Die Stadt plant 42 Milliarden Euro für Glasfaser."}
                             ).status_code == 302
    client.force_login(editor)  # the editor's form was loaded at version 1, before the admin's correction
    response = client.post(reverse("review:claim_edit", args=[claim.pk]),
                           {"version": 1, "text": "Editor overwrites", "quantity_value": "4e10",
                            "quantity_unit": "EUR", "quantity_bound": "eq"})
    assert response.status_code == 400
    assert "This claim was changed by someone else; reload it and try again." in response.text
    claim.refresh_from_db()
    assert claim.text.startswith("Die Stadt plant 42") and claim.version == 2


def test_admin_search_finds_words_numbers_and_speakers(admin_client, article_factory):
    berlin = _claim(article_factory, "Der Senat meldet 12 Milliarden Euro für Speicher in Berlin.",
                    speaker="Ada Quell")
    other = _claim(article_factory, "Die Stadt plant 40 Milliarden Euro für Glasfaser.")
    url = reverse("admin:articles_claim_changelist")
    for term, found in (("berlin speicher", berlin), (f"#{other.pk}", other), ("Quell", berlin)):
        response = admin_client.get(url, {"q": term})
        ids = [c.pk for c in response.context["cl"].result_list]
        assert ids == [found.pk], term
    assert not admin_client.get(url, {"q": "nirgendwo"}).context["cl"].result_list


def test_the_unit_filter_lists_units_in_use(admin_client, article_factory):
    _claim(article_factory)
    response = admin_client.get(reverse("admin:articles_claim_changelist"))
    assert "?quantity_unit__exact=EUR" in response.text
    filtered = admin_client.get(reverse("admin:articles_claim_changelist"), {"quantity_unit__exact": "USD"})
    assert not filtered.context["cl"].result_list


def test_long_lists_show_an_estimate_instead_of_counting_everything(admin_client, article_factory, monkeypatch):
    monkeypatch.setattr(admin_scale, "EXACT_COUNT_UP_TO", 3)
    for i in range(6):
        _claim(article_factory, f"Die Stadt plant {i + 10} Milliarden Euro für Glasfaser.")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_claim")
    response = admin_client.get(reverse("admin:articles_claim_changelist"))
    assert response.status_code == 200
    assert response.context["cl"].result_count >= 4  # at least "more than 3", never a full COUNT(*)
    assert response.context["cl"].full_result_count is None


@pytest.mark.parametrize("name", ["articles_claim_changelist", "articles_article_changelist",
                                  "articles_claimlink_changelist"])
def test_changelists_run_the_same_queries_however_many_rows(admin_client, article_factory, name):
    url = reverse(f"admin:{name}")

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(url).status_code == 200
        return len(captured)

    a = _claim(article_factory, "Die Stadt plant 1 Milliarde Euro für Glasfaser.")
    b = _claim(article_factory, "Der Bund plant 2 Milliarden Euro für Glasfaser.")
    services.claim_link(from_claim_id=a.pk, to_claim_id=b.pk, relation="contradicts", user=None)
    few = queries()
    for i in range(12):
        c = _claim(article_factory, f"Das Land plant {i + 3} Milliarden Euro für Glasfaser.")
        services.claim_link(from_claim_id=c.pk, to_claim_id=a.pk, relation="same", user=None)
    assert queries() == few


@pytest.mark.parametrize(("name", "term"), [("articles_claim_changelist", "Glasfaser"),
                                            ("articles_article_changelist", "Testartikel"),
                                            ("articles_claimlink_changelist", "Glasfaser")])
def test_changelist_rows_read_as_djangos_own_with_filters_kept_in_the_links(admin_client, article_factory, name,
                                                                            term):
    from django.contrib.admin.templatetags.admin_list import results

    from articles.templatetags.admin_quick import quick_results

    topic = Topic.objects.create(slug="netze", name="Netze")
    a = _claim(article_factory, "Die Stadt plant 1 Milliarde Euro für Glasfaser.", speaker="Ada Quell")
    b = _claim(article_factory, "Der Bund plant 2 Milliarden Euro für Glasfaser.")
    Claim.objects.filter(pk=b.pk).update(topic=topic, status="accepted", verdict="false", published=True)
    services.claim_link(from_claim_id=a.pk, to_claim_id=b.pk, relation="contradicts", user=None)
    response = admin_client.get(reverse(f"admin:{name}"), {"q": term})
    cl = response.context["cl"]
    assert len(cl.result_list) == (1 if name == "articles_claimlink_changelist" else 2)
    fast = [[str(cell) for cell in row] for row in quick_results(cl)]
    assert fast == [[str(cell) for cell in row] for row in results(cl)]
    change = reverse(f"admin:{name.replace('changelist', 'change')}", args=[cl.result_list[0].pk])
    assert f'<a href="{change}?_changelist_filters=q%3D{term}">' in "".join(fast[0])
    assert all(cell in response.text for row in fast for cell in row)
    if name == "articles_claim_changelist":
        accepted = "".join(fast[0])  # newest first: the accepted, published claim with its choice labels
        assert "Netze" in accepted and '<td class="field-status">accepted</td>' in accepted
        assert '<td class="field-verdict">False</td>' in accepted and 'alt="True"' in accepted


def test_the_claim_forms_topic_menu_lists_topics_and_a_new_topic_saves(admin_client, article_factory):
    first = Topic.objects.create(slug="netze", name="Netze & Leitungen")
    second = Topic.objects.create(slug="speicher", name="Speicher")
    claim = _claim(article_factory)
    Claim.objects.filter(pk=claim.pk).update(topic=first)
    url = reverse("admin:articles_claim_change", args=[claim.pk])
    response = admin_client.get(url)
    assert f'<option value="{first.pk}" selected>Netze &amp; Leitungen</option>' in response.text
    assert f'<option value="{second.pk}">Speicher</option>' in response.text
    assert '<option value="figure" selected>figure</option>' in response.text
    data = _form_data(response)
    assert admin_client.post(url, {**data, "topic": str(second.pk)}).status_code == 302
    claim.refresh_from_db()
    assert claim.topic == second


def test_the_topic_filter_links_keep_the_search_and_pick_one_topic(admin_client, article_factory):
    from django.contrib.admin import RelatedFieldListFilter

    topics = [Topic.objects.create(slug=f"t{i}", name=f"Thema {i}") for i in range(3)]
    _claim(article_factory)
    response = admin_client.get(reverse("admin:articles_claim_changelist"),
                                {"q": "Glasfaser", "status__exact": "candidate"})
    cl = response.context["cl"]
    spec = next(s for s in cl.filter_specs if isinstance(s, RelatedFieldListFilter))
    links = [choice["query_string"] for choice in spec.choices(cl)]
    assert links == [choice["query_string"] for choice in RelatedFieldListFilter.choices(spec, cl)]
    assert f"?q=Glasfaser&amp;status__exact=candidate&amp;topic__id__exact={topics[1].pk}" in response.text
    assert "topic__isnull=True" in links[-1]
