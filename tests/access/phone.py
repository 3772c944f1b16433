# The call-back line's recordings: organizers only (403 for others); any organizer, since the line is the
# network's. An empty upload shows the page with its error (400).
LANGUAGE = {"language": "es"}
PROMPT = {"language": "es", "name": "main_menu"}
ROWS = {
    "phone:prompts": (None, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    "phone:prompt_language": (LANGUAGE, "302 302 403 403 403 200 200 403", "405 405 405 405 405 405 405 405"),
    "phone:prompt_upload": (PROMPT, "405 405 405 405 405 405 405 405", "302 302 403 403 403 400 400 403"),
    "phone:prompt_delete": (PROMPT, "405 405 405 405 405 405 405 405", "302 302 403 403 403 302 302 403"),
    # Called by the phone provider: unsigned posts are refused whoever sends them.
    "phone_hooks:voice": (None, "405 405 405 405 405 405 405 405", "403 403 403 403 403 403 403 403"),
    "phone_hooks:voice_step": (None, "405 405 405 405 405 405 405 405", "403 403 403 403 403 403 403 403"),
    # Recordings are public by design (not personal data), fetched by the hash of their content: none here.
    "phone_hooks:audio": ({"digest": "0" * 64}, "404 404 404 404 404 404 404 404", "405 405 405 405 405 405 405 405"),
    # "Try the phone line": organizers only (an empty message answers 200 with the form's error).
    "phone:try": (None, "302 302 403 403 403 200 200 403", "302 302 403 403 403 200 200 403"),
    # The number's webhook for text and WhatsApp messages: POST only, and only with Twilio's valid signature.
    "hooks:twilio_sms": (None, "405 405 405 405 405 405 405 405", "403 403 403 403 403 403 403 403"),
}
