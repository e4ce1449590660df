from django.urls import path

from varna.web.meetings import views

app_name = "meetings"
urlpatterns = [
    path("moten/", views.index, name="index"),
    path("moten/nytt/", views.create, name="create"),
    path("moten/<int:pk>/", views.detail, name="detail"),
    path("moten/<int:pk>/andra/", views.edit, name="edit"),
    path("moten/<int:pk>/punkter/ny/", views.item_create, name="item_create"),
    path("moten/punkter/<int:pk>/andra/", views.item_edit, name="item_edit"),
    path("moten/punkter/<int:pk>/beskrivning/", views.item_description, name="item_description"),
    path("moten/punkter/<int:pk>/beslut/", views.decision_create, name="decision_create"),
    path("moten/<int:pk>/protokoll/", views.minutes, name="minutes"),
    path("moten/<int:pk>/protokoll.pdf", views.minutes_pdf, name="minutes_pdf"),
    path("moten/<int:pk>/atgarder/ny/", views.action_create, name="action_create"),
    path("atgarder/", views.actions, name="actions"),
    path("atgarder/<int:pk>/", views.action, name="action"),
]
