from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "varna.web.core"
    label = "core"
    verbose_name = "Värna"
