# Call-outs: organizers' pages (403 for non-organizers, 404 for another organization's call-out); the volunteer's
# private link answers 404 without its token (the token cases: tests/callouts/test_refusals.py); their settings.
ROWS = {
    "callouts:list": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    # An empty POST shows the form's errors (200).
    "callouts:new": (None, "302 302 403 403 403 200 200 403", "302 302 403 403 403 200 200 403"),
    "callouts:count": (None, "405 405 405 405 405 405 405 405", "302 302 403 403 403 200 200 403"),
    "callouts:detail": ("callout", "302 302 403 403 403 200 404 403", "405 405 405 405 405 405 405 405"),
    "callouts:answers": ("callout", "302 302 403 403 403 200 404 403", "405 405 405 405 405 405 405 405"),
    # An empty POST (no request chosen) is refused with a message (302).
    "callouts:match": ("callout_answer", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
    "callouts:close": ("callout", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
    "callouts:answer": (None, "404 404 404 404 404 404 404 404", "404 404 404 404 404 404 404 404"),
    # A signed-in volunteer's answer to a call-out sent to them; anyone else's: 404. An empty POST: back (302).
    "callouts:my_answer": ("callout_recipient", "405 405 405 405 405 405 405 405", "302 302 302 404 404 404 404 404"),
    # An empty POST unticks call-outs (a saved choice, 302).
    "callouts:settings": (None, "302 302 200 200 200 200 200 200", "302 302 302 302 302 302 302 302"),
}
