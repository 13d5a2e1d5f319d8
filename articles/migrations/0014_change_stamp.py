from django.db import migrations

from articles.change_stamp import CREATE_SQL, DROP_SQL


class Migration(migrations.Migration):
    """One counter that every committed write bumps, kept by PostgreSQL itself (articles/change_stamp.py): the
    signed-in page cache's version stamp. The triggers on each table are installed after every migrate."""

    dependencies = [
        ('articles', '0013_import_claim_unit_value_id'),
    ]

    operations = [migrations.RunSQL(CREATE_SQL, DROP_SQL)]
