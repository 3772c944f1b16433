from django.urls import path

from aidhub.api.api import api
from aidhub.api.views import docs

app_name = "api"

urlpatterns = [
    path("docs", docs.api_docs, name="docs"),
    path("openapi.json", docs.openapi_json, name="openapi"),
    # The schema and every endpoint (names as in tests/access/api.py).
    *api.urls[0],
]
