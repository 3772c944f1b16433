ROWS = {
    # "Try the phone line": organizers only (an empty message answers 200 with the form's error).
    "phone:try": (None, "302 302 403 403 403 200 200 403", "302 302 403 403 403 200 200 403"),
    # The number's webhook for text and WhatsApp messages: POST only, and only with Twilio's valid signature.
    "hooks:twilio_sms": (None, "405 405 405 405 405 405 405 405", "403 403 403 403 403 403 403 403"),
}
