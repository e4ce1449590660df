from django.apps import AppConfig


class ConcernNoteConfig(AppConfig):
    name = "varna.web.concern_note"
    label = "concern_note"
    verbose_name = "Anteckning om oro"
