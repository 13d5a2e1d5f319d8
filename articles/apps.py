from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "Articles and claims"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from articles import change_stamp, public_cache

        public_cache.connect_signals()  # readers' cached pages go stale when what they show changes
        # every table (a later migration's too) bumps the change stamp of the signed-in page cache
        post_migrate.connect(change_stamp.on_post_migrate, sender=self, dispatch_uid="change_stamp_triggers")
