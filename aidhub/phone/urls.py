from django.urls import path

from aidhub.phone import views

app_name = "phone"

urlpatterns = [
    path("organize/phone/try/", views.try_line, name="try"),
]
