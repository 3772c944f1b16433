from django.urls import path

from aidhub.catalogs import views

app_name = "catalogs"

urlpatterns = [
    path("translate/", views.home, name="home"),
    path("translate/patch/<str:language>/", views.patch, name="patch"),
]
