"""Changes to people's accounts: their profile, sessions, deactivation, and vetting decisions."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import import_module
from typing import Any, Protocol, cast

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import models, transaction
from django.utils import timezone

from aidhub.accounts.capabilities import needs_vetting
from aidhub.accounts.models import User, Vetting, VolunteerProfile, get_volunteer_profile
from aidhub.core.models import Area, AuditEvent, Language, Organization, audit
from aidhub.core.selectors import acting_organization, organized_organizations
from aidhub.lib import fragments


@transaction.atomic
def volunteer_profile_save(
    *,
    actor: User,
    display_name: str,
    languages: Iterable[Language],
    areas: Iterable[Area],
    categories: list[str],
    availability: int,
    max_active_matches: int,
    language: str,
) -> VolunteerProfile:
    """The volunteer changes their own profile, and the language of their pages and messages (kept on the user)."""
    profile: VolunteerProfile = get_volunteer_profile(actor)
    profile.display_name = display_name
    profile.categories = categories
    profile.availability = availability
    profile.max_active_matches = max_active_matches
    profile.save()
    profile.languages.set(languages)
    profile.areas.set(areas)
    actor.language = language
    actor.save(update_fields=["language"])
    # The public offer list shows the volunteer's display name.
    fragments.bump("offers")
    return profile


def end_sessions(*, user: User) -> int:
    """Ends every session of this person at once (after deactivation or deletion, or if their device was lost)."""
    return end_sessions_of(users=[user])


@transaction.atomic
def end_sessions_of(*, users: Iterable[User]) -> int:
    """Ends every session of these people at once.

    Sessions are not indexed by user, so this reads the live ones; it runs rarely, by an administrator. Each is
    deleted through the session engine, so that a copy in the shared cache (cached_db with Redis) goes too.
    """
    store = import_module(settings.SESSION_ENGINE).SessionStore
    ended = 0
    user_ids = {str(user.pk) for user in users}
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") in user_ids:
            store(session_key=session.session_key).delete()
            ended += 1
    return ended


class AuditedLink(Protocol):
    """A link that works without a session whose ending belongs in the audit trail (an API token): its model also
    names the audit action in `revoked_with_owner_audit`."""

    def audit_details(self) -> dict[str, Any]: ...


def audit_personal_link(
    *, actor: User | None, owner: User, action: str, link: models.Model, details: dict[str, Any]
) -> list[AuditEvent]:
    """A link of `owner` that works without a session (an API token) was made or ended: one entry in the audit
    trail of each organization they organize for, as the link reaches the data of all of them; one entry without
    an organization when they organize for none."""
    organizations: list[Organization | None] = [*organized_organizations(owner)] or [None]
    return [
        audit(actor=actor, action=action, target=link, organization=organization, details=details)
        for organization in organizations
    ]


def revoke_personal_links(*, user: User, actor: User | None = None) -> int:
    """Deletes every link of this person that works without a session (the private calendar link of their
    shifts, and any such link added later). Models holding one, in whichever app, say `revoked_with_owner = True`;
    they are found through the person's relations, so that accounts imports no app above it. A model whose ending
    belongs in the audit trail names its action in `revoked_with_owner_audit` and is an `AuditedLink`: each of its
    rows is audited as it is deleted."""
    revoked = 0
    for relation in User._meta.related_objects:
        model = relation.related_model
        if getattr(model, "revoked_with_owner", False):
            links = model._default_manager.filter(**{relation.field.name: user})
            action: str = getattr(model, "revoked_with_owner_audit", "")
            for link in links if action else []:
                reason = AuditEvent.Action.ACCOUNT_DEACTIVATED.value
                details = {**cast(AuditedLink, link).audit_details(), "reason": reason}
                audit_personal_link(actor=actor, owner=user, action=action, link=link, details=details)
            revoked += links.delete()[0]
    return revoked


@transaction.atomic
def invitation_accept(*, user: User) -> None:
    """Someone an organizer's import invited chose their password, through the link their invitation brought to
    their mailbox: that shows they hold the address, as allauth's own confirmation link would, so it counts as
    confirmed. Their offers now wait in the organizers' review queue (Offer.waits_for_its_volunteer)."""
    EmailAddress.objects.filter(user=user, email__iexact=user.email).update(verified=True)
    fragments.bump("offers")


@transaction.atomic
def user_deactivate(*, actor: User, user: User) -> User:
    """Closes an account: no more sign-in, every session ended, every private link of theirs dead, and (through
    aidhub.accounts.capabilities, which asks whether a volunteer is active) nothing of theirs listed or suggested."""
    User.objects.filter(pk=user.pk).update(is_active=False)
    user.is_active = False
    revoke_personal_links(user=user, actor=actor)
    end_sessions(user=user)
    audit(actor=actor, action=AuditEvent.Action.ACCOUNT_DEACTIVATED, target=user)
    fragments.bump("offers")
    return user


def vetting_request(*, volunteer: User, category: str, organization: Organization | None = None) -> Vetting | None:
    """The volunteer asks to serve a kind of help that needs vetting: it enters the organizers' queue. Asking
    again changes nothing, and a decision stands until an organizer changes it. Returns the vetting, or None
    where this kind of help needs no confirmation."""
    if not needs_vetting(category):
        return None
    vetting, created = Vetting.objects.get_or_create(
        volunteer=volunteer,
        category=category,
        defaults={
            "status": Vetting.Status.REQUESTED,
            "requested_at": timezone.now(),
            "organization": organization,
        },
    )
    if not created and vetting.status == Vetting.Status.REQUESTED and vetting.organization_id is None and organization:
        vetting.organization = organization
        vetting.save(update_fields=["organization"])
    return vetting


