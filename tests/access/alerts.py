ROWS = {
    # Public: the verified alerts, their feed, subscribing and reporting (forms answer 200 with errors).
    "alerts:list": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "alerts:feed": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "alerts:detail": ("sent_alert", "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "alerts:subscribe": (None, "200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    "alerts:report": (None, "200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    # Private links: whoever holds the token (nobody else can guess it).
    "alerts:confirm": ("subscription_link", "200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    "alerts:unsubscribe": ("unsubscribe_link", "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "alerts:unsubscribe_confirm": (
        "unsubscribe_link",
        "405 405 405 405 405 405 405 405",
        "200 200 200 200 200 200 200 200",
    ),
    # Organizers' pages: 403 to non-organizers, 404 for alerts and reports outside the organizer's areas.
    "alerts:manage_list": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    "alerts:create": (None, "302 302 403 403 403 200 200 403", "302 302 403 403 403 200 200 403"),
    "alerts:manage_detail": ("draft_alert", "302 302 403 403 403 200 404 403", "405 405 405 405 405 405 405 405"),
    "alerts:edit": ("draft_alert", "302 302 403 403 403 200 404 403", "302 302 403 403 403 200 404 403"),
    "alerts:progress": ("sent_alert", "302 302 403 403 403 200 404 403", "405 405 405 405 405 405 405 405"),
    "alerts:submit": ("draft_alert", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
    "alerts:verify": ("pending_alert", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
    "alerts:retract": ("sent_alert", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
    "alerts:correct": ("sent_alert", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
    "alerts:retry": ("sent_alert", "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 404 403"),
    "alerts:report_queue": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    "alerts:report_detail": ("community_report", "302 302 403 403 403 200 404 403", "302 302 403 403 403 200 404 403"),
    "alerts:report_photo": ("community_report", "302 302 403 403 403 200 404 403", "405 405 405 405 405 405 405 405"),
    "alerts:report_check_in": (
        "community_report",
        "405 405 405 405 405 405 405 405",
        "302 302 403 403 403 302 404 403",
    ),
    "alerts:report_to_alert": (
        "community_report",
        "405 405 405 405 405 405 405 405",
        "302 302 403 403 403 302 404 403",
    ),
    # The SMS provider's webhook: POST only, and only with a valid signature.
    "alerts_hooks:twilio_sms": (None, "405 405 405 405 405 405 405 405", "403 403 403 403 403 403 403 403"),
}
