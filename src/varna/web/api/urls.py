"""The API's URLs, all in the namespace ``api``."""

from django.urls import path

from varna.web.api import views

app_name = "api"

urlpatterns = [
    path("", views.docs, name="docs"),
    path("assess", views.assess, name="assess"),
    path("openapi.json", views.openapi, name="openapi"),
]
