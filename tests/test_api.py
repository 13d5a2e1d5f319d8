"""The JSON API: answers match the published OpenAPI schema, only published data for anonymous callers,
the timeline's filters and cursors, a docs page of our own."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from jsonschema import Draft202012Validator

from articles import services
from articles.demo import demo_load
from articles.models import Article, Claim, Speaker
from articles.public_links import slug_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    demo_load()


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def check(client, schema: dict, path: str, template: str, params: dict | None = None, status: int = 200) -> dict:
    """GET path and validate the answer against the schema's response for `template`."""
    response = client.get(path, params or {})
    assert response.status_code == status, response.content
    answer = schema["paths"][template]["get"]["responses"][str(status)]["content"]["application/json"]["schema"]
    Draft202012Validator({**answer, "components": schema["components"]}).validate(response.json())
    return response.json()


def test_every_endpoint_answers_as_its_schema_says(client, demo, schema):
    claims = check(client, schema, "/api/v1/claims", "/api/v1/claims")
    assert claims["items"]
    one = claims["items"][0]
    check(client, schema, f"/api/v1/claims/{one['id']}", "/api/v1/claims/{claim_id}")
    topics = check(client, schema, "/api/v1/topics", "/api/v1/topics")
    check(client, schema, f"/api/v1/topics/{topics['items'][0]['slug']}", "/api/v1/topics/{slug}")
    speakers = check(client, schema, "/api/v1/speakers", "/api/v1/speakers")
    check(client, schema, f"/api/v1/speakers/{speakers['items'][0]['slug']}", "/api/v1/speakers/{slug}")
    first = check(client, schema, "/api/v1/speakers", "/api/v1/speakers", {"limit": 3})
    rest = client.get(first["next"]).json()
    assert len(first["items"]) == 3 and first["items"][-1]["name"] < rest["items"][0]["name"]
    articles = check(client, schema, "/api/v1/articles", "/api/v1/articles")
    check(client, schema, f"/api/v1/articles/{articles['items'][0]['id']}", "/api/v1/articles/{article_id}")
    check(client, schema, "/api/v1/claims/999999", "/api/v1/claims/{claim_id}", status=404)


def test_claims_carry_links_review_and_sources(client, demo, schema):
    claim = Claim.objects.get(text__startswith="Bund und Land fördern")
    data = check(client, schema, f"/api/v1/claims/{claim.pk}", "/api/v1/claims/{claim_id}")
    assert data["review"]["rating"] == "false"
    assert data["review"]["explanation"].startswith("Die Förderbescheide")
    assert data["review"]["sources"][0]["title"] == "Prüfbericht Chipwerk Lausitz"
    assert {link["relation"] for link in data["links"]} == {"contradicts"}
    assert data["quantity"] == {"value": 5e9, "unit": "EUR", "bound": "eq", "high": None}


def test_anonymous_callers_see_only_published_claims_and_editors_all(client, editor, demo, schema):
    candidate = Claim.objects.filter(published=False).first()
    assert candidate is not None  # the demo leaves open candidates for the editors
    assert client.get(f"/api/v1/claims/{candidate.pk}").status_code == 404
    listed = {c["id"] for c in client.get("/api/v1/claims", {"limit": 100}).json()["items"]}
    assert candidate.pk not in listed and all(Claim.objects.get(pk=i).published for i in listed)
    client.force_login(editor)
    assert client.get(f"/api/v1/claims/{candidate.pk}").status_code == 200
    assert candidate.pk in {c["id"] for c in client.get("/api/v1/claims", {"limit": 100}).json()["items"]}


def test_filters_and_cursor_pages(client, demo, schema):
    berger = Speaker.objects.get(name="Thomas Berger")
    data = check(client, schema, "/api/v1/claims", "/api/v1/claims",
                 {"speaker": slug_of(berger), "rating": "false", "from": "2025-01-01", "to": "2025-03-01"})
    assert [c["text"] for c in data["items"]] == ["Bund und Land fördern das Werk mit 5 Milliarden Euro"]
    assert check(client, schema, "/api/v1/claims", "/api/v1/claims", {"q": "Rechenzentren", "lang": "en"})["items"]
    seen, url = [], "/api/v1/claims?limit=4"
    while url:
        page = client.get(url).json()
        seen += [c["id"] for c in page["items"]]
        url = page["older"]
    assert len(seen) == len(set(seen)) == Claim.objects.filter(published=True).count()
    assert client.get("/api/v1/claims", {"from": "yesterday"}).status_code == 422
    assert client.get("/api/v1/claims", {"topic": "no-such-topic"}).status_code == 404


def test_claim_list_runs_a_constant_number_of_queries(client, demo):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/claims", {"limit": 100}).status_code == 200
        return len(queries)

    few = count()
    article = Article.objects.first()
    for i in range(20):
        services.claim_create(article=article, kind="figure", text=f"Satz {i}", stated_on=dt.date(2025, 5, i + 1),
                              status="accepted", published=True, verdict="true", speaker=f"Neu {i}")
    assert count() == few


def test_docs_page_lists_the_endpoints_without_any_outside_script(client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    assert "GET /api/v1/claims" in response.text and "/api/v1/openapi.json" in response.text
    assert "cdn" not in response.text.lower()
    assert client.get("/api/v1/").json()["docs"] == "/api/v1/docs"
