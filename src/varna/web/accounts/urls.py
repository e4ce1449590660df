"""Login at /konto/, the administrator's pages under /arbetsrum/admin/ (one include in the URL map)."""

from django.urls import path

from varna.web.accounts import views

app_name = "accounts"
urlpatterns = [
    path("konto/logga-in/", views.login, name="login"),
    path("konto/logga-ut/", views.logout, name="logout"),
    path("arbetsrum/admin/anvandare/", views.users, name="users"),
    path("arbetsrum/admin/anvandare/ny/", views.user_create, name="user_create"),
    path("arbetsrum/admin/anvandare/<int:pk>/", views.user_edit, name="user_edit"),
    path("arbetsrum/admin/anvandare/<int:pk>/losenord/", views.user_password, name="user_password"),
    path("arbetsrum/admin/enheter/", views.units, name="units"),
    path("arbetsrum/admin/enheter/ny/", views.unit_create, name="unit_create"),
    path("arbetsrum/admin/enheter/<int:pk>/aktiv/", views.unit_active, name="unit_active"),
]
