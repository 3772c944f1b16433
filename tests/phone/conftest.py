import pytest
from twilio.request_validator import RequestValidator

AUTH_TOKEN = "twilio-test-auth-token"
WEBHOOK = "/hooks/twilio/sms/"


@pytest.fixture
def twilio_settings(settings):
    settings.TWILIO_AUTH_TOKEN = AUTH_TOKEN
    return settings


class Phone:
    """A person texting the network's number: each message posted as Twilio would, signed, with its own id."""

    def __init__(self, client, number, webhook=WEBHOOK):
        self.client, self.number, self.webhook = client, number, webhook
        self.sent = 0

    def post(self, params, token=AUTH_TOKEN):
        signature = RequestValidator(token).compute_signature(f"https://aidhub.test{self.webhook}", params)
        return self.client.post(self.webhook, params, headers={"x-twilio-signature": signature})

    def send(self, body, sid=None):
        """Sends a message and returns the reply's text ("" for none)."""
        self.sent += 1
        response = self.post(
            {"From": self.number, "Body": body, "MessageSid": sid or f"SM{self.number[-4:]}{self.sent:030d}"}
        )
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/xml")
        return reply_of(response)


def reply_of(response):
    from xml.etree import ElementTree

    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own response, in a test)
    message = root.find("Message")
    return "" if message is None else message.text


@pytest.fixture
def phone(client, twilio_settings, eastside):
    return Phone(client, "+12025550188")
