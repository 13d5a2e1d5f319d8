"""Settings for factcheck, read from the environment (see shared docs/interfaces.md)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

DEV_SECRET_KEY = "django-insecure-factcheck-development-key-do-not-deploy"  # noqa: S105 (refused when served)
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", DEV_SECRET_KEY)
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]

TESTING = "pytest" in sys.modules or os.environ.get("FACTCHECK_TESTING") == "1"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_htmx",
    "pgtrigger",
    "pghistory",
    "django_tasks_db",
    "articles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "factcheck.static.StaticFilesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "pghistory.middleware.HistoryMiddleware",
]

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "articles.workspace_cache.csrf_placeholder",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    from factcheck.localdb import embedded_database_url

    DATABASES = {"default": dj_database_url.parse(embedded_database_url(), conn_max_age=60)}
DATABASES["default"]["ENGINE"] = "django.db.backends.postgresql"
DATABASES["default"].setdefault("TEST", {})["NAME"] = os.environ.get("FACTCHECK_TEST_DB", "test_factcheck")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
# Served by WhiteNoise (factcheck/static.py): hashed names for a year-long cache in production; tests and
# development read the files in place, so they need no collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "review:claim_list"
LOGOUT_REDIRECT_URL = "timeline"

# Strict CSP: every script and style comes from our own origin; nothing inline.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Background work: a real database-backed worker (`manage.py db_worker`) by default;
# the immediate backend in tests so a task runs inside the request that enqueues it.
TASKS = {
    "default": {
        "BACKEND": "django.tasks.backends.immediate.ImmediateBackend"
        if TESTING and os.environ.get("FACTCHECK_TASKS") != "db"
        else "django_tasks_db.DatabaseBackend",
    }
}

# Import limits (bytes); a larger file fails alone with its reason.
FACTCHECK_MAX_IMPORT_BYTES = int(os.environ.get("FACTCHECK_MAX_IMPORT_BYTES", 200 * 1024 * 1024))
FACTCHECK_UPLOAD_DIR = BASE_DIR / "var" / "uploads"
DATA_UPLOAD_MAX_NUMBER_FILES = 500
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads no cookie: the token travels in hx-headers on <body>
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if not DEBUG:
    SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1" and not TESTING
    # load balancers probe over plain HTTP
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = not TESTING
    CSRF_COOKIE_SECURE = not TESTING
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
# Trust X-Forwarded-Proto only behind a TLS proxy that sets it; otherwise any client could claim https.
if os.environ.get("DJANGO_BEHIND_PROXY") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# --- Scaling out (issue 13): stateless app servers, shared cache and sessions, read replicas ----------------------
# Every app server shares the cache and the sessions: Redis when REDIS_URL is set (sessions cached_db: stored in
# PostgreSQL, read through Redis), else PostgreSQL's own cache table. Nothing lives in one process's memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL,
                          "KEY_PREFIX": "factcheck"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # room for every editor's pages (the default of 300 entries would cull them on every few stores)
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "factcheck_cache",
                          "OPTIONS": {"MAX_ENTRIES": 5000}}}

# Reads of safe requests may go to replicas (DATABASE_REPLICA_URLS, comma-separated); writes, transactions and a
# client's requests for REPLICA_PIN_SECONDS after its own write stay on the primary (factcheck/dbrouter.py).
DATABASE_REPLICAS = []
for _number, _url in enumerate(u.strip() for u in os.environ.get("DATABASE_REPLICA_URLS", "").split(",")):
    if _url:
        DATABASES[f"replica{_number + 1}"] = {**dj_database_url.parse(_url, conn_max_age=60),
                                              "ENGINE": "django.db.backends.postgresql",
                                              "TEST": {"MIRROR": "default"}}
        DATABASE_REPLICAS.append(f"replica{_number + 1}")
if TESTING and not DATABASE_REPLICAS:
    # a stand-in replica for the router's tests: a second connection to the same server (DATABASE_REPLICAS
    # stays empty, so nothing reads from it unless a test turns it on)
    DATABASES["replica1"] = {**DATABASES["default"], "TEST": {"MIRROR": "default"}}
DATABASE_ROUTERS = ["factcheck.dbrouter.PrimaryReplicaRouter"]
REPLICA_PIN_SECONDS = int(os.environ.get("REPLICA_PIN_SECONDS", 15))
MIDDLEWARE = [*MIDDLEWARE[:1], "factcheck.dbrouter.ReplicaMiddleware", *MIDDLEWARE[1:]]

# --- Operations: upload limits, worker limits (issue 7; README "Settings from the environment") ---------------
MIB = 1024 * 1024
# Single-article files (text, HTML, JSON, feeds) are parsed in memory; only JSON Lines may reach the file limit.
FACTCHECK_MAX_DOCUMENT_BYTES = int(os.environ.get("FACTCHECK_MAX_DOCUMENT_BYTES", 20 * MIB))
# Checked while the request streams in (articles/upload_limits.py): nothing over them reaches the disk.
FACTCHECK_MAX_UPLOAD_BYTES = int(os.environ.get("FACTCHECK_MAX_UPLOAD_BYTES", 500 * MIB))
FACTCHECK_MAX_UPLOAD_FILES = int(os.environ.get("FACTCHECK_MAX_UPLOAD_FILES", 100))
# Zips are unpacked by the worker: at most this many bytes in all, members packed tighter than the ratio fail.
FACTCHECK_MAX_UNPACKED_BYTES = int(os.environ.get("FACTCHECK_MAX_UNPACKED_BYTES", 1024 * MIB))
FACTCHECK_MAX_ZIP_RATIO = int(os.environ.get("FACTCHECK_MAX_ZIP_RATIO", 100))
# A worker stops an import job after this many seconds; the files not reached are reported as such.
FACTCHECK_JOB_TIME_LIMIT = int(os.environ.get("FACTCHECK_JOB_TIME_LIMIT", 30 * 60))
DATA_UPLOAD_MAX_NUMBER_FILES = FACTCHECK_MAX_UPLOAD_FILES + 1  # ours refuses first, with a form error
# our db_worker (recovery at start, articles/worker) must be found before django_tasks_db's own
INSTALLED_APPS.insert(INSTALLED_APPS.index("django_tasks_db"), "articles.worker")

# --- Accounts: login throttling (django-axes) and two-factor login (django-otp, TOTP) ---------------------------
import datetime as _dt  # noqa: E402

INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp"]
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
# OTP after authentication; the 2FA rule after OTP; axes last, as its documentation asks
MIDDLEWARE += ["django_otp.middleware.OTPMiddleware", "articles.two_factor.RequireTwoFactorMiddleware",
               "axes.middleware.AxesMiddleware"]
# after AXES_FAILURE_LIMIT failures an account, and separately an address, waits AXES_COOLOFF_TIME
AXES_FAILURE_LIMIT = int(os.environ.get("FACTCHECK_LOGIN_FAILURE_LIMIT", 5))
AXES_COOLOFF_TIME = _dt.timedelta(minutes=int(os.environ.get("FACTCHECK_LOGIN_COOLOFF_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "factcheck"
FACTCHECK_REQUIRE_2FA = os.environ.get("DJANGO_REQUIRE_2FA", "0") == "1"

# --- readers' site: interface languages (Accept-Language, or the reader's choice kept in a cookie), the API ---
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
                  "django.middleware.locale.LocaleMiddleware")
INSTALLED_APPS.append("ninja")  # serves the API docs' assets from our own static files (no CDN)
# Anonymous readers' pages from the shared cache, invalidated by one version stamp (articles/public_cache.py);
# last, so it sees the language, the HTMX headers and the URL's name
MIDDLEWARE.append("articles.public_cache.PublicPageCacheMiddleware")
# Signed-in users' review and admin pages from the cache, under the database's change stamp
# (articles/workspace_cache.py, articles/change_stamp.py); FACTCHECK_PAGE_CACHE=0 turns both caches off. Off by
# default under DEBUG (make run), where an edited template must show at once.
MIDDLEWARE.append("articles.workspace_cache.SignedInPageCacheMiddleware")
FACTCHECK_PAGE_CACHE = os.environ.get("FACTCHECK_PAGE_CACHE", "0" if DEBUG else "1") != "0"
# history context (user, URL) for the requests that write; a GET writes no tracked row
PGHISTORY_MIDDLEWARE_METHODS = ("POST", "PUT", "PATCH", "DELETE")
FACTCHECK_PUBLISHER_NAME = os.environ.get("FACTCHECK_PUBLISHER_NAME", "factcheck")
# Inputs, textareas and selects rendered in Python, same markup as Django's templates (articles/form_renderer.py)
FORM_RENDERER = "articles.form_renderer.QuickFormRenderer"
