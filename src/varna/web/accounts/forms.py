"""The login form and the administrator's forms for accounts and units."""

from __future__ import annotations

import ipaddress
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.contrib.auth.password_validation import password_validators_help_texts
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from varna.web.accounts.models import ACTOR_CHOICES, Role, Unit, User
from varna.web.accounts.throttle import client_address

# Headers a reverse proxy adds: a request that carries one did not come straight from this machine.
FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP")


def is_local_request(request: HttpRequest | None) -> bool:
    """True only for a request made on this machine (127.0.0.1 or ::1), not passed on by a proxy."""
    if request is None:
        return False
    if any(request.META.get(header) for header in FORWARDED_HEADERS):
        return False
    address = client_address(request)
    if not address:
        return False
    try:
        return ipaddress.ip_address(address).is_loopback
    except ValueError:
        return False


class LoginForm(AuthenticationForm):
    """Django's login form; a demo account is refused unless the request comes from this machine."""

    error_messages = {  # noqa: RUF012 (Django's convention: a class-level dict)
        "invalid_login": _(
            "The username or password is wrong. Check both and try again; after several failed "
            "attempts logging in is paused for a while."
        ),
        "inactive": _("This account is deactivated. Ask an administrator if you still need it."),
        "demo_remote": _(
            "Demo accounts work only on the computer that runs Värna (http://127.0.0.1). "
            "Log in with your own account."
        ),
    }

    def __init__(self, request: HttpRequest | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")

    def confirm_login_allowed(self, user: Any) -> None:
        super().confirm_login_allowed(user)
        if getattr(user, "is_demo", False) and not is_local_request(self.request):
            raise ValidationError(self.error_messages["demo_remote"], code="demo_remote")


def _unit_choice_label(unit: Unit) -> str:
    return f"{unit.name} – {unit.authority_name}"


class UnitChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return _unit_choice_label(obj)


def _unit_field(current: Unit | None = None) -> UnitChoiceField:
    units = Unit.objects.filter(active=True)
    if current is not None:
        units = Unit.objects.filter(pk=current.pk) | units
    return UnitChoiceField(
        queryset=units.order_by("authority_name", "name"),
        required=False,
        label=_("Unit"),
        empty_label=_("No unit yet"),
        help_text=_(
            "The unit decides which authority's information the user holds. Without a unit the user "
            "can log in but see nothing about individuals."
        ),
    )


class UserDetailsForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        error_messages={"invalid": _("Write a whole e-mail address, such as namn.namnsson@malmo.se.")},
    )
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Role.choices,
        help_text=_(
            "A convener leads the team's meetings; an administrator manages users, units and the audit log."
        ),
    )

    def __init__(self, *args: Any, unit: Unit | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"] = _unit_field(unit)
        # The unit right after the name and e-mail: the order the page reads.
        order = ["first_name", "last_name", "email", "unit", "role"]
        self.order_fields(order + [name for name in self.fields if name not in order])


class UserCreateForm(UserDetailsForm):
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        help_text=_(
            "Letters, digits and . - _ only, for example anna.andersson. It cannot be changed later."
        ),
        error_messages={"required": _("Write a username.")},
    )
    password1 = forms.CharField(
        label=_("Password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 12 characters, not a common password and not only digits. "
            "Leave empty to set it later: until then the account cannot log in."
        ),
    )
    password2 = forms.CharField(
        label=_("The password again"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.order_fields(
            ["username", "first_name", "last_name", "email", "unit", "role", "password1", "password2"]
        )

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"].strip()
        if not username or any(not (ch.isalnum() or ch in ".-_") for ch in username):
            raise ValidationError(_("Use only letters, digits and . - _ in the username."))
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError(_("There is already an account with this username. Choose another."))
        return username

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, second = data.get("password1") or "", data.get("password2") or ""
        if first != second:
            self.add_error(
                "password2", _("The two passwords are not the same. Write the same password twice.")
            )
        elif first:
            from django.contrib.auth.password_validation import validate_password

            probe = User(
                username=data.get("username", ""),
                first_name=data.get("first_name", ""),
                last_name=data.get("last_name", ""),
                email=data.get("email", ""),
            )
            try:
                validate_password(first, probe)
            except ValidationError as error:
                self.add_error("password1", error)
        return data


class UserEditForm(UserDetailsForm):
    is_active = forms.BooleanField(
        label=_("Active (may log in)"),
        required=False,
        help_text=_("Accounts are never deleted, because records name them; deactivate an account instead."),
    )


class PasswordForm(SetPasswordForm):  # type: ignore[type-arg]
    """Django's check of a new password; saving goes through ``user_set_password``."""

    def __init__(self, user: User, *args: Any, **kwargs: Any) -> None:
        super().__init__(user, *args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password1"].help_text = " ".join(str(t) for t in password_validators_help_texts())
        self.fields["new_password2"].label = _("The new password again")
        self.fields["new_password2"].help_text = ""


AUTHORITY_HELP = _(
    "A short code of lower-case letters, digits and hyphens, e.g. sdn-norr. Units of one "
    "authority share its information, so use exactly the code the authority's other units have."
)


class UnitForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=80,
        validators=[validate_slug],
        help_text=_("A short code of lower-case letters, digits and hyphens, e.g. ifo-norr-mottagning."),
        error_messages={"required": _("Write the unit's code.")},
    )
    name = forms.CharField(
        label=_("Name"), max_length=200, error_messages={"required": _("Write the unit's name.")}
    )
    name_en = forms.CharField(label=_("Name in English"), max_length=200, required=False)
    authority = forms.CharField(
        label=_("Authority"),
        max_length=80,
        validators=[validate_slug],
        help_text=AUTHORITY_HELP,
        error_messages={"required": _("Write the code of the authority the unit belongs to.")},
    )
    authority_name = forms.CharField(
        label=_("Authority name"),
        max_length=200,
        error_messages={"required": _("Write the authority's name, e.g. Stadsområdesnämnd Norr.")},
    )
    actor = forms.ChoiceField(
        label=_("Actor kind"),
        choices=ACTOR_CHOICES,
        help_text=_("What kind of actor the unit's staff are: it decides which secrecy rules apply to them."),
    )

    def clean_code(self) -> str:
        code: str = self.cleaned_data["code"].lower()
        if Unit.objects.filter(code=code).exists():
            raise ValidationError(_("There is already a unit with this code. Choose another code."))
        return code

    def clean_authority(self) -> str:
        return str(self.cleaned_data["authority"]).lower()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        authority, name = data.get("authority"), data.get("authority_name")
        if authority and name:
            known = Unit.objects.filter(authority=authority).values_list("authority_name", flat=True).first()
            if known is not None and known != name:
                self.add_error(
                    "authority_name",
                    _("The authority %(code)s is already called “%(name)s”. Use the same name.")
                    % {"code": authority, "name": known},
                )
        return data
