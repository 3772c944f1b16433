"""The NinjaAPI: public endpoints under /api/public/, organizers' under /api/, the schema at /api/openapi.json.
ninja's own docs page (Swagger UI) is off: /api/docs is a page of ours, rendered from the schema without scripts,
under the site's strict Content-Security-Policy (aidhub.api.views.docs)."""

from ninja import NinjaAPI
from ninja.operation import Operation

from aidhub.api import problems
from aidhub.api.auth import ApiRate
from aidhub.api.views import activities, organize, public


class AidHubAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """The URL name (api:<name>), which the access matrix lists (tests/access/api.py)."""
        return str(getattr(operation, "url_name", "") or operation.view_func.__name__)


api = AidHubAPI(
    title="AidHub API",
    version="1",
    description="Public data of the network, and organizers' work through personal API tokens. See /api/docs.",
    urls_namespace="api",
    docs_url=None,
    # Served by aidhub.api.views.docs.openapi_json (GET only), not ninja's view (any method).
    openapi_url=None,
    throttle=[ApiRate()],
)
problems.install(api)
api.add_router("/public/", public.router)
api.add_router("/", organize.router)
api.add_router("/", activities.router)
