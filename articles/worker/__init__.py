"""The background worker: `manage.py db_worker` from django-tasks-db, with a recovery step at start.

This app is listed before django_tasks_db in INSTALLED_APPS so that its db_worker command is the one run.
"""
