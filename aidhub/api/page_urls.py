"""The organizer's page of API tokens: a page people read, under their language (aidhub/urls.py)."""

from django.urls import path

from aidhub.api.views import tokens

app_name = "api_tokens"

urlpatterns = [
    path("organize/api-tokens/", tokens.token_list, name="list"),
    path("organize/api-tokens/<int:pk>/revoke/", tokens.token_revoke, name="revoke"),
]
