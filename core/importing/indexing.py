"""Search and reference indexes updated once per object at the end of an import.

Wagtail re-indexes a page on every save, and an imported page is saved three times (created,
revision, published); on a collection of a thousand fiches that is most of the import's time.
Inside `deferred_indexing()` the saves are only noted, then each object is indexed once, in bulk:
its search fields read once (`read_once`), its references written with a few queries per model
(`update_references`) instead of three per object.
"""

import copy
from collections import defaultdict
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models.signals import post_save

from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from modelcluster.models import get_all_child_relations

DISPATCH_UID = "core.importing.deferred_indexing"
# Reference rows per INSERT: SQLite allows 32,766 parameters (8 per row).
REFERENCE_BATCH = 500


@contextmanager
def deferred_indexing():
    touched = defaultdict(set)

    def collect(sender, instance, raw=False, **kwargs):
        if not raw and instance.pk is not None:
            touched[sender].add(instance.pk)

    searchable = [model for model in index.get_indexed_models() if getattr(model, "search_auto_update", True)]
    for model in searchable:
        post_save.disconnect(post_save_signal_handler, sender=model)
    post_save.connect(collect, weak=False, dispatch_uid=DISPATCH_UID)
    try:
        with disable_reference_index_auto_update():
            yield
    finally:
        post_save.disconnect(dispatch_uid=DISPATCH_UID)
        for model in searchable:
            post_save.connect(post_save_signal_handler, sender=model)
    update_indexes(touched, searchable)


@transaction.atomic
def update_indexes(touched: dict, searchable: list) -> None:
    """Index each saved object once; objects rolled back since (rejected records) no longer exist."""
    for model, pks in touched.items():
        referenced = ReferenceIndex.model_is_indexable(model)
        # The reference index reads every inline relation of each object: fetched once for all.
        inline = [rel.get_accessor_name() for rel in get_all_child_relations(model)] if referenced else []
        objects = []
        if model in searchable:
            objects = list(model.get_indexed_objects().filter(pk__in=pks).prefetch_related(*inline))
            read_once(model, objects)
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objects)
        if referenced:
            # The objects just indexed serve again (one reading of each page, not two), with any
            # the search index leaves out (Wagtail indexes a page model's own rows only).
            indexed = {obj.pk for obj in objects}
            rest = [pk for pk in pks if pk not in indexed]
            if rest:
                objects += model._default_manager.filter(pk__in=rest).prefetch_related(*inline)
            update_references(model, objects)


def read_once(model, objects: list) -> None:
    """Make each of `objects` give its search fields' values from one reading.

    Wagtail's SQLite indexer reads every search field of an object three times (title, body and
    autocomplete columns), and the site's `search_body_text` once more; for a page's body that is
    each rich-text block's tag stripping, four times. The objects' own `get_search_fields()` now
    returns copies of the model's fields that remember what they read from each object, so every
    reader shares one reading (related objects, under `RelatedFields`, are read as usual).
    """
    fields = [_remembering(field) for field in model.get_search_fields()]
    for obj in objects:  # fresh objects, dropped after this pass: values cannot go stale
        obj.get_search_fields = lambda: fields


def _remembering(field):
    if not isinstance(field, index.BaseField):
        return field
    clone = copy.copy(field)
    read = {}  # object → value; model instances hash by primary key

    def get_value(obj):
        if obj not in read:
            read[obj] = field.get_value(obj)
        return read[obj]

    clone.get_value = get_value
    return clone


def update_references(model, objects: list) -> None:
    """`ReferenceIndex.create_or_update_for_object()` for many objects of `model`, in bulk.

    The same rows as Wagtail's method (its own extraction and content-path hash), with the
    existing rows read in one query, new ones written in batches and stale ones deleted at once.
    """
    if not objects:
        return
    content_types = [
        ContentType.objects.get_for_model(cls, for_concrete_model=False)
        for cls in [model, *model._meta.get_parent_list()]
    ]
    content_type, base_content_type = content_types[0], content_types[-1]
    known_content_types = {ct.pk for ct in content_types}
    existing = defaultdict(dict)  # object pk → {reference: (content type id, row id)}
    rows = ReferenceIndex.objects.filter(
        base_content_type=base_content_type, object_id__in=[str(obj.pk) for obj in objects]
    ).values_list(
        "id", "content_type_id", "object_id", "to_content_type", "to_object_id", "model_path", "content_path"
    )
    for row_id, content_type_id, object_id, *reference in rows:
        existing[object_id][tuple(reference)] = (content_type_id, row_id)
    new_rows, stale = [], []
    for obj in objects:
        references = set(ReferenceIndex._extract_references_from_object(obj))
        known = existing.get(str(obj.pk), {})
        new_rows.extend(
            ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=obj.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for to_content_type_id, to_object_id, model_path, content_path in references - known.keys()
        )
        # A row under a more specific model's content type is kept, as Wagtail does: this model
        # cannot see the relation it came from.
        stale.extend(
            row_id
            for reference, (content_type_id, row_id) in known.items()
            if reference not in references and content_type_id in known_content_types
        )
    ignore = {"ignore_conflicts": True} if connection.features.supports_ignore_conflicts else {}
    ReferenceIndex.objects.bulk_create(new_rows, batch_size=REFERENCE_BATCH, **ignore)
    if stale:
        ReferenceIndex.objects.filter(id__in=stale).delete()
