from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "varna.web.consent"
    label = "consent"
    verbose_name = "Samtyckesregister"
