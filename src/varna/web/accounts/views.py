"""Login and logout, and the administrator's pages for accounts and units.

Views stay thin: the throttle decides whether an attempt may be tried, the form
checks it, the services write it and its audit entry. The administrator pages answer
403 to everyone but administrators (the role, or a superuser).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from http import HTTPStatus
from itertools import groupby
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render, resolve_url
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST

from varna.web.accounts import services, throttle
from varna.web.accounts.forms import (
    LoginForm,
    PasswordForm,
    UnitForm,
    UserCreateForm,
    UserEditForm,
)
from varna.web.accounts.models import Role, Unit, User
from varna.web.workspace.forms import error_summary, prepare

View = Callable[..., HttpResponse]


def _me(request: HttpRequest) -> User:
    """The logged-in user (the decorators have made sure there is one)."""
    return cast(User, request.user)


def administrator_required(view: View) -> View:
    """Logged in (else to the login page) and an administrator (else 403)."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(request.user, "is_administrator", False):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


# --- login and logout -------------------------------------------------------------------


def _next_url(request: HttpRequest) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def _try_again_at(until: dt.datetime) -> str:
    """The time to try again, rounded up to the minute, in the local time zone."""
    local = timezone.localtime(until + dt.timedelta(seconds=59)).replace(second=0, microsecond=0)
    return local.strftime("%H:%M")


def _login_page(
    request: HttpRequest, form: LoginForm, status: HTTPStatus = HTTPStatus.OK, *, refused: str = ""
) -> HttpResponse:
    errors = [{"label": "", "messages": [refused], "anchor": ""}] if refused else error_summary(form)
    context = {"form": prepare(form), "errors": errors, "next": _next_url(request)}
    return render(request, "accounts/login.html", context, status=status)


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        if request.user.is_authenticated:
            return HttpResponseRedirect(_next_url(request))
        return _login_page(request, LoginForm(request))
    username = str(request.POST.get("username", "")).strip()[:150]
    address = throttle.client_address(request)
    until = throttle.locked_until(username=username, address=address)
    if until is not None:
        # Refused before the password is even checked: a guesser learns nothing while paused.
        services.login_blocked(username=username, address=address, until=until, reason="throttled")
        message = _("Logging in is paused after too many failed attempts. Try again at %(time)s.") % {
            "time": _try_again_at(until)
        }
        form = LoginForm(request, initial={"username": username})
        return _login_page(request, form, HTTPStatus.TOO_MANY_REQUESTS, refused=message)
    form = LoginForm(request, data=request.POST)
    if form.is_valid():
        user = form.get_user()
        auth_login(request, user)
        services.login_succeeded(user=user, address=address)
        return HttpResponseRedirect(_next_url(request))
    if form.has_error(NON_FIELD_ERRORS, "demo_remote"):
        services.login_blocked(username=username, address=address, until=None, reason="demo_remote")
        return _login_page(request, form, HTTPStatus.FORBIDDEN)
    if username and request.POST.get("password"):
        services.login_failed(username=username, address=address)
    return _login_page(request, form, HTTPStatus.OK)


@require_http_methods(["GET", "POST"])
def logout(request: HttpRequest) -> HttpResponse:
    """Logging out changes state, so only a POST does it; a GET (a bookmark, a typed address)
    gets a page with the button, instead of an error page or a logout by link prefetching."""
    if request.method == "GET":
        return render(request, "accounts/logout.html")
    if request.user.is_authenticated:
        services.logout_record(user=_me(request), address=throttle.client_address(request))
        auth_logout(request)
        messages.success(request, _("You have logged out."))
    return redirect(settings.LOGOUT_REDIRECT_URL)


# --- users ---------------------------------------------------------------------------


def _form_page(request: HttpRequest, template: str, form: Any, **context: Any) -> HttpResponse:
    status = HTTPStatus.BAD_REQUEST if form.is_bound and form.errors else HTTPStatus.OK
    return render(
        request, template, {"form": prepare(form), "errors": error_summary(form), **context}, status=status
    )


