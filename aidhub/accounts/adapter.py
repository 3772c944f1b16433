from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from aidhub.accounts import lockout
from aidhub.accounts.models import get_volunteer_profile
from aidhub.accounts.services import invitation_accept
from aidhub.core.selectors import is_organizer
from aidhub.lib.crypto import field_cipher


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """New accounts keep the language they signed up in, and get their volunteer profile straight away."""
        user = super().save_user(request, user, form, commit=False)
        user.language = translation.get_language() or user.language
        if commit:
            user.save()
            get_volunteer_profile(user)
        return user

    def set_password(self, user, password):
        """Someone whose account has no password yet (an organizer's import made it, aidhub.imports) chooses one
        through the link their invitation brought to their mailbox (accounts.services.invitation_accept): signing in
        then sends no second email."""
        had_none = not user.has_usable_password()
        super().set_password(user, password)
        if had_none:
            invitation_accept(user=user)

    def pre_authenticate(self, request, **credentials):
        """Counts the attempt per account and source and per account (aidhub.accounts.lockout), instead of allauth's
        count per account alone, which let anyone lock the owner out."""
        login = credentials.get("email") or credentials.get("username") or ""
        self._sign_in_attempt = lockout.count_sign_in_attempt(request, login)
        if self._sign_in_attempt is None:
            raise self.validation_error("too_many_login_attempts")

    def authenticate(self, request, **credentials):
        user = super().authenticate(request, **credentials)
        if user is not None and self._sign_in_attempt is not None:
            # Only failures count; a success takes back its own attempt (not the others, as allauth does).
            self._sign_in_attempt.rollback()
        return user

    def get_login_redirect_url(self, request):
        """Organizers land where the work is (the organizer dashboard, with what waits for them); volunteers on
        their My page. A `next` in the sign-in link still wins (allauth asks it before the adapter)."""
        if is_organizer(request.user):
            return reverse("matching:dashboard")
        return super().get_login_redirect_url(request)

    def send_mail(self, template_prefix, email, context):
        """Account emails go out in the recipient's language, not in the language of whoever triggered them."""
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language()
        # They greet in the network's name, never the host's (templates/account/email/).
        context = {**context, "network_name": settings.NETWORK_NAME}
        with translation.override(language):
            super().send_mail(template_prefix, email, context)


class MFAAdapter(DefaultMFAAdapter):
    """Two-factor secrets (TOTP seeds, recovery-code seeds) are encrypted at rest with the field keys."""

    def encrypt(self, text):
        return field_cipher().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text):
        return field_cipher().decrypt(encrypted_text.encode()).decode()
