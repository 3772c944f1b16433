"""Photos sent with community reports: re-encoded from their pixels only, so no metadata (EXIF, GPS, XMP) survives."""

from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile, File
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

FORMATS = ["JPEG", "PNG", "WEBP", "GIF"]
NOT_A_PHOTO = _("This file is not a photo we can read. Please send a JPEG, PNG or WebP picture.")
TOO_LARGE = _("This photo is too large. Please send one under %(megabytes)s MB.")


def clean_photo(upload: File[bytes]) -> ContentFile[bytes]:
    """A fresh JPEG of the picture (turned upright, at most REPORT_PHOTO_MAX_SIDE pixels wide), without metadata."""
    if upload.size > settings.REPORT_PHOTO_MAX_BYTES:
        raise ValidationError(
            TOO_LARGE, code="too_large", params={"megabytes": settings.REPORT_PHOTO_MAX_BYTES // (1024 * 1024)}
        )
    try:
        upload.seek(0)
        with Image.open(upload, formats=FORMATS) as image:
            # Checked from the header, before any pixel is decoded: no decompression bombs.
            if image.width * image.height > settings.REPORT_PHOTO_MAX_PIXELS:
                raise ValidationError(TOO_LARGE, code="too_large", params={"megabytes": 8})
            image.load()
            # Turn the picture as the camera meant, then forget the orientation tag with everything else.
            upright = ImageOps.exif_transpose(image).convert("RGB")
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(NOT_A_PHOTO, code="not_a_photo") from None
    upright.thumbnail((settings.REPORT_PHOTO_MAX_SIDE, settings.REPORT_PHOTO_MAX_SIDE))
    # A new image made of the pixels alone: no info, EXIF, XMP or ICC block is carried over.
    clean = Image.frombytes("RGB", upright.size, upright.tobytes())
    output = BytesIO()
    clean.save(output, format="JPEG", quality=85, optimize=True)
    return ContentFile(output.getvalue(), name="photo.jpg")
