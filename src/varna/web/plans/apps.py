from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "varna.web.plans"
    label = "plans"
    verbose_name = "Planer"