@administrator_required
def users(request: HttpRequest) -> HttpResponse:
    accounts = User.objects.select_related("unit").order_by("-is_active", "username")
    return render(request, "accounts/users.html", {"accounts": accounts})


@sensitive_post_parameters("password1", "password2")
@administrator_required
@require_http_methods(["GET", "HEAD", "POST"])
def user_create(request: HttpRequest) -> HttpResponse:
    form = UserCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.user_create(
            username=data["username"],
            password=data["password1"] or None,
            unit=data["unit"],
            role=Role(data["role"]),
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            by=_me(request),
        )
        messages.success(request, _("The account %(username)s was created.") % {"username": user.username})
        return redirect("accounts:user_edit", pk=user.pk)
    return _form_page(request, "accounts/user_create.html", form)


@administrator_required
@require_http_methods(["GET", "HEAD", "POST"])
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(User.objects.select_related("unit"), pk=pk)
    initial = {
        "first_name": account.first_name,
        "last_name": account.last_name,
        "email": account.email,
        "unit": account.unit,
        "role": account.role,
        "is_active": account.is_active,
    }
    form = UserEditForm(request.POST or None, initial=initial, unit=account.unit)
    if request.method == "POST" and form.is_valid():
        if (
            account.pk == _me(request).pk
            and (not form.cleaned_data["is_active"] or form.cleaned_data["role"] != Role.ADMINISTRATOR)
            and not account.is_superuser
        ):
            form.add_error(
                None,
                _(
                    "You cannot deactivate your own account or take away your own "
                    "administrator role; ask another administrator."
                ),
            )
        else:
            services.user_update(user=account, by=_me(request), changes=dict(form.cleaned_data))
            messages.success(
                request, _("The account %(username)s was saved.") % {"username": account.username}
            )
            return redirect("accounts:user_edit", pk=account.pk)
    return _form_page(request, "accounts/user_edit.html", form, account=account)


@sensitive_post_parameters("new_password1", "new_password2")
@administrator_required
@require_http_methods(["GET", "HEAD", "POST"])
def user_password(request: HttpRequest, pk: int) -> HttpResponse:
    account = get_object_or_404(User, pk=pk)
    form = PasswordForm(account, request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.user_set_password(user=account, by=_me(request), password=form.cleaned_data["new_password1"])
        messages.success(
            request, _("A new password was set for %(username)s.") % {"username": account.username}
        )
        return redirect("accounts:user_edit", pk=account.pk)
    return _form_page(request, "accounts/user_password.html", form, account=account)


# --- units ---------------------------------------------------------------------------


@administrator_required
def units(request: HttpRequest) -> HttpResponse:
    all_units = Unit.objects.order_by("authority_name", "authority", "name")
    groups = [(name, list(members)) for name, members in groupby(all_units, key=lambda u: u.authority_name)]
    return render(request, "accounts/units.html", {"groups": groups})


@administrator_required
@require_http_methods(["GET", "HEAD", "POST"])
def unit_create(request: HttpRequest) -> HttpResponse:
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        unit = services.unit_create(by=_me(request), **form.cleaned_data)
        messages.success(request, _("The unit %(name)s was added.") % {"name": unit.name})
        return redirect("accounts:units")
    return _form_page(request, "accounts/unit_create.html", form)


@administrator_required
@require_POST
def unit_active(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_object_or_404(Unit, pk=pk)
    active = request.POST.get("active") == "yes"
    services.unit_set_active(unit=unit, by=_me(request), active=active)
    if active:
        messages.success(request, _("The unit %(name)s is active again.") % {"name": unit.name})
    else:
        messages.success(
            request,
            _("The unit %(name)s was deactivated: no new users can be placed in it.") % {"name": unit.name},
        )
    return redirect("accounts:units")
