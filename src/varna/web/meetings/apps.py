from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "varna.web.meetings"
    label = "meetings"
    verbose_name = "Möten"
