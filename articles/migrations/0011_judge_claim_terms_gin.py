"""A GIN index on Claim.terms: link candidates that share a subject term with a new claim (issue 11, part 4)."""

import django.contrib.postgres.indexes
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_readers_search_timeline_indexes")]

    operations = [
        migrations.AddIndex(
            model_name="claim",
            index=django.contrib.postgres.indexes.GinIndex(fields=["terms"], name="claim_terms_gin", fastupdate=False),
        ),
    ]
