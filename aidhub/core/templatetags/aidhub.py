from functools import lru_cache

from django import template
from django.core.exceptions import NON_FIELD_ERRORS
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.forms import BaseForm
from django.templatetags.static import static
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe

from aidhub.core import availability as availability_grid
from aidhub.core.models import CATEGORY_ICONS, Category
from aidhub.lib.icons import icon_names
from aidhub.lib.phones import display_phone

register = template.Library()


@lru_cache(maxsize=256)
def _svg(name):
    if name not in _icon_names():
        raise template.TemplateSyntaxError(
            f"Unknown icon {name!r}: vendor it under static/vendor/bootstrap-icons/, then run build_icon_sprite."
        )
    href = f"{static('img/icons.svg')}#{name}"
    # Icons are decoration next to a text label: hidden from screen readers.
    return (
        f'<svg class="bi bi-{name}" width="16" height="16" fill="currentColor" aria-hidden="true" '
        f'focusable="false"><use href="{href}"></use></svg>'
    )


@receiver(setting_changed)
def _forget_sprite_url(setting, **kwargs):
    """The sprite's URL comes from the static files storage (a hashed name once collected): when a test
    switches storages, the memoised icons must follow."""
    if setting in ("STORAGES", "STATIC_URL"):
        _svg.cache_clear()


@lru_cache(maxsize=1)
def _icon_names():
    return icon_names()


@register.simple_tag
def icon(name):
    """A vendored Bootstrap icon from the sprite (static/img/icons.svg): a few bytes per use, no inline style."""
    return mark_safe(_svg(name))


@register.simple_tag
def category_icon(category):
    return icon(CATEGORY_ICONS.get(category, "three-dots"))


@register.simple_tag
def category_label(value):
    """The translated label of a category value (for rows that carry the raw value)."""
    return Category(value).label if value in Category.values else value


@register.filter
def availability(mask):
    return availability_grid.describe(mask)


@register.filter
def phone(e164):
    """A stored E.164 number, written the way people of the network's country read it."""
    return display_phone(e164) if e164 else ""


@register.filter
def translated(obj, field):
    """`{{ event|translated:"title" }}`: the field in the reader's language, else the original (with its
    `.attrs` for lang and dir, and `.is_fallback`). See aidhub/core/translations.py."""
    return obj.translated(field)


@register.inclusion_tag("includes/_translation_note.html")
def translation_note(*texts, compact=False):
    """A small "not yet translated" note when any of these translated texts is shown in its original language
    (`compact=True`: a badge, for cards in a list)."""
    original = next((text for text in texts if getattr(text, "is_fallback", False)), None)
    return {"original": original, "compact": compact}


def _forms_with_errors(context):
    """Every bound form with errors among the page's template variables, once each, in the order met."""
    found: dict[int, BaseForm] = {}
    for value in context.flatten().values():
        # type(), not isinstance(): isinstance asks a lazy value for its class and so works it out (the CSRF
        # token, which then set a cookie on every page, and the organizer check's query).
        if issubclass(type(value), BaseForm) and value.is_bound and value.errors:
            found.setdefault(id(value), value)
    return list(found.values())


def _problems(form):
    """What the summary lists for one form: each error in words, linked to its field when it has one."""
    problems = [{"label": "", "text": error, "target": ""} for error in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name == NON_FIELD_ERRORS or name not in form.fields:
            continue
        bound = form[name]
        target = "" if bound.is_hidden else (bound.id_for_label or (f"{bound.auto_id}_0" if bound.auto_id else ""))
        label = strip_tags(str(bound.label or "")).strip().rstrip(":：")
        problems.extend({"label": label, "text": error, "target": target} for error in errors)
    return problems


@register.inclusion_tag("includes/error_summary.html", takes_context=True)
def error_summary(context):
    """At the top of every page whose form came back with errors (base.html): the list of problems, each a link
    to its field, focused as the page loads (static/js/error-summary.js). Issue 16."""
    return {"problems": [problem for form in _forms_with_errors(context) for problem in _problems(form)]}


# Mixed scripts (issue 16, item 7). Text people typed (names, titles, notes, addresses) may run the other way than
# the page: an English address inside an Arabic sentence, an Arabic name in a Spanish list. `isolate` wraps it in
# <bdi>, which takes its direction from its own first strong letter and keeps it from reordering the words around
# it. Numbers, codes, phone numbers, emails and links always read left to right, even on a right-to-left page:
# `ltr` isolates them with dir="ltr". Paragraphs of typed text take dir="auto" on their own element instead.


@register.filter
def isolate(value):
    """`{{ name|isolate }}`: a name, title or other typed text, isolated from the text around it."""
    if value is None or value == "":
        return ""
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def ltr(value):
    """`{{ code|ltr }}`: a code, number, phone number, email or link, read left to right on any page."""
    if value is None or value == "":
        return ""
    return format_html('<bdi dir="ltr">{}</bdi>', value)


@register.simple_tag
def catalog_statuses():
    """Each interface language's catalog: drafted by, reviewed by, share translated (aidhub/lib/catalog_status.py)."""
    from aidhub.lib.catalog_status import catalog_statuses as statuses

    return statuses()
