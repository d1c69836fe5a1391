"""Adding an imported page with its first revision in one pass, instead of edit-then-publish.

`parent.add_child()` + `save_revision()` + `revision.publish()` saves a new page three times,
validates it three times (each time one query per foreign key, plus uniqueness queries), reads back
the revision JSON it has just written, rewrites every inline row and validates each history entry
with three more queries; on a collection of a thousand fiches that was most of the import. For a
page that does not exist yet, the end state of that sequence is known in advance, so it is written
directly: the page row (live, or a draft) with its inline rows and relations, one revision, the
page's revision bookkeeping, the same three history entries (created, edited, published) and the
same `published` signals. Updates of existing pages keep Wagtail's own path: they are rare, and may
meet editors' drafts, workflows or aliases.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.db.models import Count, F, Max, Q
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.utils import timezone

from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published, published

from modelcluster.models import get_all_child_relations
from modelcluster.queryset import FakeQuerySet


def add_page(parent, page, *, publish: bool, children=None, relations=None) -> Revision:
    """Create the unsaved `page` as the last child of `parent`, with one revision.

    `children` maps inline (ParentalKey) relation names to lists of unsaved rows; `relations` maps
    many-to-many field names to lists of objects. The page is published if `publish`, else it is a
    draft with its revision waiting, as `save_revision()` leaves it.
    """
    children, relations = children or {}, relations or {}
    now = timezone.now()
    page.live = publish
    page.has_unpublished_changes = not publish
    if publish:
        page.first_published_at = page.last_published_at = now
    page.locale_id = parent.locale_id  # what Page.get_default_locale() reads, one query each time
    page.draft_title = page.title
    page.depth = parent.depth + 1
    page._cached_parent_obj = parent
    page._is_site_root = False  # a new leaf is nobody's site root: spares Page.save() its query
    # Inline rows are in memory while the page is saved (its own save() may read them: StartupPage
    # derives its current phase from them), then inserted in one query per relation right after
    # its row (`_hold_back_children`). Many-to-many rows are inserted after it too.
    page._prefetched_objects_cache = {}
    for name, rows in children.items():
        setattr(page, name, rows)
    # The tree position, as treebeard's add_child() computes it; the parent row, updated first,
    # stays locked until the transaction ends, so two imports cannot take the same path.
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    parent.numchild += 1
    # In the same query: whether a sibling has the slug already (what Page.clean() would ask).
    siblings = Page.objects.filter(path__startswith=parent.path, depth=page.depth).aggregate(
        last=Max("path"), taken=Count("pk", filter=Q(slug=page.slug))
    )
    last = siblings["last"]
    page.path = Page(path=last)._inc_path() if last else Page._get_path(parent.path, page.depth, 1)
    _validate(page, slug_taken=bool(siblings["taken"]))
    page._insert_children_later = tuple(children)  # in one query per relation: _hold_back_children
    page.save(clean=False, log_action=None)  # validated above; history written below
    _insert_children(page)
    _insert_relations(page, relations)
    # The saved rows in memory (a new page has none but these, not even comments), so serialising
    # the revision does not read every relation back.
    for relation in get_all_child_relations(type(page)):
        name = relation.get_accessor_name()
        setattr(page, name, children.get(name, []))

    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page),
    )
    page.latest_revision = revision
    page.latest_revision_created_at = revision.created_at
    bookkeeping = {"latest_revision": revision, "latest_revision_created_at": revision.created_at}
    if publish:
        page.live_revision = bookkeeping["live_revision"] = revision
    Page.objects.filter(pk=page.pk).update(**bookkeeping)

    actions = ["wagtail.create", "wagtail.edit"] + (["wagtail.publish"] if publish else [])
    _log(page, revision, actions)
    if publish:
        page_published.send(sender=page.specific_class, instance=page, revision=revision)
        published.send(sender=type(page), instance=page, revision=revision)
    return revision


@receiver(pre_save, dispatch_uid="core.importing.publishing.hold_back_children")
def _hold_back_children(sender, instance, **kwargs):
    """Take a new imported page's inline rows out of modelcluster's hands as its row is written.

    The page's own `save()` has read them in memory by then (StartupPage derives its current phase
    from its phases); modelcluster's commit, which runs after the row is written, would save them
    one at a time, a query and a `post_save` each: `_insert_children` inserts each relation at once.
    """
    names = instance.__dict__.pop("_insert_children_later", ())
    if names:
        in_memory = instance.__dict__.get("_cluster_related_objects", {})
        instance._held_children = {name: in_memory.pop(name) for name in names if name in in_memory}


def _insert_children(page) -> None:
    """The rows `_hold_back_children` took, one INSERT per relation, in their order.

    Each row gets its primary key back (the revision records it), so without RETURNING support
    (a database that cannot give the keys of a bulk insert) they are saved one by one instead.
    """
    for name, rows in page.__dict__.pop("_held_children", {}).items():
        relation = page._meta.get_field(name)
        for row in rows:
            setattr(row, relation.field.name, page)
        if connection.features.can_return_rows_from_bulk_insert:
            relation.related_model.objects.bulk_create(rows)
        else:
            for row in rows:
                row.save()


def _insert_relations(page, relations: dict) -> None:
    """The new page's many-to-many rows, one INSERT per relation.

    modelcluster's commit (or `.set()`) would first read which rows exist, for a page that has none,
    and send `m2m_changed` twice: the page's own save and publication already mark cached pages
    stale, and no other receiver watches imported relations.
    """
    for name, objs in relations.items():
        objs = list(dict.fromkeys(objs))
        field = page._meta.get_field(name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        through.objects.bulk_create([through(**{source: page, target: obj}) for obj in objs])
        page._prefetched_objects_cache[name] = FakeQuerySet(field.related_model, objs)


def _validate(page, *, slug_taken: bool) -> None:
    """Page.full_clean() without the checks that cost a query and cannot fail here.

    Foreign keys point at rows the importer holds (or Wagtail's own content type and locale);
    the tree path and translation key are fresh. Field values are still checked, and the slug's
    uniqueness among its siblings: answered by `add_page`'s tree query, or, when the slug is
    taken, by Wagtail's own check, which raises its usual error. So a bad fiche is rejected as before.
    """
    foreign_keys = [
        field.name for field in page._meta.concrete_fields if isinstance(field, models.ForeignKey)
    ]
    if not slug_taken:
        page._check_slug_is_unique = _slug_checked  # this page only, for this validation
    try:
        page.full_clean(exclude=foreign_keys, validate_unique=False, validate_constraints=False)
    finally:
        page.__dict__.pop("_check_slug_is_unique", None)


def _slug_checked() -> None:
    """Stands for Page._check_slug_is_unique() once the slug is known to be free."""


def _log(page, revision, actions) -> None:
    """The history entries Wagtail's `log()` would write, in one query instead of four each."""
    context = get_active_log_context()
    content_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
    label = page.get_admin_display_title()
    PageLogEntry.objects.bulk_create(
        PageLogEntry(
            page=page,
            content_type=content_type,
            label=label,
            action=action,
            timestamp=timezone.now(),
            data={},
            user=context.user,
            uuid=context.uuid,
            revision=None if action == "wagtail.create" else revision,
            content_changed=True,
        )
        for action in actions
    )
