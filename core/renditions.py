"""Image renditions generated ahead of the first visit, for every size the templates ask for."""

import contextlib

from wagtail.images import get_image_model

# Every `{% image … <filter> %}` of the templates (templates/blocks/cards.html today). A rendition
# made at upload time spares the first visitor of each page the resizing, and keeps that page's
# first rendering (the one that gets cached) fast.
RENDITION_FILTERS = ("fill-600x340",)


def generate(image) -> int:
    """Make the missing renditions of one image; returns how many filters it now has."""
    renditions = image.get_renditions(*RENDITION_FILTERS)
    return len(renditions)


def generate_all() -> tuple[int, int]:
    """Renditions for every image (command `generate_renditions`): (images, failures)."""
    images = failures = 0
    for image in get_image_model().objects.prefetch_renditions(*RENDITION_FILTERS).iterator(chunk_size=200):
        images += 1
        try:
            generate(image)
        except (OSError, ValueError):  # a missing or unreadable file must not stop the others
            failures += 1
    return images, failures


def on_image_saved(sender, instance, created=False, **kwargs):
    """Signal handler: a new image gets its renditions right after upload."""
    if created:
        # On failure Wagtail makes the rendition at first use instead; the upload itself must succeed.
        with contextlib.suppress(OSError, ValueError):
            generate(instance)
