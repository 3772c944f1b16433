BAD_RESET_KEY = {"uidb36": "zz", "key": "not-a-real-key"}

ROWS = {
    "accounts:profile": (None, "302 302 200 200 200 200 200 200", "302 302 200 200 200 200 200 200"),
    # Accounts (django-allauth). Signed-in people are sent on from sign-in and sign-up pages.
    "account_login": (None, "200 200 302 302 302 302 302 302", "200 200 302 302 302 302 302 302"),
    "account_logout": (None, "302 302 200 200 200 200 200 200", "302 302 302 302 302 302 302 302"),
    "account_inactive": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "account_signup": (None, "200 200 302 302 302 302 302 302", "200 200 302 302 302 302 302 302"),
    "account_reauthenticate": (None, "302 302 200 200 200 200 200 200", "302 302 200 200 200 200 200 200"),
    "account_email": (None, "302 302 200 200 200 200 200 200", "302 302 302 302 302 302 302 302"),
    "account_email_verification_sent": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "account_change_password": (None, "302 302 200 200 200 200 200 200", "302 302 200 200 200 200 200 200"),
    "account_set_password": (None, "302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
    "account_reset_password": (None, "200 200 200 200 200 200 200 200", "200 200 200 200 200 200 200 200"),
    "account_reset_password_done": (None, "200 200 200 200 200 200 200 200", "405 405 405 405 405 405 405 405"),
    "account_reset_password_from_key": (
        {"uidb36": "zz", "key": "not-a-real-key"},
        "200 200 200 200 200 200 200 200",
        "200 200 200 200 200 200 200 200",
    ),
    "account_reset_password_from_key_done": (
        None,
        "200 200 200 200 200 200 200 200",
        "405 405 405 405 405 405 405 405",
    ),
    "account_confirm_email": (
        {"key": "not-a-real-key"},
        "200 200 200 200 200 200 200 200",
        "404 404 404 404 404 404 404 404",
    ),
    # Sign-in by a code sent to the email address: for people who are signed out (the way in when wrong passwords
    # from elsewhere reached the account's ceiling); confirming needs a code asked for in this session.
    "account_request_login_code": (None, "200 200 302 302 302 302 302 302", "200 200 302 302 302 302 302 302"),
    "account_confirm_login_code": (None, "302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
    # Two-factor sign-in (allauth.mfa): all pages are for signed-in people about their own account.
    # Changing a method asks to re-enter the password first; pages for a method not set up answer 404.
    "mfa_index": (None, "302 302 200 200 200 200 200 200", "302 302 405 405 405 405 405 405"),
    "mfa_authenticate": (None, "302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
    # Organizers and administrators have two-factor set up (required); volunteers here do not.
    "mfa_reauthenticate": (None, "302 302 302 302 302 200 200 200", "302 302 302 302 302 200 200 200"),
    "mfa_activate_totp": (None, "302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
    "mfa_deactivate_totp": (None, "302 302 404 404 404 302 302 302", "302 302 404 404 404 302 302 302"),
    "mfa_view_recovery_codes": (None, "302 302 404 404 404 404 404 404", "302 302 405 405 405 405 405 405"),
    "mfa_generate_recovery_codes": (None, "302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
    "mfa_download_recovery_codes": (None, "302 302 404 404 404 404 404 404", "302 302 404 404 404 404 404 404"),
    "mfa_list_webauthn": (None, "302 302 200 200 200 200 200 200", "302 302 405 405 405 405 405 405"),
    "mfa_add_webauthn": (None, "302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
    "mfa_reauthenticate_webauthn": (None, "302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
    "mfa_remove_webauthn": ({"pk": 999999}, "302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
    "mfa_edit_webauthn": ({"pk": 999999}, "302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
    "mfa_login_webauthn": (None, "302 302 302 302 302 302 302 302", "302 302 302 302 302 302 302 302"),
}
