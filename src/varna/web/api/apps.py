from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "varna.web.api"
    label = "api"
    verbose_name = "JSON API"
