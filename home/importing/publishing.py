"""Adding an imported page with its first revision in one pass, instead of edit-then-publish.

`parent.add_child()` + `save_revision()` + `revision.publish()` saves a new page three times,
validates it twice more, reads back the revision JSON it has just written and rewrites every inline
row; on a collection of a thousand fiches that was most of the import. For a page that does not
exist yet, the end state of that sequence is known in advance, so it is written directly: the page
row (live or draft) with its inline rows, one revision, the page's revision bookkeeping, the same
history entries (created, edited, published) and the same `published` signals. Updates of existing
pages keep Wagtail's own path: they are rare, and may meet editors' drafts, workflows or aliases.
"""

from django.utils import timezone

from wagtail.log_actions import log
from wagtail.models import Page, Revision
from wagtail.signals import page_published, published


def add_page(parent, page, *, publish: bool, before_revision=None) -> Revision:
    """Create `page` under `parent` with one revision, published if `publish`.

    `before_revision` runs once the page has a primary key and before its revision is written
    (for plain many-to-many relations, which need a saved row).
    """
    now = timezone.now()
    page.live = publish
    page.has_unpublished_changes = not publish
    if publish:
        page.first_published_at = page.last_published_at = now
    # Page.save() inside add_child validates a live page fully (as publishing did) and a draft
    # minimally, then logs "wagtail.create".
    parent.add_child(instance=page)
    if not publish:
        page.full_clean()  # what save_revision() checked for a draft
    if before_revision is not None:
        before_revision()

    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page),
    )
    page.latest_revision = revision
    page.latest_revision_created_at = revision.created_at
    page.draft_title = page.title
    bookkeeping = {
        "latest_revision": revision,
        "latest_revision_created_at": revision.created_at,
        "draft_title": page.title,
    }
    if publish:
        page.live_revision = bookkeeping["live_revision"] = revision
    # A queryset update: no third save of the page, its inline rows and its signals.
    Page.objects.filter(pk=page.pk).update(**bookkeeping)

    log(instance=page, action="wagtail.edit", revision=revision, content_changed=True)
    if publish:
        log(instance=page, action="wagtail.publish", revision=revision, content_changed=True)
        page_published.send(sender=page.specific_class, instance=page, revision=revision)
        published.send(sender=type(page), instance=page, revision=revision)
    return revision
