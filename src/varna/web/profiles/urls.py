from django.urls import path

from varna.web.profiles import views

app_name = "profiles"
urlpatterns = [
    path("", views.index, name="index"),
    path("exempel/", views.example, name="example"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/rapport.pdf", views.report_pdf, name="pdf"),
    path("<int:pk>/siffror.csv", views.report_csv, name="csv"),
    path("<int:pk>/profil.json", views.report_json, name="json"),
    path("<int:pk>/enkatfil/", views.kept_file, name="kept_file"),
    path("<int:pk>/ta-bort/", views.delete, name="delete"),
]
