from django.urls import path

from varna.web.matters import views

app_name = "matters"

urlpatterns = [
    path("arenden/", views.index, name="index"),
    path("arenden/ny/", views.create, name="create"),
    path("arenden/<int:pk>/", views.detail, name="detail"),
    path("arenden/<int:pk>/andra/", views.edit, name="edit"),
    path("arenden/<int:pk>/beslut/", views.decision_add, name="decision"),
    path("arenden/<int:pk>/fragans-agare/", views.question_owner, name="question_owner"),
    path("arenden/<int:pk>/avsluta/", views.close, name="close"),
    path("arenden/<int:pk>/oppna-igen/", views.reopen, name="reopen"),
    path("personer/", views.persons, name="persons"),
    path("personer/<int:pk>/", views.person, name="person"),
]
