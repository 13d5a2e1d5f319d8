# Issue 13: a trigram index for the admin's article search, an index for the article list's order, and the shared cache table (settings.CACHES without
# REDIS_URL), so every app server sees the same cache.

import django.contrib.postgres.indexes
from django.conf import settings
from django.core.management import call_command
from django.db import migrations, models

CACHE_TABLE = "factcheck_cache"


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", CACHE_TABLE, database=schema_editor.connection.alias, verbosity=0)


def drop_cache_table(apps, schema_editor):
    schema_editor.execute(f'DROP TABLE IF EXISTS "{CACHE_TABLE}"')


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0007_checks_check'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='article',
            index=django.contrib.postgres.indexes.GinIndex(fields=['title'], name='article_title_trgm', opclasses=['gin_trgm_ops']),
        ),
        migrations.AddIndex(
            model_name='article',
            index=models.Index(fields=['-published_on', '-id'], name='article_published_id'),
        ),
        migrations.RunPython(create_cache_table, drop_cache_table),
    ]
