"""Importing a spreadsheet of volunteers: keeping the upload for its preview, then making the accounts, profiles
and draft offers through the accounts and offers services, inviting each new volunteer in their language.

Offers are saved as offer_save saves a new one (aidhub.offers.services.offers_create_listed): waiting for an
organizer's review, never published by the import; kinds of help that need vetting also wait for a confirmation.
The accounts have no password and an unconfirmed address until the volunteer opens the invitation and chooses
one.

An address that already has an account this organization did not import is counted, shown and audited as a new
volunteer (the organizer must not learn that it has an account): the account is left as it is, and the person is
told instead, once per organization, in their own language (ImportNotice)."""

import json
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from aidhub.accounts.models import User
from aidhub.accounts.services import ListedVolunteer, volunteers_create_listed
from aidhub.core.models import AuditEvent, audit
from aidhub.core.selectors import acting_organization
from aidhub.imports.checks import NEW, UPDATED, Checked, check_rows, counts
from aidhub.imports.files import Row
from aidhub.imports.models import ImportBatch, ImportedVolunteer, ImportNotice
from aidhub.lib.adapters.allauth import password_reset_key
from aidhub.lib.crypto import keyed_hash
from aidhub.messaging.services import send_email
from aidhub.offers.services import ListedOffer, offers_create_listed


class BatchGone(Exception):
    """The upload was imported already, or expired: the organizer uploads the file again."""


def session_hash(session_key: str) -> str:
    return keyed_hash(f"import-session:{session_key}")


def import_uploads_purge(*, now: datetime | None = None) -> int:
    """Deletes the uploads whose hour has passed (imported ones keep only counts; the others still hold rows)."""
    deleted: int = (
        ImportBatch.objects.filter(expires_at__lte=now or timezone.now()).delete()[1].get(ImportBatch._meta.label, 0)
    )
    return deleted


@transaction.atomic
def import_upload(*, actor: User, session_key: str, rows: list[Row]) -> ImportBatch:
    """Keeps the rows of an uploaded file, encrypted, for an hour, bound to this organizer and session. Uploads
    that expired (anyone's) are deleted on the way."""
    import_uploads_purge()
    return ImportBatch.objects.create(
        organizer=actor,
        organization=acting_organization(actor),
        session_hash=session_hash(session_key),
        rows=json.dumps(rows),
        row_count=len(rows),
    )


def batch_rows(batch: ImportBatch) -> list[Row]:
    rows: list[Row] = json.loads(batch.rows or "[]")
    return rows


@transaction.atomic
def import_confirm(*, actor: User, batch: ImportBatch) -> dict[str, int]:
    """Imports the rows without errors, as they check now: new accounts with their profile and draft offer, each
    invited in their language, and offers added to accounts an earlier import made (no second invitation). Rows
    with errors are left out. A fixed number of queries for the whole file, plus the queued invitations.
    Rows naming an account the organization did not import count as new and invited, but only tell the person
    (_notify). Audited with the counts; the rows are then emptied. Returns the counts (new, updated, unchanged,
    error, invited). BatchGone when it was imported already, expired, or its organization is gone."""
    locked = ImportBatch.objects.select_for_update().filter(pk=batch.pk).waiting().first()
    if locked is None or locked.organization is None:
        raise BatchGone
    checked = check_rows(actor=actor, organization=locked.organization, rows=batch_rows(locked))
    new = [result for result in checked if result.outcome == NEW and not result.notify]
    told = [result for result in checked if result.notify]
    users = volunteers_create_listed(
        volunteers=[
            ListedVolunteer(
                email=result.email,
                language=result.language,
                display_name=result.name,
                languages=result.languages,
                areas=result.areas,
                categories=[result.offer.category] if result.offer else [],
                availability=result.offer.availability if result.offer else 0,
            )
            for result in new
        ]
    )
    for result, user in zip(new, users, strict=True):
        result.user = user
    offers_create_listed(
        offers=[
            ListedOffer(
                volunteer=result.user,
                category=result.offer.category,
                title=result.offer.title,
                description=result.offer.description,
                languages=result.languages,
                areas=result.areas,
                availability=result.offer.availability,
                capacity=result.offer.capacity,
            )
            for result in checked
            if result.outcome in (NEW, UPDATED)
            and not result.notify
            and result.offer is not None
            and result.user is not None
        ]
    )
    ImportedVolunteer.objects.bulk_create([ImportedVolunteer(user=user, batch=locked) for user in users])
    for result in new:
        _invite(result, locked)
    # Once per organization: another import running at the same moment cannot make a second row.
    ImportNotice.objects.bulk_create(
        [ImportNotice(organization=locked.organization, user=result.user, batch=locked) for result in told],
        ignore_conflicts=True,
    )
    for result in told:
        _notify(result, locked)
    # The people told count as new and invited: the counts never tell them apart (nor does the audit entry).
    totals = {**counts(checked), "invited": len(new) + len(told)}
    locked.rows = None
    locked.imported_at = timezone.now()
    locked.counts = totals
    locked.save(update_fields=["rows", "imported_at", "counts"])
    audit(
        actor=actor,
        action=AuditEvent.Action.VOLUNTEERS_IMPORTED,
        target=locked,
        organization=locked.organization,
        details=totals,
    )
    return totals


def _invite(result: Checked, batch: ImportBatch) -> None:
    """The invitation, in the volunteer's language: who added them, their offer, and the link to choose a
    password (allauth's own password reset link), which confirms the account."""
    assert result.user is not None  # made just before
    organization = batch.organization
    send_email(
        to=result.user.email,
        language=result.language,
        template="imports/invitation",
        context={
            "name": result.name,
            "organization": organization.name if organization else "",
            "offer_title": result.offer.title if result.offer else "",
            "reset": password_reset_key(result.user),
        },
    )


def _notify(result: Checked, batch: ImportBatch) -> None:
    """To someone who had an account already: in their own language, which organization listed them and with
    which offer, and that they may sign in and offer it, or ignore the email. Their account is not changed. A
    deactivated account gets nothing (its notice is still recorded: the row reads as everyone else's)."""
    assert result.user is not None  # the account the row named
    if not result.user.is_active:
        return
    organization = batch.organization
    send_email(
        to=result.user.email,
        language=result.user.language,
        template="imports/notice",
        context={
            "organization": organization.name if organization else "",
            "offer_title": result.offer.title if result.offer else "",
        },
    )
