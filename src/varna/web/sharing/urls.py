from django.urls import path

from varna.web.sharing import views

app_name = "sharing"

urlpatterns = [
    path("", views.wizard, name="wizard"),
    path("svar/", views.result, name="result"),
    path("pdf/", views.record_pdf, name="pdf"),
]
