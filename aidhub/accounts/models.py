from typing import Any, Self

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_stubs_ext import StrPromise

from aidhub.core.availability import WeeklyAvailabilityField
from aidhub.core.models import Area, Category, Language, Organization
from aidhub.core.translations import default_language, interface_languages
from aidhub.lib.choices import ChoiceLabelsMixin


def invitation_accepted_q(path: str = "") -> models.Q:
    """Accounts whose person chose a password: everyone who signed up (the form asks for one), and people an
    organizer's import invited once they accept (aidhub.imports). Until then the account is the organizer's note,
    not the person's: lists of volunteers and the review queue leave it out, so that an import cannot tell an
    organizer whether an address already had an account. `path` leads from the model queried to the user
    ("volunteer__", "user__")."""
    return ~models.Q(**{f"{path}password__startswith": UNUSABLE_PASSWORD_PREFIX})


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields: Any) -> "User":
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields: Any) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields: Any) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """Anyone who signs in. Every user can volunteer; organizers are members of an organization."""

    # Removed from AbstractUser: email is the only identifier, and no names are asked (the stubs expect fields).
    username = None  # type: ignore[assignment]
    first_name = None  # type: ignore[assignment]
    last_name = None  # type: ignore[assignment]
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(
        _("interface language"),
        max_length=10,
        choices=interface_languages,
        default=default_language,
        help_text=_("Pages and messages for you use this language."),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()  # type: ignore[assignment,misc]  # ours creates users by email, not username

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_ci")]

    def __str__(self) -> str:
        return self.email

    @property
    def display_name(self) -> str:
        profile = getattr(self, "volunteer_profile", None)
        if profile and profile.display_name:
            return profile.display_name
        # Never the email's handle, which may be a full name: a number until the person chooses a name.
        return gettext("Volunteer %(number)s") % {"number": self.pk}


class VolunteerProfile(models.Model):
    """What a volunteer can do, where, when and in which languages."""

    user = models.OneToOneField(
        User, verbose_name=_("user"), on_delete=models.CASCADE, primary_key=True, related_name="volunteer_profile"
    )
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        help_text=_("A first name or nickname. Families and the public see this name, never your email."),
        # Empty until the volunteer chooses one (never taken from the email address).
        blank=True,
    )
    languages = models.ManyToManyField(
        Language, verbose_name=_("languages you speak"), related_name="volunteers", blank=True
    )
    areas = models.ManyToManyField(Area, verbose_name=_("areas you can reach"), related_name="volunteers", blank=True)
    categories = models.JSONField(_("kinds of help"), default=list, blank=True)
    availability = WeeklyAvailabilityField(_("when you are usually free"), blank=True)
    max_active_matches = models.PositiveSmallIntegerField(
        _("how many families you can help at the same time"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(max_active_matches__gte=1, max_active_matches__lte=20),
                name="profile_max_active_matches_range",
            ),
        ]

    def __str__(self) -> str:
        return self.display_name or self.user.display_name

    def category_labels(self) -> list[StrPromise]:
        return [Category(value).label for value in self.categories if value in Category.values]


def get_volunteer_profile(user: User) -> VolunteerProfile:
    """The user's profile, created on first use without a name: the volunteer chooses one."""
    profile, _created = VolunteerProfile.objects.get_or_create(user=user)
    return profile


class VettingQuerySet(models.QuerySet["Vetting"]):
    def confirmed(self) -> Self:
        return self.filter(status=Vetting.Status.VETTED)

    def requested(self) -> Self:
        return self.filter(status=Vetting.Status.REQUESTED)


class Vetting(ChoiceLabelsMixin, models.Model):
    """Whether an organizer confirmed a volunteer for a sensitive kind of help (after training or a check).

    One row per volunteer and kind of help, holding the latest word: the volunteer asked (requested), an organizer
    confirmed (vetted) or did not, or took the confirmation back (declined). Who may serve what is decided in
    aidhub.accounts.capabilities, never by reading these rows elsewhere."""

    class Status(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("vetting status", "Waiting for an organizer")
        VETTED = "vetted", pgettext_lazy("vetting status", "Confirmed")
        DECLINED = "declined", pgettext_lazy("vetting status", "Not confirmed")

    volunteer = models.ForeignKey(User, verbose_name=_("volunteer"), on_delete=models.CASCADE, related_name="vettings")
    category = models.CharField(_("kind of help"), max_length=20, choices=Category)
    status = models.CharField(_("status"), max_length=10, choices=Status)
    requested_at = models.DateTimeField(_("asked"), null=True, blank=True)
    # The organization whose event or area the volunteer asked through: its organizers see the request.
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("asked through"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        User, verbose_name=_("decided by"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = VettingQuerySet.as_manager()

    class Meta:
        verbose_name = _("vetting")
        verbose_name_plural = _("vettings")
        constraints = [models.UniqueConstraint(fields=["volunteer", "category"], name="vetting_unique")]
        indexes = [models.Index(fields=["status", "requested_at"], name="vetting_status_requested")]

    def __str__(self) -> str:
        return f"{self.volunteer} · {self.get_category_display()} · {self.get_status_display()}"
