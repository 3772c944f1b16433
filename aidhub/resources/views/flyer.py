"""A printable flyer per language: a few plain sentences, the network's phone number, and a QR code that opens
the help form in that language."""

from urllib.parse import urlsplit

from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from aidhub.core.translations import language_direction
from aidhub.resources.forms import FlyerForm
from aidhub.resources.qr import help_form_url, make_qr, qr_svg


@require_safe
def flyer(request):
    form = FlyerForm(request.GET)
    language, paper = form.options()
    url = help_form_url(language)
    with translation.override(language):
        qr = qr_svg(make_qr(url), label=_("QR code that opens the help form"))
    parts = urlsplit(url)
    context = {
        "form": form,
        "flyer_language": language,
        "flyer_direction": language_direction(language),
        "paper": paper,
        "paper_stylesheet": f"css/flyer-{paper}.css",
        "qr": qr,
        # What people type when they cannot scan: no https://, which phones add by themselves.
        "short_url": parts.netloc + parts.path,
    }
    return render(request, "resources/flyer.html", context)
