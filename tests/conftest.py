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
