"""Logging in and out: throttling, the audit entries, POST-only logout, login required everywhere."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from tests.workspace import PASSWORD, logged_in, make_user

from varna.web.accounts import throttle
from varna.web.accounts.models import LoginFailure, Unit
from varna.web.audit.models import Action, AuditEntry

pytestmark = pytest.mark.django_db

LOGIN = "/konto/logga-in/"


def _post(client: Client, username: str, password: str, address: str = "10.1.2.3", **extra: str) -> object:
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **extra)


def test_the_login_page_is_swedish_and_english(units: dict[str, Unit]) -> None:
    page = Client().get(LOGIN)
    assert page.status_code == 200
    assert "Logga in" in page.content.decode()
    english = Client().get("/en/konto/logga-in/")
    assert "Log in to the workspace" in english.content.decode()


def test_a_right_password_logs_in_redirects_to_next_and_is_audited(units: dict[str, Unit]) -> None:
    user = make_user("ifo-norr")
    client = Client()
    response = _post(client, user.username, PASSWORD, next="/arbetsrum/")
    response = client.post(
        LOGIN,
        {"username": user.username, "password": PASSWORD, "next": "/arbetsrum/"},
        REMOTE_ADDR="10.1.2.3",
    )
    assert response.status_code == 302 and response["Location"] == "/arbetsrum/"
    entry = AuditEntry.objects.filter(action=Action.LOGIN).latest("seq")
    assert entry.username == user.username and entry.user_authority == "sdn-norr"


def test_next_to_another_site_is_ignored(units: dict[str, Unit]) -> None:
    user = make_user("ifo-norr")
    response = Client().post(
        LOGIN, {"username": user.username, "password": PASSWORD, "next": "https://example.com/"}
    )
    assert response.status_code == 302 and response["Location"] == reverse("workspace:start")


def test_a_wrong_password_is_audited_with_the_username_but_never_the_password(units: dict[str, Unit]) -> None:
    user = make_user("ifo-norr")
    response = _post(Client(), user.username, "fel-lösenord-hemligt")
    assert response.status_code == 200
    assert "Användarnamnet eller lösenordet är fel" in response.content.decode()
    entry = AuditEntry.objects.get(action=Action.LOGIN_FAILED)
    assert entry.username == user.username
    assert "fel-lösenord-hemligt" not in str(entry.detail) + entry.summary
    assert LoginFailure.objects.filter(username=user.username).count() == 1


def test_an_unknown_username_is_recorded_as_typed(units: dict[str, Unit]) -> None:
    _post(Client(), "Ingen.Sådan", "vad-som-helst-123")
    assert AuditEntry.objects.get(action=Action.LOGIN_FAILED).username == "Ingen.Sådan"


def test_after_the_limit_even_the_right_password_is_refused(units: dict[str, Unit], settings: object) -> None:
    user = make_user("ifo-norr")
    client = Client()
    for _ in range(5):
        _post(client, user.username, "fel-lösenord-igen")
    response = _post(client, user.username, PASSWORD)
    assert response.status_code == 429
    body = response.content.decode()
    assert "Inloggningen är pausad" in body and "Försök igen klockan" in body
    assert "_auth_user_id" not in client.session
    assert AuditEntry.objects.filter(action=Action.LOGIN_BLOCKED, username=user.username).exists()
    assert not AuditEntry.objects.filter(action=Action.LOGIN).exists()


def test_the_limit_counts_per_address_too(units: dict[str, Unit]) -> None:
    user = make_user("ifo-norr")
    for i in range(5):
        _post(Client(), f"gissning{i}", "fel-lösenord-igen", address="10.9.9.9")
    assert _post(Client(), user.username, PASSWORD, address="10.9.9.9").status_code == 429
    # The same user from another address is not paused: the username itself has no failures.
    assert _post(Client(), user.username, PASSWORD, address="10.8.8.8").status_code == 302


def test_the_pause_ends_after_the_window(units: dict[str, Unit], settings: object) -> None:
    user = make_user("ifo-norr")
    long_ago = timezone.now() - dt.timedelta(seconds=16 * 60)
    for _ in range(5):
        LoginFailure.objects.create(username=user.username, address="10.1.2.3", at=long_ago)
    assert throttle.locked_until(username=user.username, address="10.1.2.3") is None
    assert _post(Client(), user.username, PASSWORD).status_code == 302


def test_success_clears_the_usernames_failures_and_old_rows_are_pruned(units: dict[str, Unit]) -> None:
    user = make_user("ifo-norr")
    LoginFailure.objects.create(
        username="någon", address="10.0.0.1", at=timezone.now() - dt.timedelta(days=2)
    )
    for _ in range(3):
        _post(Client(), user.username, "fel-lösenord-igen")
    assert not LoginFailure.objects.filter(username="någon").exists()
    _post(Client(), user.username, PASSWORD)
    assert not LoginFailure.objects.filter(username=user.username).exists()


def test_the_settings_decide_the_limit(units: dict[str, Unit], settings: object) -> None:
    settings.VARNA_LOGIN_ATTEMPTS = 2  # type: ignore[attr-defined]
    user = make_user("ifo-norr")
    for _ in range(2):
        _post(Client(), user.username, "fel-lösenord-igen")
    assert _post(Client(), user.username, PASSWORD).status_code == 429


def test_a_deactivated_account_cannot_log_in(units: dict[str, Unit]) -> None:
    user = make_user("ifo-norr")
    user.is_active = False
    user.save()
    response = _post(Client(), user.username, PASSWORD)
    assert response.status_code == 200 and "_auth_user_id" not in response.client.session


def test_logout_is_post_only_and_audited(units: dict[str, Unit]) -> None:
    user = make_user("ifo-norr")
    client = logged_in(user)
    page = client.get("/konto/logga-ut/")  # a page with the button: a GET logs nobody out
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    assert client.get("/arbetsrum/").status_code == 200
    response = client.post("/konto/logga-ut/")
    assert response.status_code == 302 and response["Location"] == LOGIN
    assert AuditEntry.objects.filter(action=Action.LOGOUT, username=user.username).exists()
    assert client.get("/arbetsrum/").status_code == 302


def test_the_workspace_start_redirects_anonymous_users_to_the_login_page() -> None:
    response = Client().get("/arbetsrum/")
    assert response.status_code == 302
    assert response["Location"] == f"{LOGIN}?next=/arbetsrum/"


def _workspace_routes() -> list[str]:
    from django.urls import URLPattern, URLResolver, get_resolver

    found: list[str] = []

    def walk(patterns: list[object], prefix: str) -> None:
        for pattern in patterns:
            text = prefix + str(pattern.pattern)  # type: ignore[attr-defined]
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, text)
            elif isinstance(pattern, URLPattern) and text.startswith("arbetsrum/"):
                found.append(text)

    walk(get_resolver().url_patterns, "")
    return found


def test_every_page_under_arbetsrum_requires_login(units: dict[str, Unit]) -> None:
    import re

    routes = _workspace_routes()
    assert "arbetsrum/logg/" in routes and "arbetsrum/admin/anvandare/" in routes
    for route in routes:
        url = "/" + re.sub(r"<(?:\w+:)?\w+>", "1", route)
        for method in ("get", "post"):
            response = getattr(Client(), method)(url)
            assert response.status_code in (302, 405), (url, method, response.status_code)
            if response.status_code == 302:
                assert response["Location"].startswith(LOGIN + "?next="), url


def test_the_session_ends_with_the_browser_and_after_idle_time(
    units: dict[str, Unit], settings: object
) -> None:
    user = make_user("ifo-norr")
    client = Client()
    response = _post(client, user.username, PASSWORD)
    cookie = response.cookies["sessionid"]
    assert not cookie["expires"] and not cookie["max-age"]  # a browser-session cookie
    assert client.session.get_expiry_age() == 2 * 60 * 60
    assert client.session.get_expire_at_browser_close()


@pytest.mark.parametrize("role", ["member", "convener", "administrator"])
def test_the_start_page_renders_for_every_role(units: dict[str, Unit], role: str) -> None:
    from varna.web.accounts.models import Role

    page = logged_in(make_user("ifo-norr", role=Role(role))).get("/arbetsrum/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "<h1>Arbetsrummet</h1>" in body and "Logga ut" in body
    assert ("Användare och enheter" in body) is (role == "administrator")


def test_an_address_that_is_paused_stays_paused_without_a_username(units: dict[str, Unit]) -> None:
    for i in range(5):
        _post(Client(), f"gissning{i}", "fel-lösenord-igen", address="10.7.7.7")
    response = _post(Client(), "", "", address="10.7.7.7")
    assert response.status_code == 429