class VettingConflict(Exception):
    """Someone already decided this request."""


def _decide(vetting: Vetting, *, actor: User, confirm: bool, organization: Organization | None) -> None:
    vetting.status = Vetting.Status.VETTED if confirm else Vetting.Status.DECLINED
    vetting.decided_by = actor
    vetting.decided_at = timezone.now()
    vetting.save(update_fields=["status", "decided_by", "decided_at"])
    action = AuditEvent.Action.VETTING_CONFIRMED if confirm else AuditEvent.Action.VETTING_DECLINED
    audit(actor=actor, action=action, target=vetting, organization=organization)


@transaction.atomic
def vetting_decide(*, actor: User, vetting: Vetting, confirm: bool) -> Vetting:
    """An organizer answers a volunteer's request from the queue: confirmed, or not. Audited."""
    vetting = Vetting.objects.select_for_update().get(pk=vetting.pk)
    if vetting.status != Vetting.Status.REQUESTED:
        raise VettingConflict
    _decide(
        vetting, actor=actor, confirm=confirm, organization=acting_organization(actor, preferred=vetting.organization)
    )
    # The volunteer's offers of this kind enter or stay out of the public list.
    fragments.bump("offers")
    return vetting


@transaction.atomic
def vetting_set(*, actor: User, volunteer: User, categories: Iterable[str]) -> int:
    """An organizer states every kind of help a volunteer is confirmed for (the volunteer's page): the ones
    ticked are confirmed, confirmations not ticked are taken back, open requests not ticked stay open.
    Each change is audited. Returns how many changed."""
    wanted = set(categories)
    organization = acting_organization(actor)
    existing = {
        vetting.category: vetting for vetting in Vetting.objects.select_for_update().filter(volunteer=volunteer)
    }
    changed = 0
    for category in wanted:
        vetting = existing.get(category) or Vetting(volunteer=volunteer, category=category)
        if vetting.status != Vetting.Status.VETTED:
            if vetting.pk is None:
                vetting.status = Vetting.Status.VETTED
                vetting.save()
            _decide(vetting, actor=actor, confirm=True, organization=organization)
            changed += 1
    for category, vetting in existing.items():
        if category not in wanted and vetting.status == Vetting.Status.VETTED:
            _decide(vetting, actor=actor, confirm=False, organization=organization)
            changed += 1
    if changed:
        fragments.bump("offers")
    return changed


@dataclass(frozen=True)
class ListedVolunteer:
    """A volunteer as an organizer's list gives them (an import): their address, the language of their pages and
    messages, and their profile."""

    email: str
    language: str
    display_name: str
    languages: Sequence[Language]
    areas: Sequence[Area]
    categories: list[str]
    availability: int


@transaction.atomic
def volunteers_create_listed(*, volunteers: Sequence[ListedVolunteer]) -> list[User]:
    """Accounts for volunteers an organizer listed, made in bulk (a fixed number of queries however many): no
    password and an address not yet confirmed, until the volunteer opens their invitation and chooses a
    password. Returns the users, in the order given. The caller makes sure no account has these addresses."""
    users = []
    for volunteer in volunteers:
        user = User(email=User.objects.normalize_email(volunteer.email).lower(), language=volunteer.language)
        user.set_unusable_password()
        users.append(user)
    User.objects.bulk_create(users)
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=user, email=user.email, primary=True, verified=False) for user in users]
    )
    VolunteerProfile.objects.bulk_create(
        [
            VolunteerProfile(
                user=user,
                display_name=volunteer.display_name,
                categories=volunteer.categories,
                availability=volunteer.availability,
            )
            for user, volunteer in zip(users, volunteers, strict=True)
        ]
    )
    languages = VolunteerProfile.languages.through
    languages.objects.bulk_create(
        [
            languages(volunteerprofile_id=user.pk, language_id=language.pk)
            for user, volunteer in zip(users, volunteers, strict=True)
            for language in set(volunteer.languages)
        ]
    )
    areas = VolunteerProfile.areas.through
    areas.objects.bulk_create(
        [
            areas(volunteerprofile_id=user.pk, area_id=area.pk)
            for user, volunteer in zip(users, volunteers, strict=True)
            for area in set(volunteer.areas)
        ]
    )
    fragments.bump("offers")
    return users


def vetting_request_many(*, requests: Iterable[tuple[User, str]]) -> int:
    """vetting_request for many (volunteer, kind of help) pairs at once: the kinds that need vetting enter the
    organizers' queue, and an existing request or decision stays as it is. Returns how many were asked."""
    now = timezone.now()
    wanted = {(user.pk, category) for user, category in requests if needs_vetting(category)}
    created = Vetting.objects.bulk_create(
        [
            Vetting(volunteer_id=user_id, category=category, status=Vetting.Status.REQUESTED, requested_at=now)
            for user_id, category in sorted(wanted)
        ],
        ignore_conflicts=True,
    )
    return len(created)
