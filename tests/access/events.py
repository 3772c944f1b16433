"""Events. Public pages for everyone; private links work for whoever holds them; volunteers' own shifts and
slots answer 404 to others; organizers' pages answer 403 to non-organizers and 404 to other organizations."""

PUBLIC = ("200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405")
PUBLIC_FORM = ("200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200")
PRIVATE_LINK_ACTION = ("405 405 405 405 405 405 405 405", "302 302 302 302 302 302 302 302")
ORGANIZER_PAGE = ("302 302 403 403 403 200 404 403", "405 405 405 405 405 405 405 405")
ORGANIZER_FORM = ("302 302 403 403 403 200 404 403", "302 302 403 403 403 200 404 403")
ORGANIZER_ACTION = ("405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403")

ROWS = {
    "events:list": (None, *PUBLIC),
    "events:feed": (None, *PUBLIC),
    "events:detail": ("event", *PUBLIC),
    "events:event_ics": ("event", *PUBLIC),
    # Anyone may pledge, book or register, signed in or not (an empty form answers with its errors).
    "events:pledge": ("event", *PUBLIC_FORM),
    "events:book": ("served_event", *PUBLIC_FORM),
    "events:register": ("event", *PUBLIC_FORM),
    # A private link is the key: whoever holds it, whoever is signed in.
    "events:booking": ("booking_link", *PUBLIC),
    "events:booking_move": ("booking_link", *PRIVATE_LINK_ACTION),
    "events:booking_cancel": ("booking_link", *PRIVATE_LINK_ACTION),
    "events:registration": ("registration_link", *PUBLIC),
    "events:registration_cancel": ("registration_link", *PRIVATE_LINK_ACTION),
    "events:shift_feed": ("feed_link", *PUBLIC),
    # Volunteers: anyone signed in takes a shift anyone may take; only its holder leaves it.
    "events:shift_signup": ("shift", "405 405 405 405 405 405 405 405", "302 302 302 302 302 302 302 302"),
    # A lawyer's shift: only a volunteer confirmed for legal help gets it. The others are sent back to the event
    # with "Only volunteers an organizer has confirmed for legal help can take this shift." and no sign-up
    # (tests/security/test_break01_stranger_becomes_lawyer.py); asking to be confirmed is open to every volunteer.
    "events:shift_signup#lawyer": (
        "lawyer_shift",
        "405 405 405 405 405 405 405 405",
        "302 302 302 302 302 302 302 302",
    ),
    "events:shift_ask": ("lawyer_shift", "405 405 405 405 405 405 405 405", "302 302 302 302 302 302 302 302"),
    "events:shift_cancel": ("shift", "405 405 405 405 405 405 405 405", "302 302 302 404 404 404 404 404"),
    "events:my_calendar": (None, "302 302 200 200 200 200 200 200", "302 302 200 200 200 200 200 200"),
    "events:my_slots": ("served_event", "302 302 200 404 404 404 404 404", "405 405 405 405 405 405 405 405"),
    # The bookings of a legal night: only a volunteer confirmed for legal help who holds the lawyers' shift (Sara).
    # María holds a place from before vetting was required, or from before her confirmation was taken back: 404.
    "events:my_slots#legal_night": (
        "legal_night_served",
        "302 302 404 200 404 404 404 404",
        "405 405 405 405 405 405 405 405",
    ),
    # Organizers.
    "events:organize": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    "events:create": (None, "302 302 403 403 403 200 200 403", "302 302 403 403 403 200 200 403"),
    "events:manage": ("event", *ORGANIZER_PAGE),
    "events:edit": ("event", *ORGANIZER_FORM),
    "events:publish": ("event", *ORGANIZER_ACTION),
    "events:cancel": ("event", "302 302 403 403 403 200 404 403", "302 302 403 403 403 302 404 403"),
    "events:finish": ("event", *ORGANIZER_ACTION),
    "events:translations": ("event", *ORGANIZER_PAGE),
    # An empty translation is valid (it removes that language's texts): the organizer is sent back to the page.
    "events:translation_save": ("event_translation", *ORGANIZER_ACTION),
    "events:shift_create": ("event", *ORGANIZER_FORM),
    "events:shift_edit": ("shift", *ORGANIZER_FORM),
    "events:shift_delete": ("shift", *ORGANIZER_ACTION),
    "events:slots_generate": ("event", *ORGANIZER_FORM),
    "events:slot_delete": ("slot", *ORGANIZER_ACTION),
    "events:item_create": ("event", *ORGANIZER_FORM),
    "events:item_delete": ("supply_item", *ORGANIZER_ACTION),
    "events:pledge_received": ("pledge", *ORGANIZER_ACTION),
    "events:attendance": ("event", *ORGANIZER_PAGE),
    # Exports ask for the password again first (the organizer here signed in long ago).
    "events:shifts_csv": ("event", "302 302 403 403 403 302 404 403", "405 405 405 405 405 405 405 405"),
}
