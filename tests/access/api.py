"""The REST API in the access matrix.

ROWS: every URL name of the API as the session roles see it. Sessions never open organizers' endpoints: only a
token does, so everyone without one gets 401 (POST to a read-only path: 405). The token page is an organizer page.

TOKEN_ROWS: organizers' endpoints × token roles, with the method and JSON body to send (tests/test_access_matrix.py
::test_token_access). Token roles, in TOKEN_ROLES order: no token; the organizer's read-only token; their
read-and-write token; their read-only token that may read contacts; a read-and-write token (contacts too) of the
organizer of another area, for whom the organizer's objects do not exist (404).
"""

ROWS = {
    "api:docs": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "api:openapi": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "api:api-root": (None, "404 404 404 404 404 404 404 404", "404 404 404 404 404 404 404 404"),
    "api:not_found": ({"rest": "nothing/here"}, "404 404 404 404 404 404 404 404", "404 404 404 404 404 404 404 404"),
    # Public: GET only.
    "api:public_offers": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "api:public_events": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "api:public_resources": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "api:public_areas": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "api:public_categories": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "api:public_languages": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    # Organizers' endpoints: a session is not a token.
    "api:offers": (None, "401 401 401 401 401 401 401 401", "405 405 405 405 405 405 405 405"),
    "api:offer": ("pending_offer", "401 401 401 401 401 401 401 401", "405 405 405 405 405 405 405 405"),
    "api:offer_review": ("pending_offer", "405 405 405 405 405 405 405 405", "401 401 401 401 401 401 401 401"),
    "api:requests": (None, "401 401 401 401 401 401 401 401", "401 401 401 401 401 401 401 401"),
    "api:request_intake": (None, "401 401 401 401 401 401 401 401", "401 401 401 401 401 401 401 401"),
    "api:request": ("help_request", "401 401 401 401 401 401 401 401", "405 405 405 405 405 405 405 405"),
    "api:request_contact": ("help_request", "401 401 401 401 401 401 401 401", "405 405 405 405 405 405 405 405"),
    "api:matches": (None, "401 401 401 401 401 401 401 401", "401 401 401 401 401 401 401 401"),
    "api:match_propose": (None, "401 401 401 401 401 401 401 401", "401 401 401 401 401 401 401 401"),
    "api:match": ("proposed_match", "401 401 401 401 401 401 401 401", "405 405 405 405 405 405 405 405"),
    "api:events": (None, "401 401 401 401 401 401 401 401", "401 401 401 401 401 401 401 401"),
    "api:event_create": (None, "401 401 401 401 401 401 401 401", "401 401 401 401 401 401 401 401"),
    "api:shift_create": ("event", "405 405 405 405 405 405 405 405", "401 401 401 401 401 401 401 401"),
    "api:event_signups": ("event", "401 401 401 401 401 401 401 401", "405 405 405 405 405 405 405 405"),
    "api:alert_draft": (None, "405 405 405 405 405 405 405 405", "401 401 401 401 401 401 401 401"),
    # The organizer's own tokens: an organizer page; another organizer's token answers 404.
    "api_tokens:list": (None, "302 302 403 403 403 200 200 403", "302 302 403 403 403 200 200 403"),
    "api_tokens:revoke": ("organizer_api_token", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
}

TOKEN_ROLES = ("none", "read", "write", "contacts", "other")

# url name: (arguments, method, JSON body or a fixture's name that gives one, statuses in TOKEN_ROLES order)
TOKEN_ROWS = {
    "api:offers": (None, "GET", None, "401 200 200 200 200"),
    "api:offer": ("pending_offer", "GET", None, "401 200 200 200 404"),
    "api:offer_review": ("pending_offer", "POST", {"decision": "approve"}, "401 403 200 403 404"),
    "api:requests": (None, "GET", None, "401 200 200 200 200"),
    "api:request": ("help_request", "GET", None, "401 200 200 200 404"),
    "api:request_contact": ("help_request", "GET", None, "401 403 403 200 404"),
    "api:request_intake": (None, "POST", "intake_body", "401 403 201 403 201"),
    "api:matches": (None, "GET", None, "401 200 200 200 200"),
    "api:match": ("proposed_match", "GET", None, "401 200 200 200 404"),
    "api:match_propose": (None, "POST", "propose_body", "401 403 201 403 404"),
    "api:events": (None, "GET", None, "401 200 200 200 200"),
    "api:event_create": (None, "POST", "event_body", "401 403 201 403 422"),
    "api:shift_create": ("event", "POST", "shift_body", "401 403 201 403 404"),
    "api:event_signups": ("event", "GET", None, "401 200 200 200 404"),
    "api:alert_draft": (None, "POST", "alert_body", "401 403 201 403 422"),
}
