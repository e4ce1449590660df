from django.apps import AppConfig


class MattersConfig(AppConfig):
    name = "varna.web.matters"
    label = "matters"
    verbose_name = "Ärenden"
