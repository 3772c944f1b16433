"""What aidhub/lib/adapters/allauth.py relies on in django-allauth, each promise checked against the installed
version through allauth's own pages where it can be: an upgrade that changes one fails here, by name, before it
can weaken sign-in limits or two-factor checks."""

import importlib
from types import SimpleNamespace

from allauth.mfa.adapter import get_adapter as get_mfa_adapter
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.test import Client, RequestFactory
from django.urls import reverse

from tests.adapters.contract import check_verified_version, relied_on
from tests.factories import PASSWORD, UserFactory
from tests.helpers import sign_in_with_two_factor

# What the adapter says when it cannot even be imported (a moved internal module).
_BEFORE_IMPORT = SimpleNamespace(
    __name__="aidhub.lib.adapters.allauth", DISTRIBUTION="django-allauth", VERIFIED_WITH="(see the module)"
)


def _adapter():
    with relied_on(_BEFORE_IMPORT, "allauth.core.internal.ratelimit, allauth.account.internal.flows.login and "
                   "allauth.mfa.totp.internal.auth being importable"):  # fmt: skip
        return importlib.import_module("aidhub.lib.adapters.allauth")


allauth = _adapter()


def _post(address="192.0.2.10"):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_the_adapter_was_checked_against_the_pinned_version():
    check_verified_version(allauth)


def test_rate_limits_count_per_key_refuse_when_used_up_and_roll_back(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "contract_check": "2/m/key"}
    with relied_on(allauth, "ratelimit.consume(request, app=, action=, key=) counting per key, None when used up"):
        request = _post()
        first = allauth.consume_rate_limit(request, app="allauth.account", action="contract_check", key="k")
        second = allauth.consume_rate_limit(request, app="allauth.account", action="contract_check", key="k")
        assert first is not None and second is not None
        assert allauth.consume_rate_limit(request, app="allauth.account", action="contract_check", key="k") is None
        assert allauth.consume_rate_limit(request, app="allauth.account", action="contract_check", key="other")
    with relied_on(allauth, "RateLimitUsage(usage=[...]).rollback() giving the uses back"):
        allauth.merge_usages([first, second]).rollback()
        for _ in range(2):
            assert allauth.consume_rate_limit(request, app="allauth.account", action="contract_check", key="k")


def test_the_client_address_is_counted_by_its_ipv6_network():
    with relied_on(allauth, "ratelimit.get_ip(request) (IPv4 as is, IPv6 by its /64 network)"):
        assert allauth.client_address(_post("198.51.100.7")) == "198.51.100.7"
        one, other = allauth.client_address(_post("2001:db8:1:2::1")), allauth.client_address(_post("2001:db8:1:2::9"))
        assert one == other != allauth.client_address(_post("2001:db8:1:3::1"))


def test_a_real_sign_in_records_the_authenticator_that_gave_the_second_factor(client, db):
    person = UserFactory()
    secret = allauth.new_totp_secret()
    with relied_on(allauth, "TOTP.activate(user, secret), and the code format_hotp_value(hotp_value(...)) shows"):
        authenticator = allauth.activate_totp(person, secret)
        assert authenticator.type == Authenticator.Type.TOTP and authenticator.user_id == person.pk
        page = sign_in_with_two_factor(client, person.email, PASSWORD, secret)
        assert page.redirect_chain[-1][0] == "/en/my/", "allauth refused the code of the adapter's totp_code"
    with relied_on(allauth, 'get_authentication_records(): an "mfa" record with the authenticator\'s id'):
        request = RequestFactory().get("/")
        request.session = client.session
        assert allauth.second_factor_ids(request, person) == {authenticator.pk}
        assert allauth.second_factor_ids(request, UserFactory()) == set(), "records of another person count"


def test_recorded_authentications_are_read_back_for_that_person_only(client, db):
    person = UserFactory()
    authenticator = allauth.activate_totp(person, allauth.new_totp_secret())
    client.force_login(person)
    request = RequestFactory().get("/")
    request.session = client.session
    with relied_on(allauth, "record_authentication(request, user, method, **extra) writing what is read back"):
        allauth.record_authentication(request, person, "password", email=person.email)
        assert allauth.second_factor_ids(request, person) == set()
        allauth.record_authentication(request, person, "mfa", id=authenticator.pk, type=authenticator.type)
        assert allauth.second_factor_ids(request, person) == {authenticator.pk}


