from django.db import migrations

EDITOR_PERMISSIONS = ["view_claim", "change_claim", "add_claimlink", "change_claimlink", "view_claimlink",
                      "view_article", "view_topic", "change_topic", "view_speaker", "change_speaker"]


def create_editors(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="Editors")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="articles", codename__in=EDITOR_PERMISSIONS))


class Migration(migrations.Migration):
    """The Editors group reviews, links and publishes claims (interfaces.md, roles)."""

    dependencies = [("articles", "0002_initial"), ("auth", "0012_alter_user_first_name_max_length"),
                    ("contenttypes", "0002_remove_content_type_name")]
    operations = [migrations.RunPython(create_editors, migrations.RunPython.noop)]
