from django.urls import path

from varna.web.concern import views

app_name = "concern"

urlpatterns = [
    path("", views.interview, name="interview"),
    path("svar/", views.result, name="result"),
]