def test_totp_codes_are_those_of_rfc_6238():
    # RFC 6238, appendix B, SHA-1 seed "12345678901234567890" (in base32), at 59 s and at 1111111109 s, 6 digits.
    seed = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
    with relied_on(allauth, "hotp_value(secret, counter) and format_hotp_value(value) (30 s periods, 6 digits)"):
        assert allauth.totp_code(seed, at=59) == "287082"
        assert allauth.totp_code(seed, at=1_111_111_109) == "081804"


def test_setting_up_an_app_shows_the_pending_secret_and_keeps_secrets_where_the_adapter_reads_them(client, db):
    person = UserFactory()
    client.post("/en/accounts/login/", {"login": person.email, "password": PASSWORD})
    with relied_on(allauth, 'the secret on the "set up an authenticator app" page kept in the session'):
        client.get("/en/accounts/2fa/totp/activate/")
        client.post("/en/accounts/reauthenticate/", {"password": PASSWORD})  # allauth asks for it first
        page = client.get("/en/accounts/2fa/totp/activate/")
        secret = allauth.pending_totp_secret(client.session)
        assert secret and secret in page.text
        done = client.post("/en/accounts/2fa/totp/activate/", {"code": allauth.totp_code(secret)})
        assert done.status_code == 302
    app = Authenticator.objects.get(user=person, type=Authenticator.Type.TOTP)
    codes = Authenticator.objects.get(user=person, type=Authenticator.Type.RECOVERY_CODES)
    decrypt, encrypt = get_mfa_adapter().decrypt, get_mfa_adapter().encrypt
    with relied_on(allauth, 'Authenticator.data["secret"] (TOTP) and ["seed"] (recovery codes), MFA-encrypted'):
        assert decrypt(allauth.stored_secrets(app)["secret"]) == secret
        seed = decrypt(allauth.stored_secrets(codes)["seed"])
    with relied_on(allauth, "authenticators reading the secrets put back by replace_stored_secrets (key rotation)"):
        unused = codes.wrap().get_unused_codes()
        for authenticator, key, plain in ((app, "secret", secret), (codes, "seed", seed)):
            before = allauth.stored_secrets(authenticator)[key]
            allauth.replace_stored_secrets(authenticator, {key: encrypt(plain)})
            authenticator.save()
            assert allauth.stored_secrets(Authenticator.objects.get(pk=authenticator.pk))[key] != before
        assert Authenticator.objects.get(pk=codes.pk).wrap().get_unused_codes() == unused
        cache.clear()  # a code is taken once per period: the one given above may be given again
        page = sign_in_with_two_factor(Client(), person.email, PASSWORD, secret)
        assert page.redirect_chain[-1][0] == "/en/my/"


def test_replacing_anything_but_a_secret_is_refused(db):
    app = allauth.activate_totp(UserFactory(), allauth.new_totp_secret())
    try:
        allauth.replace_stored_secrets(app, {"type": "x"})
    except ValueError:
        return
    raise AssertionError("replace_stored_secrets took a key that is not a secret")


def test_the_second_factor_is_asked_again_on_allauths_page(db):
    person = UserFactory()
    allauth.activate_totp(person, allauth.new_totp_secret())
    request = _post()
    with relied_on(allauth, 'get_reauthentication_methods(user) offering one with id "mfa_reauthenticate"'):
        assert allauth.mfa_reauthentication_url(request, person) == reverse("mfa_reauthenticate")


def test_allauth_forms_see_the_request_being_handled(db):
    person = UserFactory()
    with relied_on(allauth, "allauth.core.context.request inside the login-code form (counted per source)"):
        response = Client().post("/en/accounts/login/code/", {"email": person.email})
        assert response.status_code == 302, "the form could not read the request it handles"


def test_a_set_your_password_key_opens_allauths_reset_page_once(db):
    person = UserFactory()
    person.set_unusable_password()
    person.save()
    link = reverse("account_reset_password_from_key", kwargs=allauth.password_reset_key(person))
    client = Client()
    with relied_on(allauth, "account_reset_password_from_key taking user_pk_to_url_str and default_token_generator"):
        response = client.get(link)
        assert response.status_code == 302 and "set-password" in response["Location"]
        new_password = "a-new-long-password-7"
        response = client.post(response["Location"], {"password1": new_password, "password2": new_password})
        assert response.status_code == 302
    person.refresh_from_db()
    assert person.has_usable_password()
    # The same link does not work twice: the password it was made for has changed.
    assert "set-password" not in Client().get(link).get("Location", "")
