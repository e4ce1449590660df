from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "varna.web.core"
    label = "core"
    verbose_name = "Värna"

    def ready(self) -> None:
        # Registers the system check of a configured municipality file.
        from varna.web.core import municipality  # noqa: F401
