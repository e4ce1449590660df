from django.urls import path

from varna.web.concern_note import views

app_name = "concern_note"

urlpatterns = [
    path("", views.note, name="form"),
]
