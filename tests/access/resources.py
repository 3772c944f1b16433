"""Resources. The library and the flyer are public; drafts and organizers' pages are not. Organizers' pages answer
403 to non-organizers and 404 for other organizations' resources."""

PUBLIC = ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405")
ORGANIZER_PAGE = ("302 302 403 403 403 200 404 403", "405 405 405 405 405 405 405 405")
ORGANIZER_FORM = ("302 302 403 403 403 200 404 403", "302 302 403 403 403 200 404 403")
ORGANIZER_ACTION = ("405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403")

ROWS = {
    "resources:list": (None, *PUBLIC),
    "resources:flyer": (None, *PUBLIC),
    "resources:detail": ("resource", *PUBLIC),
    "resources:file": ("file_resource", *PUBLIC),
    "resources:organize": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    # An empty form answers with its errors.
    "resources:create": (None, "302 302 403 403 403 200 200 403", "302 302 403 403 403 200 200 403"),
    "resources:edit": ("resource", *ORGANIZER_FORM),
    "resources:publish": ("resource", *ORGANIZER_ACTION),
    "resources:unpublish": ("resource", *ORGANIZER_ACTION),
    "resources:file_preview": ("file_resource", *ORGANIZER_PAGE),
    "resources:translations": ("resource", *ORGANIZER_PAGE),
    # An empty translation is valid (it removes that language's texts): the organizer is sent back to the page.
    "resources:translation_save": ("resource_translation", *ORGANIZER_ACTION),
}
