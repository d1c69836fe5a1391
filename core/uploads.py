"""Files members upload (contributions, discussion attachments, applications to calls): checked by content.

The content is read through `filetype` (magic bytes): a renamed executable, HTML page or SVG is
refused whatever its extension, in French, with the list of accepted formats.
"""

from django.conf import settings
from django.core.exceptions import ValidationError

import filetype

# extension -> the types `filetype` may detect in such a file (None: plain text, nothing to detect)
ALLOWED_UPLOADS = {
    "pdf": {"pdf"},
    "docx": {"docx", "zip"},
    "xlsx": {"xlsx", "zip"},
    "pptx": {"pptx", "zip"},
    "odt": {"odt", "zip"},
    "ods": {"ods", "zip"},
    "odp": {"odp", "zip"},
    "doc": {"doc"},
    "xls": {"xls"},
    "ppt": {"ppt"},
    "png": {"png"},
    "jpg": {"jpg"},
    "jpeg": {"jpg"},
    "gif": {"gif"},
    "webp": {"webp"},
    "csv": None,
    "txt": None,
    "md": None,
}
# Markup that browsers would run or render if a "text" file were served inline.
_TEXT_MARKERS = (b"<script", b"<html", b"<svg", b"<!doctype", b"<?xml", b"<iframe")


def max_upload_size() -> int:
    return settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


def size_label(size: int) -> str:
    """ "20 Mo", or "512 Ko" below a megabyte (French units)."""
    if size >= 1024 * 1024:
        return f"{size // (1024 * 1024)} Mo"
    return f"{max(size // 1024, 1)} Ko"


def validate_upload(upload) -> None:
    """Refuse, in French, a file too large or whose content is not a document or an image."""
    limit = max_upload_size()
    if upload.size > limit:
        raise ValidationError(
            f"Le fichier dépasse la taille maximale autorisée ({size_label(limit)}).",
            code="too_large",
        )
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed_extensions = ", ".join(sorted(ALLOWED_UPLOADS))
    if extension not in ALLOWED_UPLOADS:
        raise ValidationError(
            f"Ce type de fichier n'est pas accepté. Formats acceptés : {allowed_extensions}.",
            code="extension",
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    detected = filetype.guess_extension(head)
    expected = ALLOWED_UPLOADS[extension]
    mismatch = (
        f"Le contenu du fichier ne correspond pas à un fichier .{extension} : "
        "seuls les documents et les images sont acceptés (pas d'exécutable, de page HTML ni de SVG)."
    )
    if expected is None:
        lowered = head.lower()
        if detected is not None or b"\x00" in head or any(marker in lowered for marker in _TEXT_MARKERS):
            raise ValidationError(mismatch, code="content")
        try:
            head.decode("utf-8")
        except UnicodeDecodeError as error:
            if error.start < len(head) - 4:  # a multi-byte character cut by the 8 KB window is fine
                raise ValidationError(mismatch, code="content") from error
    elif detected not in expected:
        raise ValidationError(mismatch, code="content")
