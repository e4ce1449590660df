from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "varna.web.audit"
    label = "audit"
    verbose_name = "Loggbok"
