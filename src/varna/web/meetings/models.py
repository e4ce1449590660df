"""Meetings of the coordination team: agenda, attendees, minutes and the actions they leave.

An agenda item about an identifiable person is presented, by default, as a
de-identified case description that a person has confirmed (principle 5). Talking
about the person by name needs a basis the item records: consent on file or a
disclosure. Who may take part and who may only listen is never stored – it is
asked of ``varna.law`` each time the item is shown, so a consent withdrawn this
morning counts at this afternoon's meeting.

Minutes carry a version number: saving checks that nobody else saved in between
(optimistic locking), so two secretaries never silently overwrite each other.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Meeting(models.Model):
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    convener = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("convener")
    )
    attendees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Attendance", related_name="meetings", verbose_name=_("attendees")
    )
    held = models.BooleanField(_("held"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self) -> str:
        return f"{self.title} {self.starts_at:%Y-%m-%d}"


class Attendance(models.Model):
    """An attendee, with the unit they came for: the unit decides what they may say."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attendances")
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="one_attendance_per_user")]
        ordering = ["unit__authority_name", "user__last_name", "user__first_name"]

    def __str__(self) -> str:
        return f"{self.user} ({self.unit})"


class Presentation(models.TextChoices):
    DEIDENTIFIED = "deidentified", _("De-identified case description")
    IDENTIFIED = "identified", _("Identified discussion")


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("order"))
    title = models.CharField(_("heading"), max_length=200)
    matter = models.ForeignKey(
        "matters.Matter", on_delete=models.PROTECT, null=True, blank=True, related_name="agenda_items"
    )
    presentation = models.CharField(
        _("presentation"), max_length=14, choices=Presentation.choices, default=Presentation.DEIDENTIFIED
    )
    information_kind = models.CharField(_("kind of information"), max_length=40, blank=True)
    facts = models.JSONField(_("facts recorded"), default=list, blank=True)
    case_description = models.TextField(_("de-identified case description"), blank=True)
    description_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    description_confirmed_at = models.DateTimeField(null=True, blank=True)
    consent = models.ForeignKey(
        "consent.ConsentRecord", on_delete=models.PROTECT, null=True, blank=True, related_name="agenda_items"
    )
    basis_note = models.TextField(_("recorded legal basis"), blank=True)

    class Meta:
        ordering = ["meeting", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title

    @property
    def description_confirmed(self) -> bool:
        return self.description_confirmed_at is not None


class Minutes(models.Model):
    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    text = models.TextField(_("minutes"), blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.meeting} v{self.version}"


class ItemDecision(models.Model):
    """What was decided under an item, and which authority owns what follows."""

    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    owner_authority = models.SlugField(_("authority responsible"), max_length=80, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.text[:60]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class Action(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="actions")
    item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    title = models.CharField(_("action"), max_length=300)
    responsible_unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="actions", verbose_name=_("responsible unit")
    )
    due_on = models.DateField(_("due"))
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.TextField(_("follow-up note"), blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status in (ActionStatus.DONE, ActionStatus.CANCELLED)
