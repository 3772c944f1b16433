"""Small helpers shared by tests: solving the anti-bot check as a browser would, making photos, counting queries."""

from io import BytesIO

from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image

from aidhub.lib import antibot


def antibot_fields(prefix="antibot"):
    """Posted fields of a solved proof-of-work challenge, as static/js/antibot.js would send them."""
    challenge = antibot.new_challenge()
    return {
        f"{prefix}_challenge": challenge["token"],
        f"{prefix}_solution": antibot.solve(challenge["token"], challenge["difficulty"]),
    }


def jpeg_bytes(*, gps=False, size=(64, 48), color=(200, 40, 40)):
    """A small JPEG; with gps=True it carries EXIF with a GPS position, a camera make and a comment."""
    image = Image.new("RGB", size, color)
    exif = Image.Exif()
    if gps:
        exif[0x010F] = "PhoneMaker"  # Make
        exif[0x0110] = "Phone 12"  # Model
        gps_ifd = exif.get_ifd(0x8825)
        gps_ifd[1] = "N"  # GPSLatitudeRef
        gps_ifd[2] = (34.0, 3.0, 8.0)  # GPSLatitude
        gps_ifd[3] = "W"  # GPSLongitudeRef
        gps_ifd[4] = (118.0, 14.0, 37.0)  # GPSLongitude
    output = BytesIO()
    image.save(output, format="JPEG", exif=exif.tobytes(), comment=b"taken at 12 Elm Street" if gps else b"")
    return output.getvalue()


def pdf_bytes(pages=1):
    """A small, real PDF (Pillow writes one page per image)."""
    images = [Image.new("RGB", (200, 280), (255, 255, 255)) for _ in range(pages)]
    output = BytesIO()
    images[0].save(output, format="PDF", save_all=True, append_images=images[1:])
    return output.getvalue()


def png_bytes(size=(40, 30)):
    output = BytesIO()
    Image.new("RGBA", size, (10, 120, 200, 255)).save(output, format="PNG")
    return output.getvalue()


def sign_in(client, user):
    """Signs a person in on a test client as allauth would have: the session records that they gave their password
    and, when they have an authenticator, their second factor (allauth's own record_authentication). Organizer and
    administrator pages need that second record (aidhub.core.security.session_passed_mfa)."""
    from allauth.mfa.models import Authenticator
    from django.test import RequestFactory

    from aidhub.lib.adapters.allauth import record_authentication

    client.force_login(user)
    request = RequestFactory().get("/")
    request.session = client.session
    record_authentication(request, user, "password", email=user.email)
    authenticator = Authenticator.objects.filter(user=user, type__in=["totp", "webauthn"]).first()
    if authenticator is not None:
        record_authentication(request, user, "mfa", id=authenticator.pk, type=authenticator.type)
    request.session.save()
    return client


def totp_code(secret):
    """The code an authenticator app with this secret shows now."""
    from aidhub.lib.adapters import allauth

    return allauth.totp_code(secret)


def sign_in_with_two_factor(client, email, password, secret):
    """Signs in as a person would: password first, then the current code of their authenticator app."""
    response = client.post("/en/accounts/login/", {"login": email, "password": password})
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    return client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(secret)}, follow=True)


def reauthenticate(client, password="a-good-long-test-password"):
    """Enters the password again, as allauth asks before exports and sending alerts."""
    response = client.post("/en/accounts/reauthenticate/", {"password": password})
    assert response.status_code == 302, "re-authentication failed"
    return response


def get_with_queries(client, url):
    """GETs a page that must answer 200 and returns the response with the number of SQL queries it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, f"{url} answered {response.status_code}"
    return response, len(queries)


def count_queries(client, url):
    """The number of SQL queries a page that must answer 200 runs: list pages prove theirs stay flat."""
    return get_with_queries(client, url)[1]
