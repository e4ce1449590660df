from django.apps import AppConfig


class WorkspaceConfig(AppConfig):
    name = "varna.web.workspace"
    label = "workspace"
    verbose_name = "Arbetsrummet"
