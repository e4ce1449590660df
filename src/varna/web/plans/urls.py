from django.urls import path

from varna.web.plans import views

app_name = "plans"
urlpatterns = [
    path("", views.index, name="index"),
    path("ny/", views.plan_new, name="new"),
    path("uppfoljning/", views.follow_up, name="follow_up"),
    path("rapport/", views.report, name="report"),
    path("rapport/uppfoljning.pdf", views.report_pdf, name="report_pdf"),
    path("aktiviteter.csv", views.export_csv, name="export"),
    path("<int:pk>/", views.plan_detail, name="detail"),
    path("<int:pk>/andra/", views.plan_edit, name="edit"),
    path("<int:pk>/omraden/ny/", views.area_new, name="area_new"),
    path("<int:pk>/aktiviteter/ny/", views.activity_new, name="activity_new"),
    path("omraden/<int:pk>/andra/", views.area_edit, name="area_edit"),
    path("aktiviteter/<int:pk>/", views.activity_detail, name="activity"),
    path("aktiviteter/<int:pk>/andra/", views.activity_edit, name="activity_edit"),
    path("aktiviteter/<int:pk>/uppfoljning/", views.activity_status, name="activity_status"),
    path("aktiviteter/<int:pk>/indikatorer/ny/", views.indicator_new, name="indicator_new"),
    path("aktiviteter/<int:pk>/atgarder/", views.activity_actions, name="actions"),
    path("indikatorer/<int:pk>/andra/", views.indicator_edit, name="indicator_edit"),
]
