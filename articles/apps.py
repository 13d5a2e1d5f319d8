from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = "Articles and claims"

    def ready(self) -> None:
        from articles import public_cache

        public_cache.connect_signals()  # readers' cached pages go stale when what they show changes
