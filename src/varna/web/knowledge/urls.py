"""``kunskap/`` – the knowledge pages – and ``sok/``, the search over them.

The path segments are Swedish like the rest of the site (``/lagrum/``, ``/dela/``); a
kind's bare path (``kunskap/aktorer/``) leads to its section of the index.
"""

from django.urls import path

from varna.web.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("kunskap/", views.index, name="index"),
    path("kunskap/begrepp/<slug:ident>/", views.definition, name="definition"),
    path("kunskap/fragor/<slug:ident>/", views.question, name="question"),
    path("kunskap/nivaer/<slug:ident>/", views.level, name="level"),
    path("kunskap/aktorer/<slug:ident>/", views.actor, name="actor"),
    path("kunskap/insatser/<slug:ident>/", views.service, name="service"),
    path("kunskap/kontaktvagar/<slug:ident>/", views.contact, name="contact"),
    path("kunskap/samverkan/<slug:ident>/", views.cooperation, name="cooperation"),
    path("kunskap/stadsomraden/<slug:ident>/", views.district, name="district"),
    path("kunskap/nationellt-stod/<slug:ident>/", views.national, name="national"),
    path("kunskap/<slug:section>/", views.section, name="section"),
    path("sok/", views.search, name="search"),
]
