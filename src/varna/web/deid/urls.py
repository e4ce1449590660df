from django.urls import path

from varna.web.deid import views

app_name = "deid"

urlpatterns = [
    path("", views.page, name="page"),
]
