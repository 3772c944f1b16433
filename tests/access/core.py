ROWS = {
    "core:home": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "core:organizations": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "core:volunteer_intro": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    # "Check your messages", where public forms that look up a contact lead, found or not.
    "core:sent": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    # The accessibility statement, in every language (issue 16).
    "core:accessibility": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    # Organizers only: their organizations' audit trail.
    "core:audit_trail": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    # Health endpoints for load balancers: open to anyone, say nothing about anyone.
    "healthz": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "readyz": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    # The volunteer's own page.
    "portal:dashboard": (None, "302 302 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    # The admin's sign-in goes through allauth (rate limits, two-factor): people who are not staff get 403.
    # Every other admin URL follows the staff-only rule.
    "admin:login": (None, "302 302 403 403 403 403 403 302", "302 302 403 403 403 403 403 200"),
    "admin:logout": (None, "302 302 302 302 302 302 302 405", "302 302 302 302 302 302 302 200"),
}
