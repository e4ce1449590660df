from django.urls import path

from varna.web.consent import views

app_name = "consent"

urlpatterns = [
    path("personer/<int:pk>/samtycken/ny/", views.create, name="create"),
    path("samtycken/<int:pk>/", views.detail, name="detail"),
    path("samtycken/<int:pk>/aterkalla/", views.withdraw, name="withdraw"),
    path("samtycken/<int:pk>/blankett.pdf", views.pdf, name="pdf"),
]
