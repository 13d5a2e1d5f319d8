from django.apps import AppConfig


class WorkerConfig(AppConfig):
    name = "articles.worker"
    label = "articles_worker"
    verbose_name = "Background worker"
