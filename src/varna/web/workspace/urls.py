from django.urls import path

from varna.web.workspace import views

app_name = "workspace"
urlpatterns = [
    path("", views.start, name="start"),
]
