"""Icons come from one sprite: the committed sprite holds every vendored icon, pages refer to it by name."""

import pytest
from django.template import Context, Template, TemplateSyntaxError

from aidhub.lib.icons import SPRITE, sprite_text


def test_the_committed_sprite_holds_every_vendored_icon():
    assert SPRITE.read_text(encoding="utf-8") == sprite_text(), "Run `python manage.py build_icon_sprite`."


def test_an_icon_refers_to_the_sprite_and_is_hidden_from_screen_readers():
    html = Template('{% load aidhub %}{% icon "clock" %}').render(Context())
    assert '<use href="/static/img/icons.svg#clock"></use>' in html
    assert 'aria-hidden="true"' in html
    assert "<path" not in html


def test_an_unknown_icon_is_an_error():
    with pytest.raises(TemplateSyntaxError, match="build_icon_sprite"):
        Template('{% load aidhub %}{% icon "no-such-icon" %}').render(Context())
