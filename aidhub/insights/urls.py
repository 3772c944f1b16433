from django.urls import path

from aidhub.insights import views

app_name = "insights"

urlpatterns = [
    path("organize/insights/", views.page, name="page"),
    path("organize/insights/<slug:chart>.csv", views.chart_csv, name="chart_csv"),
]
