"""« La page commune a changé depuis votre dernière relecture »: variants follow their shared page.

Each variant keeps a fingerprint of the shared page's title, introduction and body as they were when
the variant was last published. Publishing the shared page with a different content flags every
variant whose fingerprint differs (`needs_review`, the date of the change): they are listed in the
admin report « Variantes à relire » for the incubators' editors. Publishing the variant — after
reading the shared page again, with or without changes — records the new fingerprint and clears the
flag. A publication that changes nothing in the shared text flags nothing.

Decision: a flag and a report rather than starting the variant's moderation workflow, which would
lock a variant its editors are writing and notify reviewers before anything was rewritten.
Flags are written with `update()` on the page rows, never as a revision: a draft in progress is
neither published nor lost.
"""

import hashlib
import json

from django.utils import timezone

from wagtail.signals import page_published

from .models import GuidePage, GuideVariantPage


def _without_block_ids(data):
    """Block ids change when blocks are pasted or re-imported, not what a reader reads."""
    if isinstance(data, dict):
        return {key: _without_block_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list | tuple):
        return [_without_block_ids(value) for value in data]
    return data


def common_fingerprint(guide: GuidePage) -> str:
    content = [guide.title, guide.intro, _without_block_ids(list(guide.body.raw_data))]
    return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


def flag_variants(guide: GuidePage) -> int:
    """Flag the variants of `guide` written against another version of its text; how many."""
    fingerprint = common_fingerprint(guide)
    variants = GuideVariantPage.objects.child_of(guide).exclude(common_fingerprint=fingerprint)
    return variants.filter(needs_review=False).update(needs_review=True, common_changed_at=timezone.now())


def record_variant_review(variant: GuideVariantPage) -> None:
    """The variant was published against the shared page as it is live now."""
    guide = GuidePage.objects.get(pk=variant.get_parent().pk)
    GuideVariantPage.objects.filter(pk=variant.pk).update(
        common_fingerprint=common_fingerprint(guide), needs_review=False, common_changed_at=None
    )


def on_page_published(sender, instance, **kwargs):
    if isinstance(instance, GuideVariantPage):
        record_variant_review(instance)
    elif isinstance(instance, GuidePage):
        flag_variants(instance)


def connect_signals():
    page_published.connect(on_page_published, dispatch_uid="guides.variants_drift")
