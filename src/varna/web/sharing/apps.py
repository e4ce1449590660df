from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "varna.web.sharing"
    label = "sharing"
    verbose_name = "Får jag dela uppgiften?"
