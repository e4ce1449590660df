from django.urls import path

from varna.web.matters import api

app_name = "workspace_api"

urlpatterns = [
    path("arenden/", api.matter_list, name="matters"),
    path("arenden/<int:pk>/", api.matter_detail, name="matter"),
]
