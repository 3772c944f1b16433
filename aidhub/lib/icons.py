"""One SVG sprite of the vendored Bootstrap icons (static/img/icons.svg), so that pages refer to an icon in a
few bytes (<svg><use href="…#clock">) instead of inlining its paths each time: the offer list went from 86 to
53 KB. Rebuild it after vendoring an icon: `python manage.py build_icon_sprite` (a test checks it)."""

import re
from pathlib import Path

from django.conf import settings

ICONS = Path(settings.BASE_DIR) / "static" / "vendor" / "bootstrap-icons"
SPRITE = Path(settings.BASE_DIR) / "static" / "img" / "icons.svg"
_SVG = re.compile(r"<svg[^>]*viewBox=\"([^\"]+)\"[^>]*>(.*)</svg>", re.DOTALL)


def sprite_text() -> str:
    symbols = []
    for path in sorted(ICONS.glob("*.svg")):
        match = _SVG.search(path.read_text(encoding="utf-8"))
        assert match is not None, f"{path} is not an SVG file"
        view_box, body = match.groups()
        inner = " ".join(line.strip() for line in body.strip().splitlines())
        symbols.append(f'<symbol id="{path.stem}" viewBox="{view_box}">{inner}</symbol>')
    lines = [
        '<svg xmlns="http://www.w3.org/2000/svg">',
        "<!-- Bootstrap Icons (MIT), see vendor/bootstrap-icons/LICENSE. -->",
    ]
    return "\n".join([*lines, *symbols, "</svg>"]) + "\n"


def icon_names() -> set[str]:
    return {path.stem for path in ICONS.glob("*.svg")}
