from django.urls import path

from aidhub.imports import views

app_name = "imports"

urlpatterns = [
    path("organize/import/", views.upload, name="upload"),
    path("organize/import/template.<str:file_format>", views.template_file, name="template"),
    path("organize/import/<int:pk>/", views.preview, name="preview"),
    path("organize/import/<int:pk>/import/", views.confirm, name="confirm"),
]
