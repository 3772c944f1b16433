from django.urls import URLPattern, URLResolver, path, re_path

from aidhub.api.api import api
from aidhub.api.problems import answering_problems
from aidhub.api.views import docs

app_name = "api"


def _answering_problems(pattern: URLPattern | URLResolver) -> URLPattern | URLResolver:
    """The same URL, whose 405 (a method the path does not take) is a problem document like every error. ninja
    gives one URLPattern per path; it includes no resolver."""
    if isinstance(pattern, URLResolver):
        return pattern
    return URLPattern(pattern.pattern, answering_problems(pattern.callback), pattern.default_args, pattern.name)


urlpatterns = [
    path("docs", answering_problems(docs.api_docs), name="docs"),
    path("openapi.json", answering_problems(docs.openapi_json), name="openapi"),
    # The schema and every endpoint (names as in tests/access/api.py).
    *[_answering_problems(pattern) for pattern in api.urls[0]],
    # Last: any other path under /api/ answers a problem document rather than the site's 404 page.
    re_path(r"^(?P<rest>.+)$", docs.not_found, name="not_found"),
]
