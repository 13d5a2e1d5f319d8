from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, Permission

from articles import services
from articles.importers.types import ArticleDraft
from articles.selectors import EDITORS_GROUP


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("erika", password="a-long-test-password")
    user.groups.add(Group.objects.get_or_create(name=EDITORS_GROUP)[0])
    return user


@pytest.fixture
def reader(django_user_model):
    return django_user_model.objects.create_user("rolf", password="a-long-test-password")


@pytest.fixture
def importer(django_user_model):
    user = django_user_model.objects.create_user("ida", password="a-long-test-password", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="import_articles"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def make_article(title: str = "Ein Testartikel", body: str = "Der Text des Artikels.", **extra) -> int:
    draft = ArticleDraft(title=title, body=body, published_on=extra.pop("published_on", dt.date(2025, 1, 23)),
                         date_precision="day", language=extra.pop("language", "de"), **extra)
    return services.article_import(draft=draft, source_file="test", extract=False).article_id


@pytest.fixture
def article_factory():
    return make_article


@pytest.fixture(autouse=True)
def _readers_cache_starts_fresh(request):
    """A new stamp for the readers' page cache before each test that uses the database: a page cached by an
    earlier test (whose rows were rolled back, so no write told the cache) is never served to this one."""
    from articles import public_cache

    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if "transactional_db" in names or "live_server" in names or (marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
    elif "db" in names or marker is not None:
        request.getfixturevalue("db")
    else:
        return
    public_cache._new_stamp()
