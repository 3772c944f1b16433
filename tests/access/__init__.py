"""Rows of the access matrix (tests/test_access_matrix.py), one module per app.

Each module has ROWS = {url name: (arguments, GET statuses, POST statuses)}, statuses in ROLES order:
"""

from tests.access import (
    accounts,
    alerts,
    api,
    callouts,
    catalogs,
    core,
    events,
    imports,
    insights,
    matching,
    needs,
    offers,
    phone,
    resources,
)

# "family" holds a family's private status link (without an account); "accepted_volunteer" has accepted a match
# for a family in the organizer's area; "other_organizer" organizes another area.
ROLES = (
    "anonymous",
    "family",
    "volunteer",
    "accepted_volunteer",
    "other_volunteer",
    "organizer",
    "other_organizer",
    "admin",
)

# Arguments of a URL: None (no arguments), a dict (these keyword arguments), or the name of a fixture whose
# object's pk is the `pk` argument (or which returns a dict of keyword arguments itself).
MATRIX = {
    **core.ROWS,
    **accounts.ROWS,
    **offers.ROWS,
    **needs.ROWS,
    **matching.ROWS,
    **alerts.ROWS,
    **events.ROWS,
    **resources.ROWS,
    **phone.ROWS,
    **insights.ROWS,
    **api.ROWS,
    **imports.ROWS,
    **callouts.ROWS,
    **catalogs.ROWS,
}


def url_name(key):
    """The URL name of a matrix row: "events:my_slots#legal_night" is a row of events:my_slots in one situation."""
    return key.split("#", 1)[0]
