"""Settings, read from the environment so one build runs on a laptop and in production.

Production must be told its secret key; without one it refuses to start rather than
run with a guessable key. Only the test suite and an explicit ``VARNA_DEBUG=true``
may fall back to a fixed, openly insecure development key. ``.env.example`` lists
every variable read here.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

WEB_DIR = Path(__file__).resolve().parent.parent
# src/varna/web/config/settings.py → the directory holding pyproject.toml.
PROJECT_ROOT = Path(__file__).resolve().parents[4]

_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off", ""})


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no variable; a typo must stop the start, not silently mean "no"."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# pytest-django imports these settings before any conftest runs, so the test run is
# recognised by pytest already being imported.
TESTING = "pytest" in sys.modules
DEBUG = env_bool("VARNA_DEBUG", False)

# An insecure key that may only ever be used by tests and by explicit debug runs.
_DEV_SECRET_KEY = "insecure-development-key-never-use-in-production"  # noqa: S105


def _secret_key() -> str:
    key = os.environ.get("VARNA_SECRET_KEY", "").strip()
    if key:
        return key
    key_file = os.environ.get("VARNA_SECRET_KEY_FILE", "").strip()
    if key_file:
        try:
            key = Path(key_file).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"VARNA_SECRET_KEY_FILE {key_file!r} cannot be read: {exc}") from exc
        if not key:
            raise ImproperlyConfigured(f"VARNA_SECRET_KEY_FILE {key_file!r} is empty")
        return key
    if TESTING or DEBUG:
        return _DEV_SECRET_KEY
    raise ImproperlyConfigured(
        "production refuses to start without a secret key: set VARNA_SECRET_KEY or "
        "VARNA_SECRET_KEY_FILE (or VARNA_DEBUG=true on a developer's machine)"
    )


SECRET_KEY = _secret_key()

ALLOWED_HOSTS = env_list("VARNA_ALLOWED_HOSTS", "127.0.0.1,localhost")
if TESTING:
    ALLOWED_HOSTS.append("testserver")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "varna.web.core",
    "varna.web.provisions",
    "varna.web.sharing",
    "varna.web.knowledge",
    "varna.web.concern",
    "varna.web.concern_note",
    "varna.web.deid",
    "varna.web.api",
    "varna.web.accounts",
    "varna.web.audit",
    "varna.web.matters",
    "varna.web.consent",
    "varna.web.disclosures",
    "varna.web.meetings",
    "varna.web.workspace",
    "varna.web.profiles",
    "varna.web.plans",
    "varna.web.picture",
]

# --- the workspace: accounts, sessions, passwords -----------------------------------
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "workspace:start"
LOGOUT_REDIRECT_URL = "accounts:login"
# Argon2id first: new passwords are hashed with it, older hashes are upgraded at login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if TESTING:
    # Argon2 is slow by design; the tests create hundreds of users.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *PASSWORD_HASHERS]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# A workspace session ends after two idle hours and when the browser closes.
SESSION_COOKIE_AGE = int(os.environ.get("VARNA_SESSION_SECONDS", str(2 * 60 * 60)))
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Failed logins per username and per address before a pause (see accounts.throttle).
VARNA_LOGIN_ATTEMPTS = int(os.environ.get("VARNA_LOGIN_ATTEMPTS", "5"))
VARNA_LOGIN_LOCK_SECONDS = int(os.environ.get("VARNA_LOGIN_LOCK_SECONDS", str(15 * 60)))
# How long a closed individual matter is kept; the municipality's records plan decides.
VARNA_RETENTION_DAYS = int(os.environ.get("VARNA_RETENTION_DAYS", str(5 * 365)))

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "varna.web.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# The organisation the guide's pages answer from; the bundled Malmö 2015 file when unset.
VARNA_MUNICIPALITY_FILE = os.environ.get("VARNA_MUNICIPALITY_FILE", "").strip() or None

ROOT_URLCONF = "varna.web.config.urls"
WSGI_APPLICATION = "varna.web.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "varna.web.core.context_processors.site",
                "varna.web.workspace.context_processors.workspace",
            ],
        },
    },
]

# --- database: DATABASE_URL (PostgreSQL in production), else SQLite in the data dir ----
DATA_DIR = Path(os.environ.get("VARNA_DATA_DIR") or PROJECT_ROOT / "var")
if "DATABASE_URL" not in os.environ and not TESTING:
    DATA_DIR.mkdir(parents=True, exist_ok=True)  # SQLite cannot create its directory
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'varna.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    ),
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- language and time -----------------------------------------------------------------
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska"), ("en", "English")]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Stockholm"
USE_TZ = True

# --- static files: WhiteNoise serves them from gunicorn, no separate web server needed ---
STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_ROOT / "staticfiles"
STATICFILES_DIRS = [WEB_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        # Tests run without collectstatic, so they cannot use the manifest.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
if TESTING:
    WHITENOISE_AUTOREFRESH = True
    WHITENOISE_USE_FINDERS = True

# --- security headers (the Content-Security-Policy comes from varna.web.core.middleware) -
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Behind a TLS-terminating proxy by default; `make run` serves plain http on 127.0.0.1.
# The test client speaks plain http, so tests always run as if VARNA_HTTPS=false.
HTTPS = env_bool("VARNA_HTTPS", True) and not TESTING
if HTTPS:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("VARNA_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = False  # other services may share the parent domain
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# --- logging: to stderr, where gunicorn and the service manager collect it. -------------
# Nothing here logs request bodies: a question may describe a young person.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"},
    },
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "stream": "ext://sys.stderr", "formatter": "plain"},
    },
    "root": {"handlers": ["stderr"], "level": os.environ.get("VARNA_LOG_LEVEL", "INFO").upper()},
    # Replace Django's own console handler, which would print every record twice.
    "loggers": {"django": {"handlers": ["stderr"], "level": "INFO", "propagate": False}},
}
