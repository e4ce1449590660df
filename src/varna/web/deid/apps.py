from django.apps import AppConfig


class DeidConfig(AppConfig):
    name = "varna.web.deid"
    label = "deid"
    verbose_name = "Avidentifiera en fallbeskrivning"
