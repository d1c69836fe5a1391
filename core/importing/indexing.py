"""Search and reference indexes updated once per object at the end of an import.

Wagtail re-indexes a page on every save, and an imported page is saved three times (created,
revision, published); on a collection of a thousand fiches that is most of the import's time.
Inside `deferred_indexing()` the saves are only noted, then each object is indexed once, in bulk.
"""

from collections import defaultdict
from contextlib import contextmanager

from django.db import transaction
from django.db.models.signals import post_save

from modelsearch import index
from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from modelcluster.models import get_all_child_relations

DISPATCH_UID = "core.importing.deferred_indexing"


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
        if model in searchable:
            objects = list(model.get_indexed_objects().filter(pk__in=pks))
            for obj in objects:  # fresh objects, dropped after this pass: the text cannot go stale
                if hasattr(obj, "search_body_text"):
                    obj._search_body_text = obj.search_body_text()
            for backend in get_search_backends(with_auto_update=True):
                backend.add_bulk(model, objects)
        if ReferenceIndex.model_is_indexable(model):
            # The index reads every inline relation of each object: fetched once for all of them.
            inline = [rel.get_accessor_name() for rel in get_all_child_relations(model)]
            for obj in model._default_manager.filter(pk__in=pks).prefetch_related(*inline):
                ReferenceIndex.create_or_update_for_object(obj)
