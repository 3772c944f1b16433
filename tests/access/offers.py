ROWS = {
    # A published offer is public.
    "offers:list": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "offers:detail": ("offer", "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    # The volunteer's own offers: anyone else's answer 404.
    "offers:create": (None, "302 302 200 200 200 200 200 200", "302 302 200 200 200 200 200 200"),
    "offers:edit": ("offer", "302 302 200 404 404 404 404 404", "302 302 200 404 404 404 404 404"),
    "offers:pause": ("offer", "405 405 405 405 405 405 405 405", "302 302 302 404 404 404 404 404"),
    "offers:resume": ("offer", "405 405 405 405 405 405 405 405", "302 302 302 404 404 404 404 404"),
    "offers:archive": ("offer", "405 405 405 405 405 405 405 405", "302 302 302 404 404 404 404 404"),
    # Organizers' pages: 403 to non-organizers, 404 for offers outside the organizer's areas.
    "offers:review_queue": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    "offers:review": ("pending_offer", "302 302 403 403 403 200 404 403", "302 302 403 403 403 200 404 403"),
}
