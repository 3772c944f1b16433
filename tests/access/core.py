ROWS = {
    "core:home": (None, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    "core:organizations": (None, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    # Health endpoints for load balancers: open to anyone, say nothing about anyone.
    "healthz": (None, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    "readyz": (None, "200 200 200 200 200 200", "405 405 405 405 405 405"),
    # The volunteer's own page.
    "portal:dashboard": (None, "302 200 200 200 200 200", "405 405 405 405 405 405"),
    # The admin's own sign-in and sign-out; every other admin URL follows the staff-only rule.
    "admin:login": (None, "200 200 200 200 200 302", "200 200 200 200 200 200"),
    "admin:logout": (None, "302 302 302 302 302 405", "302 302 302 302 302 200"),
}
