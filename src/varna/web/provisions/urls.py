from django.urls import path

from varna.web.provisions import views

app_name = "provisions"

urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:provision_id>/", views.detail, name="detail"),
]
