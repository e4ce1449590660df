from django.urls import path

from varna.web.picture import views

app_name = "picture"
urlpatterns = [
    path("", views.index, name="index"),
    path("lagesbild.csv", views.export_csv, name="export"),
]
