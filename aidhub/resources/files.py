"""Files organizers upload to the library: a PDF or a picture, told apart by their bytes, within a size limit.
Pictures are re-encoded from their pixels only, so no metadata (camera, GPS position, comments) survives. PDFs are
parsed and written anew without their metadata (author, programs, dates, XMP), by qpdf through pikepdf: a file that
only starts like a PDF, is cut short or is locked with a password is refused."""

from io import BytesIO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

IMAGE_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
NOT_ACCEPTED = _("This file is not a PDF or a picture we can read. Please upload a PDF, JPEG, PNG or WebP file.")
TOO_LARGE = _("This file is too large. Please upload one under %(megabytes)s MB.")
PDF_UNREADABLE = _(
    "We could not read this PDF: it may be damaged, cut short or protected with a password. "
    "Please save it again as a PDF without a password and upload it again."
)
# Keys that say who made a file, with what and when: on the document, on pages, on any other object.
METADATA_KEYS = ("/Metadata", "/PieceInfo", "/LastModified")


def _too_large():
    megabytes = settings.RESOURCE_FILE_MAX_BYTES // (1024 * 1024)
    return ValidationError(TOO_LARGE, code="too_large", params={"megabytes": megabytes})


def clean_resource_file(upload):
    """(content, content type) of an uploaded PDF or picture, or ValidationError."""
    if upload.size > settings.RESOURCE_FILE_MAX_BYTES:
        raise _too_large()
    upload.seek(0)
    if upload.read(5) == b"%PDF-":
        upload.seek(0)
        return ContentFile(_clean_pdf(upload), name="resource.pdf"), "application/pdf"
    return _clean_image(upload)


def _clean_pdf(upload):
    """The PDF written anew without its document information (/Info: author, creator, producer, dates) nor any
    XMP metadata or program-private data; ValidationError for one that cannot be read as it is."""
    # Loaded when a PDF comes: qpdf takes memory in every process that imports it, and logs a line on import.
    import pikepdf

    output = BytesIO()
    try:
        # No repair: a file that needs guessing to be read is not one to hand to families.
        with pikepdf.open(upload, attempt_recovery=False) as pdf:
            if pdf.is_encrypted or not len(pdf.pages):
                raise ValidationError(PDF_UNREADABLE, code="pdf_unreadable")
            if "/Info" in pdf.trailer:
                del pdf.trailer["/Info"]
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
                    for key in METADATA_KEYS:
                        if key in obj:
                            del obj[key]
            pdf.save(
                output,
                # Streams are copied as they are, never inflated: a small file cannot unpack into a huge one here.
                stream_decode_level=pikepdf.StreamDecodeLevel.none,
                fix_metadata_version=False,
                preserve_pdfa=False,
                # The file's /ID from its content, not from the time it was cleaned.
                deterministic_id=True,
            )
    except ValidationError:
        raise
    except (pikepdf.PikepdfError, ValueError, OSError, RuntimeError):
        raise ValidationError(PDF_UNREADABLE, code="pdf_unreadable") from None
    return output.getvalue()


def _clean_image(upload):
    try:
        upload.seek(0)
        with Image.open(upload, formats=list(IMAGE_FORMATS)) as image:
            # Checked from the header, before any pixel is decoded: no decompression bombs.
            if image.width * image.height > settings.RESOURCE_IMAGE_MAX_PIXELS:
                raise _too_large()
            image_format = image.format or ""  # one of IMAGE_FORMATS: Image.open opens no other
            image.load()
            upright = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(NOT_ACCEPTED, code="not_accepted") from None
    mode = "RGBA" if upright.mode in ("RGBA", "LA", "P") and image_format != "JPEG" else "RGB"
    upright = upright.convert(mode)
    upright.thumbnail((settings.RESOURCE_IMAGE_MAX_SIDE, settings.RESOURCE_IMAGE_MAX_SIDE))
    # A new image made of the pixels alone: no EXIF, XMP, ICC or text block is carried over.
    clean = Image.frombytes(mode, upright.size, upright.tobytes())
    output = BytesIO()
    clean.save(output, format=image_format, **({"quality": 85, "optimize": True} if image_format == "JPEG" else {}))
    content_type = IMAGE_FORMATS[image_format]
    return ContentFile(output.getvalue(), name=f"resource.{image_format.lower()}"), content_type
