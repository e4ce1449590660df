from django.apps import AppConfig


class ProvisionsConfig(AppConfig):
    name = "varna.web.provisions"
    label = "provisions"
    verbose_name = "Lagrum"
