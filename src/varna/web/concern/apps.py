from django.apps import AppConfig


class ConcernConfig(AppConfig):
    name = "varna.web.concern"
    label = "concern"
    verbose_name = "Jag är orolig för någon"
