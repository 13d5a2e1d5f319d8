import django.db.models.deletion
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models


class Migration(migrations.Migration):
    """The suggestions' shared-subject-term candidates: a GIN index on Claim.terms made PostgreSQL fetch every
    claim carrying any of a new claim's terms (up to 2,000 a term) to keep the newest ten; a narrow table of
    (term, claim_id) under a btree gives each term's newest ten from the index. Claim's triggers keep it; the
    claims already there are copied in; the GIN index, used by nothing else, goes."""

    dependencies = [
        ('articles', '0014_change_stamp'),
    ]

    operations = [
        migrations.CreateModel(
            name='ClaimTerm',
            fields=[
                ('pk', models.CompositePrimaryKey('term', 'claim_id', blank=True, editable=False, primary_key=True, serialize=False)),
                ('term', models.CharField(max_length=100)),
                ('claim', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='articles.claim')),
            ],
        ),
        migrations.RemoveIndex(
            model_name='claim',
            name='claim_terms_gin',
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='claim',
            trigger=pgtrigger.compiler.Trigger(name='claim_terms_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO articles_claimterm (term, claim_id) SELECT DISTINCT t, n.id FROM new_claims n, unnest(n.terms) t WHERE t IS NOT NULL; RETURN NULL;', hash='65f478ca7ce6ef67d1ea8fa5a57779787a1c7166', level='STATEMENT', operation='INSERT', pgid='pgtrigger_claim_terms_insert_1b3f5', referencing='REFERENCING NEW TABLE AS new_claims ', table='articles_claim', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='claim',
            trigger=pgtrigger.compiler.Trigger(name='claim_terms_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD."id" IS DISTINCT FROM (NEW."id") OR OLD."terms" IS DISTINCT FROM (NEW."terms"))', func='DELETE FROM articles_claimterm WHERE term = ANY(OLD.terms) AND claim_id = OLD.id; INSERT INTO articles_claimterm (term, claim_id) SELECT DISTINCT t, NEW.id FROM unnest(NEW.terms) t WHERE t IS NOT NULL; RETURN NULL;', hash='89a0ed897100b0e090ce34aaaf94a18bd5774a40', operation='UPDATE', pgid='pgtrigger_claim_terms_update_317cc', table='articles_claim', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='claim',
            trigger=pgtrigger.compiler.Trigger(name='claim_terms_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func='DELETE FROM articles_claimterm c USING (SELECT DISTINCT t, o.id FROM old_claims o, unnest(o.terms) t) d WHERE c.term = d.t AND c.claim_id = d.id; RETURN NULL;', hash='f114008f2cd68e85c3d5a16977fdd3c7c9a2a6dc', level='STATEMENT', operation='DELETE', pgid='pgtrigger_claim_terms_delete_04918', referencing='REFERENCING OLD TABLE AS old_claims ', table='articles_claim', when='AFTER')),
        ),
        migrations.RunSQL(
            "INSERT INTO articles_claimterm (term, claim_id) "
            "SELECT DISTINCT t, c.id FROM articles_claim c, unnest(c.terms) t WHERE t IS NOT NULL",
            migrations.RunSQL.noop,
        ),
    ]
