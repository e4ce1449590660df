from django.apps import AppConfig


class PictureConfig(AppConfig):
    name = "varna.web.picture"
    label = "picture"
    verbose_name = "Lägesbild"
