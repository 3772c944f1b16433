from functools import lru_cache

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import mark_safe

from aidhub.core import availability as availability_grid
from aidhub.core.models import CATEGORY_ICONS, Category
from aidhub.core.phones import display_phone

register = template.Library()


@lru_cache(maxsize=128)
def _svg(name):
    path = finders.find(f"vendor/bootstrap-icons/{name}.svg")
    if path is None:
        raise template.TemplateSyntaxError(f"Unknown icon {name!r}: vendor it under static/vendor/bootstrap-icons/.")
    with open(path, encoding="utf-8") as svg:
        markup = svg.read().strip()
    # Icons are decoration next to a text label: hide them from screen readers.
    return markup.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


@register.simple_tag
def icon(name):
    """Inlines a vendored Bootstrap icon (inline SVG needs no extra request and no inline style)."""
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
