"""Local set-up for `make run`: the demo data once, an editor and an admin with random passwords."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from articles.demo import demo_load
from articles.selectors import EDITORS_GROUP

LOGINS = Path(settings.BASE_DIR) / "var" / "demo_logins.json"


class Command(BaseCommand):
    help = "Load the demo data once and print the demo logins (DEBUG only, never in production)."

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG:
            raise CommandError("setup_demo runs only with DJANGO_DEBUG=1 (local development).")
        created = demo_load()
        self.stdout.write(f"demo data: {'loaded ' + str(created) + ' claims' if created else 'already there'}")
        logins = self._ensure_users()
        self.stdout.write("demo logins for this database (also in var/demo_logins.json):")
        for role, (username, password) in logins.items():
            self.stdout.write(f"  {role:7} {username} / {password}")

    @transaction.atomic
    def _ensure_users(self) -> dict[str, tuple[str, str]]:
        key = f"{connection.settings_dict.get('HOST')}/{connection.settings_dict.get('NAME')}"
        saved = {}
        if LOGINS.exists():
            saved = json.loads(LOGINS.read_text()).get(key, {})
        User = get_user_model()
        logins: dict[str, tuple[str, str]] = {}
        for role, username in (("editor", "editor"), ("admin", "admin")):
            user = User.objects.filter(username=username).first()
            password = saved.get(role)
            if user is None or password is None or not user.check_password(password):
                password = secrets.token_urlsafe(12)
                if user is None:
                    user = User(username=username)
                user.set_password(password)
                user.is_staff = user.is_superuser = role == "admin"
                user.save()
            if role == "editor":
                user.groups.add(Group.objects.get(name=EDITORS_GROUP))
            logins[role] = (username, password)
        data = json.loads(LOGINS.read_text()) if LOGINS.exists() else {}
        data[key] = {role: pw for role, (_, pw) in logins.items()}
        LOGINS.parent.mkdir(parents=True, exist_ok=True)
        LOGINS.write_text(json.dumps(data, indent=1))
        LOGINS.chmod(0o600)
        return logins
