"""Errors of the API as RFC 9457 problem details: application/problem+json with type, title, status, detail.

`type` is a link to the problem's section of the API's documentation page; `title` is the same for every problem
of a type, `detail` says what happened this time. Texts follow the request's Accept-Language."""

import json
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from typing import Any

from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, Throttled, ValidationError

PROBLEM_CONTENT_TYPE = "application/problem+json"


class Problem(Exception):
    """A refusal the API answers with a problem document: raise it from an endpoint."""

    def __init__(self, status: int, kind: str, detail: str, **extensions: Any) -> None:
        super().__init__(detail)
        self.status, self.kind, self.detail, self.extensions = status, kind, detail, extensions


def titles() -> dict[str, str]:
    """Each kind of problem and its title (also listed on the documentation page)."""
    return {
        "unauthorized": _("A valid API token is needed"),
        "forbidden": _("This token may not do this"),
        "not-found": _("Not found"),
        "invalid": _("The request is not valid"),
        "conflict": _("The request conflicts with what happened meanwhile"),
        "refused": _("The rules do not allow this"),
        "too-many-requests": _("Too many requests"),
        "method-not-allowed": _("This method is not allowed here"),
        "server-error": _("Something went wrong on our side"),
    }


def problem_response(request: HttpRequest, problem: Problem) -> HttpResponse:
    kind = f"{reverse('api:docs')}#problem-{problem.kind}"
    # A Host header not ours (answered 400) gives no absolute link: it stays relative, as RFC 9457 allows.
    with suppress(DisallowedHost):
        kind = request.build_absolute_uri(kind)
    body = {
        "type": kind,
        "title": titles()[problem.kind],
        "status": problem.status,
        "detail": problem.detail,
        **problem.extensions,
    }
    response = HttpResponse(json.dumps(body), status=problem.status, content_type=PROBLEM_CONTENT_TYPE)
    if problem.status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="aidhub"'
    return response


def _from_problem(request: HttpRequest, exc: Problem, api: NinjaAPI) -> HttpResponse:
    return problem_response(request, exc)


def _from_http_error(request: HttpRequest, exc: HttpError, api: NinjaAPI) -> HttpResponse:
    if isinstance(exc, AuthenticationError):
        problem = Problem(401, "unauthorized", _("Send a live personal API token: Authorization: Bearer <token>."))
    elif isinstance(exc, AuthorizationError):
        problem = Problem(403, "forbidden", _("This token's scope does not allow this."))
    elif isinstance(exc, Throttled):
        problem = Problem(429, "too-many-requests", _("Slow down and try again later."))
        response = problem_response(request, problem)
        if exc.wait is not None:
            response["Retry-After"] = str(int(exc.wait) + 1)
        return response
    elif exc.status_code == 404:
        problem = Problem(404, "not-found", _("There is nothing here, or nothing this token may see."))
    else:
        problem = Problem(exc.status_code, "invalid", str(exc))
    return problem_response(request, problem)


def _from_404(request: HttpRequest, exc: Http404, api: NinjaAPI) -> HttpResponse:
    # Objects outside the token owner's organizations answer exactly like objects that do not exist.
    return problem_response(
        request, Problem(404, "not-found", _("There is nothing here, or nothing this token may see."))
    )


def _from_validation_error(request: HttpRequest, exc: ValidationError, api: NinjaAPI) -> HttpResponse:
    errors = [{"loc": list(error.get("loc", [])), "msg": str(error.get("msg", ""))} for error in exc.errors]
    return problem_response(
        request, Problem(422, "invalid", _("Some parameters or fields are not valid."), errors=errors)
    )


def method_not_allowed(request: HttpRequest, allowed: str) -> HttpResponse:
    """405, with the Allow header HTTP asks for (RFC 9110, 15.5.6) and the methods in the detail."""
    detail = _("Send this request with one of these methods: %(methods)s.") % {"methods": allowed}
    response = problem_response(request, Problem(405, "method-not-allowed", detail))
    response["Allow"] = allowed
    return response


def from_error_response(request: HttpRequest, response: HttpResponseBase) -> HttpResponseBase:
    """An error answered under /api/ outside the API's exception handlers, as a problem document: ninja's 405
    (plain text), Django's require_safe (empty), CSRF refusal, 400 and 500 pages. Anything else is left alone."""
    if response.status_code < 400 or response.get("Content-Type") == PROBLEM_CONTENT_TYPE:
        return response
    status = response.status_code
    if status == 405:
        methods = sorted(method.strip() for method in response.get("Allow", "").split(",") if method.strip())
        return method_not_allowed(request, ", ".join(methods))
    if status == 404:
        problem = Problem(404, "not-found", _("There is nothing here, or nothing this token may see."))
    elif status == 403:
        problem = Problem(403, "forbidden", _("This request is refused."))
    elif status >= 500:
        problem = Problem(status, "server-error", _("Something went wrong on our side: try again in a little while."))
    else:
        problem = Problem(status, "invalid", _("The request could not be read."))
    answer = problem_response(request, problem)
    if "Retry-After" in response:
        answer["Retry-After"] = response["Retry-After"]
    return answer


class ProblemsMiddleware:
    """Every error under /api/ is a problem document, whichever part of the stack answered it (settings.MIDDLEWARE:
    inside LocaleMiddleware, so that texts follow Accept-Language; outside CSRF, so that its refusal is caught)."""

    PREFIX = "/api/"  # where aidhub/urls.py mounts aidhub.api.urls

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if request.path_info.startswith(self.PREFIX):
            return from_error_response(request, response)
        return response


def install(api: NinjaAPI) -> None:
    """Every error of `api` as a problem document (ninja's own 401, 403, 404, 422 and 429 too)."""
    api.add_exception_handler(Problem, partial(_from_problem, api=api))
    api.add_exception_handler(HttpError, partial(_from_http_error, api=api))
    api.add_exception_handler(Http404, partial(_from_404, api=api))
    api.add_exception_handler(ValidationError, partial(_from_validation_error, api=api))
