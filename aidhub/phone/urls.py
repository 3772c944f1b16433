from django.urls import path

from aidhub.phone import views

app_name = "phone"

urlpatterns = [
    # Organizers: what the call-back line says, recorded per language.
    path("organize/phone-line/", views.prompts, name="prompts"),
    path("organize/phone-line/<str:language>/", views.prompt_language, name="prompt_language"),
    path("organize/phone-line/<str:language>/<slug:name>/upload/", views.prompt_upload, name="prompt_upload"),
    path("organize/phone-line/<str:language>/<slug:name>/delete/", views.prompt_delete, name="prompt_delete"),
]
