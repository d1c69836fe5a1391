"""What the page converter does with media: figures, attachments linked or shown, remote images.

A local file becomes the media library's image or document (`attachments.py`); a remote image is
downloaded only with `--fetch-remote`, and otherwise stays a link, never an `<img>` the CSP blocks.
Whatever cannot be found is a warning for the page being converted.
"""

import html
import posixpath
import re
from urllib.parse import unquote

from django.conf import settings

from .attachments import export_path, image_extensions, is_remote

# Files linked from pages that are attachments, not pages (GitBook links folder pages without `.md`).
ATTACHMENT_EXTENSIONS = {
    *getattr(settings, "WAGTAILDOCS_EXTENSIONS", []),
    *image_extensions(),
    "svg",
    "doc",
    "xls",
    "ppt",
} - {"md"}


class MediaConverter:
    """Mixed into the page `Converter`: it provides `ctx` (the `PageContext`) and `paragraph_html`."""

    @staticmethod
    def is_attachment(target):
        """A link to a file of the export that is not a page (`.gitbook/assets/…`, a PDF…)."""
        path = unquote(target.split("#", 1)[0].split("?", 1)[0]).strip()
        if not path or re.match(r"^([a-z][a-z0-9+.-]*:|//)", path, re.IGNORECASE):
            return False
        extension = posixpath.splitext(path.rstrip("/"))[1].lower().lstrip(".")
        return ".gitbook/assets/" in path or extension in ATTACHMENT_EXTENSIONS

    def document_id(self, src):
        """The document stored for a local attachment; a warning naming the file when it is absent."""
        attachments = self.ctx.attachments
        path = export_path(self.ctx.directory, src)
        document_id = attachments.document(path) if attachments is not None and path else None
        if document_id is None and not (attachments and attachments.dry_run and attachments.exists(path)):
            self.ctx.warn(f"pièce jointe absente de l'export, lien retiré : {unquote(src)}")
        return document_id

    def image_id(self, src, what="image"):
        """The image stored for a local or (with --fetch-remote) remote image, else None and a warning."""
        src = (src or "").strip()
        attachments = self.ctx.attachments
        if is_remote(src):
            image_id = attachments.remote_image(src) if attachments is not None else None
            if image_id is None:
                hint = (
                    ""
                    if attachments and attachments.fetch_remote
                    else " (--fetch-remote pour la télécharger)"
                )
                self.ctx.warn(f"{what} distante non téléchargée{hint}, gardée comme lien : {src}")
            return image_id
        path = export_path(self.ctx.directory, src)
        image_id = attachments.image(path) if attachments is not None and path else None
        if image_id is None and not (attachments and attachments.dry_run and attachments.exists(path)):
            self.ctx.warn(f"{what} absente de l'export : {unquote(src)}")
        return image_id

    def figure(self, src, alt, caption):
        """A figure from the media library; a remote image not downloaded stays a link (CSP)."""
        src = (src or "").strip()
        alt = (alt or "").strip()
        if not alt:
            alt = caption or f"Illustration ({posixpath.basename(unquote(src)) or 'sans titre'})"
        image_id = self.image_id(src)
        if image_id is None and is_remote(src):
            label = html.escape(caption or alt)
            return self.paragraph_html(f'<p><a href="{html.escape(src)}">Image : {label}</a></p>')
        value = {
            "image": image_id,
            "image_url": "" if image_id else src,
            "alt": alt[:255],
            "caption": caption,
        }
        return [self.ctx.block("figure", value)]
