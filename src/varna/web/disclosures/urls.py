from django.urls import path

from varna.web.disclosures import views

app_name = "disclosures"

urlpatterns = [
    path("arenden/<int:pk>/utlamnanden/", views.matter_list, name="list"),
    path("arenden/<int:pk>/utlamnanden/ny/", views.create, name="create"),
    path("utlamnanden/<int:pk>/", views.detail, name="detail"),
]
