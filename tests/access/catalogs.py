# Translators' pages (issue 21). Translators of a language and superusers correct it; organizers read the corrections
# and download their patch. The matrix's admin is a superuser with two-factor; refusals of translators (another
# language, no second factor, deactivated) are in tests/catalogs/test_access.py.
ES_FORM = {"po_filter": "project", "lang_id": "es", "idx": 0}

ROWS = {
    "catalogs:home": (None, "302 302 403 403 403 200 200 200", "405 405 405 405 405 405 405 405"),
    "catalogs:patch": ({"language": "es"}, "302 302 403 403 403 200 200 200", "405 405 405 405 405 405 405 405"),
    # Rosetta's list of files leads to our page of the person's languages.
    "rosetta-file-list": (
        {"po_filter": "project"},
        "302 302 403 403 403 302 302 302",
        "405 405 405 405 405 405 405 405",
    ),
    # Organizers who translate nothing may not correct: 403. An empty POST saves nothing and goes to the next page.
    "rosetta-form": (ES_FORM, "302 302 403 403 403 403 403 200", "302 302 403 403 403 403 403 302"),
    "rosetta-download-file": (ES_FORM, "302 302 403 403 403 403 403 200", "302 302 403 403 403 403 403 405"),
    # Machine-translation suggestions are turned off: the name stays (Rosetta's pages reverse it), the page is gone.
    "rosetta.translate_text": (None, "404 404 404 404 404 404 404 404", "405 405 405 405 405 405 405 405"),
}
