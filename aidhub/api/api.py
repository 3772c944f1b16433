"""The NinjaAPI: public endpoints under /api/public/, organizers' under /api/, the schema at /api/openapi.json.
ninja's own docs page (Swagger UI) is off: /api/docs is a page of ours, rendered from the schema without scripts,
under the site's strict Content-Security-Policy (aidhub.api.views.docs)."""

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation

from aidhub.api import problems
from aidhub.api.auth import ApiRate
from aidhub.api.views import activities, organize, public

# RFC 9457: what every error answers, as application/problem+json.
PROBLEM_SCHEMA = {
    "title": "Problem",
    "type": "object",
    "properties": {
        "type": {"type": "string", "format": "uri", "description": "Its section of /api/docs."},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}, "description": "With 422: loc and msg."},
        "reasons": {"type": "array", "items": {"type": "string"}, "description": "With a refused proposal."},
    },
    "required": ["type", "title", "status", "detail"],
}
DESCRIPTIONS = {
    401: "No live token",
    403: "The token's scope does not allow this",
    404: "Not found, or outside the token owner's organizations",
    409: "Conflict, or refused by the rules",
    422: "Parameters or fields not valid",
    429: "Too many requests (Retry-After)",
}


def problem_response(status: int) -> dict[str, Any]:
    content = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
    return {"description": DESCRIPTIONS[status], "content": content}


class AidHubAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation: Operation) -> str:
        """The URL name (api:<name>), which the access matrix lists (tests/access/api.py)."""
        return str(getattr(operation, "url_name", "") or operation.view_func.__name__)

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        """ninja's schema, with the problem details (aidhub.api.problems) each operation may answer."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        schema["components"].setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                statuses = [422, 429]
                if operation.get("security"):
                    statuses += [401, 404] + ([403, 409] if method == "post" else [])
                    if operation["operationId"] == "request_contact":
                        statuses.append(403)
                for status in sorted(set(statuses)):
                    operation["responses"].setdefault(str(status), problem_response(status))
        return schema


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
