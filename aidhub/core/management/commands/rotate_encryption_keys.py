"""Re-encrypts every encrypted value with the first key of FIELD_ENCRYPTION_KEYS (and current SECRET_KEY).

Rotation, as documented in docs/privacy.md:
  1. put the new key first: FIELD_ENCRYPTION_KEYS=new,old (old ones still decrypt), restart;
  2. run this command; it re-encrypts values, two-factor secrets and recomputes keyed hashes;
  3. remove the old key: FIELD_ENCRYPTION_KEYS=new, restart. Every row still decrypts.
"""

from allauth.mfa.models import Authenticator
from django.core.management.base import BaseCommand
from django.db import transaction

from aidhub.lib.adapters.allauth import replace_stored_secrets, stored_secrets
from aidhub.lib.crypto import encrypted_models, field_cipher, reset_field_ciphers

BATCH = 500


class Command(BaseCommand):
    help = "Re-encrypts all encrypted fields and two-factor secrets with the current first key."

    def handle(self, *args, **options):
        reset_field_ciphers()
        for model, names in encrypted_models():
            count = self._rotate_model(model, names)
            self.stdout.write(f"{model._meta.label}: {count} row(s) re-encrypted ({', '.join(names)})")
        count = self._rotate_authenticators()
        self.stdout.write(f"two-factor authenticators: {count} re-encrypted")

    def _rotate_model(self, model, names):
        count = 0
        rehash = hasattr(model, "refresh_keyed_hashes")
        hash_fields = list(getattr(model, "KEYED_HASH_FIELDS", []))
        queryset = model._base_manager.order_by("pk")
        last_pk = None
        while True:
            batch_qs = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
            batch = list(batch_qs[:BATCH])
            if not batch:
                return count
            with transaction.atomic():
                for row in batch:
                    if rehash:
                        row.refresh_keyed_hashes()
                # Reading decrypted with any key; saving encrypts with the first.
                model._base_manager.bulk_update(batch, [*names, *hash_fields])
            count += len(batch)
            last_pk = batch[-1].pk

    def _rotate_authenticators(self):
        cipher = field_cipher()
        count = 0
        with transaction.atomic():
            for authenticator in Authenticator.objects.select_for_update():
                secrets = stored_secrets(authenticator)
                replace_stored_secrets(
                    authenticator, {key: cipher.rotate(value.encode()).decode() for key, value in secrets.items()}
                )
                authenticator.save(update_fields=["data"])
                count += 1
        return count
