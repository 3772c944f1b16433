"""QR codes for printed flyers, as inline SVG: one <path>, no style attribute (the CSP allows no inline style)."""

import qrcode
import qrcode.constants
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django_stubs_ext import StrOrPromise
from qrcode.image.svg import SvgPathImage


def help_form_url(language: str) -> str:
    """The full address of the help form in this interface language (/es/help/ for Spanish)."""
    with translation.override(language):
        return settings.SITE_URL + reverse("needs:ask")


def make_qr(url: str) -> qrcode.QRCode[SvgPathImage]:
    """A QR code of this address; medium error correction survives a creased or smudged print."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4, image_factory=SvgPathImage)
    qr.add_data(url)
    qr.make(fit=True)
    return qr


def qr_svg(qr: qrcode.QRCode[SvgPathImage], label: StrOrPromise) -> SafeString:
    """The code as an accessible inline SVG sized by CSS: the modules' path, drawn in the text colour."""
    image = qr.make_image()
    assert image.path is not None  # made by make_image()
    size = qr.modules_count + 2 * qr.border
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="flyer-qr" viewBox="0 0 {size} {size}" role="img" '
        'aria-label="{label}"><rect class="flyer-qr-background" width="{size}" height="{size}"/>'
        '<path d="{path}"/></svg>',
        size=size,
        label=label,
        path=image.path.get("d"),
    )
