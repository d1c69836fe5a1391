"""A GitBook export's attachments (`.gitbook/assets/…`) as Wagtail images and documents.

Each file is stored once, whatever the number of pages or runs that use it: it is looked up by the
hash of its content (`file_hash`, which Wagtail computes the same way for uploads), so a re-run, or
the same picture in two guides, creates nothing. Remote images are downloaded only when asked
(`--fetch-remote`): otherwise the site would show an `<img>` from a host its CSP blocks.
"""

import posixpath
import urllib.request
from collections import Counter
from io import BytesIO
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

import filetype

ASSETS = ".gitbook/assets/"
FETCH_TIMEOUT_SECONDS = 15


def image_extensions() -> set[str]:
    return set(getattr(settings, "WAGTAILIMAGES_EXTENSIONS", ["gif", "jpg", "jpeg", "png", "webp"]))


def is_remote(src: str) -> bool:
    return src.strip().lower().startswith(("http://", "https://"))


def export_path(page_dir: str, src: str) -> str:
    """An attachment's path inside the export ('' when it points outside it)."""
    src = unquote(src.split("#", 1)[0].split("?", 1)[0]).strip()
    if ASSETS in src:  # GitBook writes it relative to the page; it always lives at the root
        return ASSETS + src.split(ASSETS, 1)[1]
    path = posixpath.normpath(posixpath.join(page_dir, src.lstrip("/") if src.startswith("/") else src))
    return "" if path.startswith("..") or path == "." else path


def title_of(name: str) -> str:
    stem = posixpath.splitext(posixpath.basename(name))[0]
    return (" ".join(stem.replace("_", " ").replace("-", " ").split()) or "Pièce jointe")[:255]


class Attachments:
    """The images and documents of one import run, created on first use and then reused."""

    def __init__(self, root: Path, *, fetch_remote: bool = False, dry_run: bool = False):
        self.root = Path(root)
        self.fetch_remote = fetch_remote
        self.dry_run = dry_run
        self.Image = get_image_model()
        self.Document = get_document_model()
        self.image_ids = dict(self.Image.objects.exclude(file_hash="").values_list("file_hash", "pk"))
        self.document_ids = dict(self.Document.objects.exclude(file_hash="").values_list("file_hash", "pk"))
        self.by_source: dict[tuple[str, str], int | None] = {}
        self.document_urls: dict[int, str] = {}
        self.created = Counter()

    def exists(self, path: str) -> bool:
        full = (self.root / path).resolve()
        return bool(path) and full.is_file() and full.is_relative_to(self.root.resolve())

    # Local files
    def image(self, path: str) -> int | None:
        """The image stored for an export file; None when absent or not an image Wagtail accepts."""
        if (path, "image") in self.by_source:
            return self.by_source[(path, "image")]
        image_id = None
        if self.exists(path) and posixpath.splitext(path)[1].lower().lstrip(".") in image_extensions():
            image_id = self.store_image((self.root / path).read_bytes(), posixpath.basename(path))
        self.by_source[(path, "image")] = image_id
        return image_id

    def document(self, path: str) -> int | None:
        if (path, "document") in self.by_source:
            return self.by_source[(path, "document")]
        document_id = None
        if self.exists(path):
            document_id = self.store_document((self.root / path).read_bytes(), posixpath.basename(path))
        self.by_source[(path, "document")] = document_id
        return document_id

    def document_url(self, document_id: int) -> str:
        url = self.document_urls.get(document_id)
        if url is None:
            filename = self.Document.objects.filter(pk=document_id).values_list("file", flat=True).first()
            url = reverse("wagtaildocs_serve", args=[document_id, posixpath.basename(filename or "document")])
            self.document_urls[document_id] = url
        return url

    # Remote images
    def remote_image(self, url: str) -> int | None:
        """A remote image, downloaded only with `fetch_remote`; None (and no request) otherwise."""
        if not self.fetch_remote:
            return None
        if (url, "remote") in self.by_source:
            return self.by_source[(url, "remote")]
        image_id = None
        data = download(url, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
        kind = filetype.guess(data) if data else None
        if kind is not None and kind.extension in image_extensions():
            name = posixpath.basename(urlparse(url).path) or "image"
            if not name.lower().endswith("." + kind.extension):
                name = f"{posixpath.splitext(name)[0] or 'image'}.{kind.extension}"
            image_id = self.store_image(data, name)
        self.by_source[(url, "remote")] = image_id
        return image_id

    # Storage, deduplicated by content
    def store_image(self, data: bytes, name: str) -> int | None:
        digest = hash_filelike(BytesIO(data))
        if digest in self.image_ids:
            return self.image_ids[digest]
        if self.dry_run:
            return None
        image = self.Image(title=title_of(name), file=ImageFile(BytesIO(data), name=name))
        image.file_size, image.file_hash = len(data), digest
        image.save()
        self.image_ids[digest] = image.pk
        self.created["images"] += 1
        return image.pk

    def store_document(self, data: bytes, name: str) -> int | None:
        digest = hash_filelike(BytesIO(data))
        if digest in self.document_ids:
            return self.document_ids[digest]
        if self.dry_run:
            return None
        document = self.Document(title=title_of(name), file=ContentFile(data, name=name))
        document.file_size, document.file_hash = len(data), digest
        document.save()
        self.document_ids[digest] = document.pk
        self.created["documents"] += 1
        return document.pk

    def summary_fr(self) -> str:
        return (
            f"  pièces jointes : {self.created['images']} image(s) et "
            f"{self.created['documents']} document(s) ajoutés à la médiathèque"
        )


def download(url: str, limit: int) -> bytes:
    """At most `limit` bytes from `url`; b'' when the server fails or the file is larger."""
    if not is_remote(url):
        return b""
    # http(s) only, checked just above: no file: or custom scheme reaches urlopen.
    request = urllib.request.Request(url, headers={"User-Agent": "Fabrique import_gitbook"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:  # noqa: S310  # nosec B310
            data = response.read(limit + 1)
    except (OSError, ValueError):
        return b""
    return b"" if len(data) > limit else data
