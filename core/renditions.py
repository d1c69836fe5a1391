"""Image renditions generated ahead of the first visit, for every size the templates ask for."""

import contextlib
from functools import partial

from django.db import transaction

from wagtail.images import get_image_model

from django_tasks import task

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


@task()
def generate_renditions(image_id: int) -> int:
    """Background task: the renditions of one uploaded image (0 if it was deleted meanwhile)."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:
        return 0
    # On failure Wagtail makes the rendition at first use instead.
    with contextlib.suppress(OSError, ValueError):
        return generate(image)
    return 0


def on_image_saved(sender, instance, created=False, **kwargs):
    """Signal handler: a new image gets its renditions from the worker, once the upload is committed
    (the upload's request does not wait for the resizing, and a rolled-back upload costs nothing)."""
    if created:
        transaction.on_commit(partial(generate_renditions.enqueue, instance.pk), robust=True)
