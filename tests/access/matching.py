# Organizers' pages: 403 for non-organizers, 404 for requests outside the organizer's areas.
# Volunteers' pages: only the volunteer asked sees a match; anyone else gets 404.
ROWS = {
    "matching:dashboard": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    "matching:suggestions": ("help_request", "302 302 403 403 403 200 404 403", "405 405 405 405 405 405 405 405"),
    # Who the suggestions left out, one group (here: at capacity); an empty or unknown group answers 404
    # (tests/matching/test_explained_suggestions.py).
    "matching:left_out": ("left_out_group", "302 302 403 403 403 200 404 403", "405 405 405 405 405 405 405 405"),
    "matching:propose": ("help_request", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
    "matching:cancel": ("proposed_match", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
    # Interpreters for a proposed or accepted match; an empty POST is refused with a message (302).
    "matching:interpreter": ("proposed_match", "302 302 403 403 403 200 404 403", "302 302 403 403 403 302 404 403"),
    "matching:check_in": ("done_match", "302 302 403 403 403 200 404 403", "302 302 403 403 403 200 404 403"),
    "matching:volunteer_list": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    # An empty POST unticks every kind of help (a saved decision, 302).
    "matching:volunteer_detail": (
        "volunteer_profile",
        "302 302 403 403 403 200 404 403",
        "302 302 403 403 403 302 404 403",
    ),
    # Volunteers who asked to be confirmed for a kind of help that needs vetting (organizers of their area).
    "matching:vetting_queue": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    # An empty decision is refused with a message (302); another area's organizer gets 404.
    "matching:vetting_decision": (
        "confirmation_request",
        "405 405 405 405 405 405 405 405",
        "302 302 403 403 403 302 404 403",
    ),
    # The family's check-in answer, from its private link; with none waiting, a message and back to the page (302).
    "matching:family_check_in": ("family_link", "405 405 405 405 405 405 405 405", "404 302 404 404 404 404 404 404"),
    "matching:my_matches": (None, "302 302 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    # The family's details: only the volunteer who accepted this match (not "volunteer", who was asked elsewhere).
    "matching:match_detail": ("accepted_match", "302 302 404 200 404 404 404 404", "405 405 405 405 405 405 405 405"),
    "matching:accept": ("proposed_match", "405 405 405 405 405 405 405 405", "302 302 302 404 404 404 404 404"),
    "matching:decline": ("proposed_match", "405 405 405 405 405 405 405 405", "302 302 302 404 404 404 404 404"),
    # The volunteer who accepted texts the family (an empty form: 400); anyone else's match answers 404.
    "matching:text_family": ("accepted_match", "405 405 405 405 405 405 405 405", "302 302 404 400 404 404 404 404"),
    "matching:done": ("proposed_match", "405 405 405 405 405 405 405 405", "302 302 302 404 404 404 404 404"),
}
