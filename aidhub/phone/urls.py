from django.urls import path

from aidhub.phone import views

app_name = "phone"

urlpatterns = [
    # Organizers: the text-message conversation in the browser, as a family would have it.
    path("organize/phone/try/", views.try_line, name="try"),
    # Organizers: what the call-back line says, recorded per language.
    path("organize/phone-line/", views.prompts, name="prompts"),
    path("organize/phone-line/<str:language>/", views.prompt_language, name="prompt_language"),
    path("organize/phone-line/<str:language>/<slug:name>/upload/", views.prompt_upload, name="prompt_upload"),
    path("organize/phone-line/<str:language>/<slug:name>/delete/", views.prompt_delete, name="prompt_delete"),
]
