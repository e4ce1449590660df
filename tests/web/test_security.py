"""Security headers on every page, and settings that refuse to run production unsafely."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

PAGES = ["/", "/en/", "/lagrum/", "/lagrum/osl-26-1/", "/api/", "/finns-inte/"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_carry_the_security_headers(client: Client, path: str) -> None:
    response = client.get(path)
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_no_inline_scripts_or_styles(client: Client, path: str) -> None:
    """The CSP would block them, so any that crept in would silently break the page."""
    page = client.get(path).content.decode()
    assert "<script" not in page
    assert "<style" not in page
    assert " style=" not in page
    assert not re.search(r"\son[a-z]+\s*=", page)  # no onclick= and the like


def test_the_api_carries_the_headers_too(api_client: Client) -> None:
    response = api_client.post("/api/assess", "{}", content_type="application/json")
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_session_cookie_is_not_readable_by_scripts() -> None:
    from django.conf import settings

    assert settings.SESSION_COOKIE_HTTPONLY


# --- settings outside the test run: a clean environment, a real interpreter ----------------

PROBE = (
    "import json, django\n"
    "from django.conf import settings\n"
    "django.setup()\n"
    "print(json.dumps({k: getattr(settings, k, None) for k in ("
    "'DEBUG', 'SECURE_SSL_REDIRECT', 'SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', "
    "'SECURE_HSTS_SECONDS', 'SECURE_PROXY_SSL_HEADER', 'ALLOWED_HOSTS', 'SECRET_KEY')}))\n"
)


def run_settings(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        "PATH": os.environ.get("PATH", ""),
        "DJANGO_SETTINGS_MODULE": "varna.web.config.settings",
        "VARNA_DATA_DIR": str(tmp_path),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", PROBE], env=clean, capture_output=True, text=True, timeout=60, check=False
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path: Path) -> None:
    result = run_settings(tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "secret key" in result.stderr


def test_a_secret_key_turns_on_https_protection(tmp_path: Path) -> None:
    result = run_settings(tmp_path, VARNA_SECRET_KEY="k" * 50)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["DEBUG"] is False
    assert values["SECRET_KEY"] == "k" * 50
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True and values["CSRF_COOKIE_SECURE"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 60 * 60
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert "testserver" not in values["ALLOWED_HOSTS"]


def test_the_secret_key_can_come_from_a_file(tmp_path: Path) -> None:
    key_file = tmp_path / "secret-key"
    key_file.write_text("from-a-file\n", encoding="utf-8")
    result = run_settings(tmp_path, VARNA_SECRET_KEY_FILE=str(key_file), VARNA_HTTPS="false")
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values["SECRET_KEY"] == "from-a-file"  # noqa: S105
    assert values["SECURE_SSL_REDIRECT"] is False and values["SESSION_COOKIE_SECURE"] is False


def test_an_empty_or_missing_key_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty").write_text("", encoding="utf-8")
    for path in (tmp_path / "empty", tmp_path / "missing"):
        result = run_settings(tmp_path, VARNA_SECRET_KEY_FILE=str(path))
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr


def test_a_misspelt_boolean_is_refused(tmp_path: Path) -> None:
    result = run_settings(tmp_path, VARNA_SECRET_KEY="k", VARNA_HTTPS="ja")
    assert result.returncode != 0
    assert "VARNA_HTTPS" in result.stderr


def test_debug_may_use_the_development_key(tmp_path: Path) -> None:
    result = run_settings(tmp_path, VARNA_DEBUG="true", VARNA_HTTPS="false")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["DEBUG"] is True


@pytest.mark.django_db
def test_the_configured_database_is_migrated() -> None:
    """Runs on SQLite and, with DATABASE_URL, on PostgreSQL: the same migrations for both."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM django_session")
        assert cursor.fetchone() == (0,)
    assert connection.vendor in {"sqlite", "postgresql"}
