from django.apps import AppConfig


class ProfilesConfig(AppConfig):
    name = "varna.web.profiles"
    label = "profiles"
    verbose_name = "Risk- och skyddsfaktorer"
