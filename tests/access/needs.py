# Family pages need the private token in the query string or form: only "family" holds it; everyone else,
# signed in or not, gets 404. Changing with an empty form shows errors (200); deleting deletes (302).
ROWS = {
    "needs:ask": (None, "200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    "needs:status": ("family_link", "404 200 404 404 404 404 404 404", "405 405 405 405 405 405 405 405"),
    "needs:change": ("family_link", "404 200 404 404 404 404 404 404", "404 200 404 404 404 404 404 404"),
    # The family answers a question: an empty answer shows the page with its error (400).
    "needs:reply": ("family_link", "405 405 405 405 405 405 405 405", "404 400 404 404 404 404 404 404"),
    "needs:withdraw": ("family_link", "405 405 405 405 405 405 405 405", "404 302 404 404 404 404 404 404"),
    "needs:delete": ("family_link", "404 200 404 404 404 404 404 404", "404 302 404 404 404 404 404 404"),
    "needs:deleted": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "needs:find": (None, "200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    # Organizers: 403 for everyone else, 404 for requests outside their areas.
    "needs:queue": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    "needs:request_detail": ("help_request", "302 302 403 403 403 200 404 403", "405 405 405 405 405 405 405 405"),
    "needs:request_contact": ("help_request", "302 302 403 403 403 200 404 403", "405 405 405 405 405 405 405 405"),
    "needs:intake": (None, "302 302 403 403 403 200 200 403", "302 302 403 403 403 200 200 403"),
    # Organizers enter their password again first (302), then get the file.
    "needs:export": (None, "302 302 403 403 403 302 302 403", "405 405 405 405 405 405 405 405"),
    "needs:mark_reviewed": ("help_request", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
    "needs:ask_question": ("help_request", "302 302 403 403 403 200 404 403", "302 302 403 403 403 200 404 403"),
    "needs:close": ("help_request", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
    # A text to the family through the network's number: an empty form shows the page with its error (400).
    "needs:text_family": ("help_request", "405 405 405 405 405 405 405 405", "302 302 403 403 403 400 404 403"),
}
