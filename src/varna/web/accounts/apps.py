from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "varna.web.accounts"
    label = "accounts"
    verbose_name = "Användare och enheter"
