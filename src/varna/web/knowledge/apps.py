from django.apps import AppConfig


class KnowledgeConfig(AppConfig):
    name = "varna.web.knowledge"
    label = "knowledge"
    verbose_name = "Kunskap"
