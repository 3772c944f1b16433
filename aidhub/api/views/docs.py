"""/api/docs: the endpoints of the OpenAPI schema as a plain page (no Swagger UI: no scripts, no CDN)."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from aidhub.api.api import api
from aidhub.api.problems import Problem, problem_response, titles


@require_safe
def api_docs(request):
    schema = api.get_openapi_schema()
    endpoints = [
        {
            "method": method.upper(),
            "path": path,
            "summary": operation.get("summary", ""),
            "description": operation.get("description", ""),
            "public": "security" not in operation,
            "anchor": operation.get("operationId", ""),
        }
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    ]
    problems = sorted(titles().items())
    return render(request, "api/docs.html", {"endpoints": endpoints, "problems": problems})


@require_safe
def openapi_json(request):
    """The OpenAPI 3 schema of every endpoint."""
    return JsonResponse(api.get_openapi_schema())


@csrf_exempt  # nothing is done here: any method gets the same problem document
def not_found(request, rest):
    """Any other path under /api/: a problem document, as every error of the API is."""
    detail = _("There is nothing here, or nothing this token may see.")
    return problem_response(request, Problem(404, "not-found", detail))
