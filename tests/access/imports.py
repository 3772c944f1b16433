"""Imports: organizers only. An upload belongs to the organizer who made it and the session they made it in, so
every signed-in organizer of the matrix (whose session is not the one that uploaded) gets 404 for it; the
uploader's own session is tested in tests/imports/test_refusals.py."""

ORGANIZER_PAGE = ("302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405")

ROWS = {
    # An empty form answers with its errors.
    "imports:upload": (None, "302 302 403 403 403 200 200 403", "302 302 403 403 403 200 200 403"),
    "imports:template": ({"file_format": "csv"}, *ORGANIZER_PAGE),
    "imports:template#xlsx": ({"file_format": "xlsx"}, *ORGANIZER_PAGE),
    "imports:preview": ("import_batch", "302 302 403 403 403 404 404 403", "405 405 405 405 405 405 405 405"),
    "imports:confirm": ("import_batch", "405 405 405 405 405 405 405 405", "302 302 403 403 403 404 404 403"),
}
