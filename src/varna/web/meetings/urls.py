from django.urls import path

from varna.web.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.index, name="index"),
    path("nytt/", views.create, name="create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/andra/", views.edit, name="edit"),
    path("<int:pk>/punkter/ny/", views.item_create, name="item_create"),
    path("punkter/<int:pk>/andra/", views.item_edit, name="item_edit"),
    path("punkter/<int:pk>/beskrivning/", views.item_description, name="item_description"),
    path("punkter/<int:pk>/beslut/", views.decision_create, name="decision_create"),
    path("<int:pk>/protokoll/", views.minutes, name="minutes"),
    path("<int:pk>/protokoll.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("<int:pk>/atgarder/ny/", views.action_create, name="action_create"),
    path("atgarder/", views.actions, name="actions"),
    path("atgarder/<int:pk>/", views.action, name="action"),
]
