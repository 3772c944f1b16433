"""The organizer's page of personal API tokens: make one (in a session that gave the second factor), see them,
revoke one. The token itself is never stored: making it redirects to the page (POST/redirect/GET, so that a
refresh makes no second token), which shows it once from the session and takes it out of the session."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from aidhub.api import services
from aidhub.api.forms import ApiTokenForm
from aidhub.api.models import ApiToken
from aidhub.core.decorators import organizer_required
from aidhub.lib.adapters import allauth

# The new token waits here between the POST that makes it and the one page that shows it: never in the URL.
NEW_TOKEN_SESSION_KEY = "api_tokens_new_token"  # noqa: S105  # the name of a session key, not a secret


def _get_token_for_owner(request, pk):
    """One of the signed-in organizer's own tokens; anyone else's answers 404."""
    return get_object_or_404(ApiToken.objects.filter(revoked_at__isnull=True), pk=pk, user=request.user)


@organizer_required
@never_cache
def token_list(request):
    form = ApiTokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        _api_token, new_token = services.api_token_create(
            actor=request.user,
            name=form.cleaned_data["name"],
            scope=form.cleaned_data["scope"],
            reads_contacts=form.cleaned_data["reads_contacts"],
            second_factor_ids=allauth.second_factor_ids(request, request.user),
        )
        request.session[NEW_TOKEN_SESSION_KEY] = new_token
        return redirect("api_tokens:list")
    # Shown on this one answer only: a refresh, or any later visit, shows no token.
    new_token = request.session.pop(NEW_TOKEN_SESSION_KEY, "") if request.method == "GET" else ""
    tokens = ApiToken.objects.filter(user=request.user, revoked_at__isnull=True).order_by("-created_at", "-id")
    context = {"form": form, "tokens": tokens, "new_token": new_token}
    return render(request, "api/tokens.html", context)


@require_POST
@organizer_required
def token_revoke(request, pk):
    api_token = _get_token_for_owner(request, pk)
    services.api_token_revoke(actor=request.user, api_token=api_token)
    messages.success(request, _("The token is revoked: programs using it are refused from now on."))
    return redirect("api_tokens:list")
