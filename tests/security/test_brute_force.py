"""Sign-in, sign-up, password reset and two-factor are rate-limited by allauth in the shared cache;
public forms by the anti-bot check. Client addresses never appear in the cache keys."""

from django.core.cache import cache

from aidhub.needs.models import HelpRequest
from tests.needs.helpers import help_form


def test_repeated_wrong_passwords_are_slowed_down(client, volunteer):
    responses = [
        client.post("/en/accounts/login/", {"login": volunteer.email, "password": f"wrong-{n}"}) for n in range(6)
    ]
    assert "Too many failed login attempts" not in responses[4].text
    assert "Too many failed login attempts" in responses[5].text
    # Even the right password waits now, for this account.
    right = client.post("/en/accounts/login/", {"login": volunteer.email, "password": "a-good-long-test-password"})
    assert right.status_code == 200
    # No permanent lock-out: another person (another address, other account) is not affected.
    other = client.post(
        "/en/accounts/login/", {"login": "tom@example.org", "password": "x"}, REMOTE_ADDR="198.51.100.7"
    )
    assert other.status_code == 200


def test_password_reset_requests_are_limited(client, volunteer, mailoutbox):
    responses = [client.post("/en/accounts/password/reset/", {"email": volunteer.email}) for _ in range(8)]
    # At most five reset emails a minute for one address, whoever asks; then a translated "too many" page.
    assert len(mailoutbox) == 5
    assert responses[-1].status_code == 429
    spanish = client.post("/es/accounts/password/reset/", {"email": volunteer.email})
    assert "Demasiados intentos" in spanish.text


def test_the_help_form_is_rate_limited_per_client(client, eastside, settings):
    settings.ANTIBOT_RATES = {**settings.ANTIBOT_RATES, "needs.ask": (3, 3, 3600)}
    statuses = [client.post("/en/help/", help_form(eastside)).status_code for _ in range(5)]
    assert statuses[:3] == [302, 302, 302]
    assert statuses[3:] == [429, 429]
    assert HelpRequest.objects.count() == 3
    # Someone else is not affected.
    assert client.post("/en/help/", help_form(eastside), REMOTE_ADDR="198.51.100.8").status_code == 302


def test_the_help_form_needs_the_anti_bot_check(client, eastside):
    data = help_form(eastside)
    data.pop("antibot_solution")
    response = client.post("/es/help/", data)
    assert response.status_code == 200
    assert HelpRequest.objects.count() == 0


def test_client_addresses_never_appear_in_cache_keys(client, volunteer, eastside):
    client.post("/en/accounts/login/", {"login": volunteer.email, "password": "wrong"}, REMOTE_ADDR="203.0.113.77")
    client.post("/en/help/", help_form(eastside), REMOTE_ADDR="203.0.113.77")
    keys = list(cache._cache.keys())
    assert keys
    assert not any("203.0.113.77" in key for key in keys)
    assert not any("maria@example.org" in key for key in keys)
