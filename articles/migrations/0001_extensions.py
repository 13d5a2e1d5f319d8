from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """pg_trgm for similar-claim suggestions and search; unaccent for accent-blind search."""

    initial = True
    dependencies = []
    operations = [TrigramExtension(), UnaccentExtension()]
