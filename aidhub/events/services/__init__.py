"""Event work that spans several models or tells people something. Keyword-only `<entity>_<action>` functions."""

from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrOrPromise


class Refusal(Exception):
    """The action cannot happen now (full, closed, already done); `message` says why, in the reader's language."""

    def __init__(self, message: StrOrPromise) -> None:
        super().__init__(str(message))
        self.message = message


CLOSED = _("Sign-ups for this event are closed.")
