"""`make serve` as a deployment runs it: gunicorn, WhiteNoise, plain HTTP health checks, no internals shown."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from factcheck.localdb import database_url

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.django_db(transaction=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, **headers) -> tuple[int, dict, str]:
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers), timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST", "FACTCHECK_TASKS"))}
    env.update(DATABASE_URL=database_url(connection.settings_dict, connection.settings_dict["NAME"]), **extra)
    return env


def test_serve_refuses_to_start_without_a_secret_key():
    result = subprocess.run(["make", "-s", "serve"], cwd=ROOT, env=serve_env(), capture_output=True, text=True,
                            timeout=120)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stdout + result.stderr


def test_serve_runs_gunicorn_with_static_files_and_plain_http_health_checks():
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="factcheck-static-") as static_root:
        env = serve_env(PORT=str(port), WEB_CONCURRENCY="2", DJANGO_STATIC_ROOT=static_root, DJANGO_BEHIND_PROXY="1",
                        DJANGO_SECRET_KEY="a-test-secret-" + "x" * 50, DJANGO_ALLOWED_HOSTS="127.0.0.1")
        server = subprocess.Popen(["make", "-s", "serve"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, text=True, start_new_session=True)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(600):
                try:
                    status, _, _ = fetch(base + "/healthz")
                    break
                except OSError:
                    if server.poll() is not None:
                        raise AssertionError(server.stdout.read()) from None
                    time.sleep(0.2)
            assert status == 200, "a load balancer probes /healthz over plain HTTP"
            workers = subprocess.run(["pgrep", "-f", "-g", str(server.pid), "gunicorn"], capture_output=True,
                                     text=True).stdout.split()
            assert len(workers) == 3, "a master and WEB_CONCURRENCY workers"

            status, headers, _ = fetch(base + "/")
            assert status == 301 and headers["Location"].startswith("https://"), "plain HTTP goes to https"
            https = {"X-Forwarded-Proto": "https"}  # what the TLS proxy in front adds
            status, headers, body = fetch(base + "/", **https)
            assert status == 200
            assert "csrftoken" not in headers.get("Set-Cookie", ""), "no CSRF cookie on a page without a form"
            hashed = re.search(r'/static/(css/site\.[0-9a-f]{12}\.css)"', body).group(1)
            status, headers, body = fetch(f"{base}/static/{hashed}", **https)
            assert status == 200 and "body" in body
            assert "max-age=31536000" in headers["Cache-Control"] and "immutable" in headers["Cache-Control"]
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=60)


def test_forwarded_https_is_trusted_only_behind_a_proxy_and_pages_show_no_internals(client, settings):
    show = "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)"
    for behind_proxy, expected in (("1", "HTTP_X_FORWARDED_PROTO"), ("", "None")):
        result = subprocess.run([sys.executable, "manage.py", "shell", "-c", show], cwd=ROOT,
                                env=serve_env(DJANGO_BEHIND_PROXY=behind_proxy), capture_output=True, text=True,
                                timeout=120)
        assert expected in result.stdout, result.stderr[-1000:]
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert b"Resolver404" not in response.content and b"Page not found" in response.content
    anonymous = client.get("/")
    assert "csrftoken" not in anonymous.cookies, "an anonymous page without a form sets no CSRF cookie"
    assert "csrftoken" in client.get("/accounts/login/").cookies, "the login form needs it"
