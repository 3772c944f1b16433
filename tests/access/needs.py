# Family pages need the private token in the query string or form; without it every role gets 404
# (the family's own access is tested in tests/needs/test_family_status.py).
ROWS = {
    "needs:ask": (None, "200 200 200 200 200 200", "200 200 200 200 200 200"),
    "needs:status": (None, "404 404 404 404 404 404", "405 405 405 405 405 405"),
    "needs:change": (None, "404 404 404 404 404 404", "404 404 404 404 404 404"),
    "needs:withdraw": (None, "405 405 405 405 405 405", "404 404 404 404 404 404"),
    "needs:delete": (None, "404 404 404 404 404 404", "404 404 404 404 404 404"),
    "needs:deleted": (None, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    "needs:find": (None, "200 200 200 200 200 200", "200 200 200 200 200 200"),
    # Organizers: 403 for everyone else, 404 for requests outside their areas.
    "needs:intake": (None, "302 403 403 200 200 403", "302 403 403 200 200 403"),
    "needs:export": (None, "302 403 403 200 200 403", "405 405 405 405 405 405"),
    "needs:mark_reviewed": ("help_request", "405 405 405 405 405 405", "302 403 403 302 404 403"),
    "needs:ask_for_info": ("help_request", "405 405 405 405 405 405", "302 403 403 302 404 403"),
    "needs:close": ("help_request", "405 405 405 405 405 405", "302 403 403 302 404 403"),
}
