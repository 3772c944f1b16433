from django.urls import path, re_path

from aidhub.api.api import api
from aidhub.api.views import docs

app_name = "api"

urlpatterns = [
    path("docs", docs.api_docs, name="docs"),
    path("openapi.json", docs.openapi_json, name="openapi"),
    # The schema and every endpoint (names as in tests/access/api.py).
    *api.urls[0],
    # Last: any other path under /api/ answers a problem document rather than the site's 404 page.
    re_path(r"^(?P<rest>.+)$", docs.not_found, name="not_found"),
]
