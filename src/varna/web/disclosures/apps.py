from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "varna.web.disclosures"
    label = "disclosures"
    verbose_name = "Utlämnanden"
