from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django.utils import translation

from aidhub.accounts.models import get_volunteer_profile
from aidhub.core.crypto import field_cipher


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        """New accounts keep the language they signed up in, and get their volunteer profile straight away."""
        user = super().save_user(request, user, form, commit=False)
        user.language = translation.get_language() or user.language
        if commit:
            user.save()
            get_volunteer_profile(user)
        return user

    def send_mail(self, template_prefix, email, context):
        """Account emails go out in the recipient's language, not in the language of whoever triggered them."""
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language()
        with translation.override(language):
            super().send_mail(template_prefix, email, context)


class MFAAdapter(DefaultMFAAdapter):
    """Two-factor secrets (TOTP seeds, recovery-code seeds) are encrypted at rest with the field keys."""

    def encrypt(self, text):
        return field_cipher().encrypt(text.encode()).decode()

    def decrypt(self, encrypted_text):
        return field_cipher().decrypt(encrypted_text.encode()).decode()
