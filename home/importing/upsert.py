"""Create-or-update keyed by source, so re-running an import touches only what changed."""

import hashlib
import json

from django.db import models


def content_hash(payload) -> str:
    """A stable fingerprint of what a source gives for one record."""
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


def upsert_page(model, parent, source_key: str, fields: dict, *, publish: bool, relations=None):
    """Create or update the page imported from `source_key` under `parent`.

    A new revision is saved only when the source changed (compared by `content_hash` of `fields`
    and `relations`), so a re-run reports `unchanged` and leaves the history alone.
    `relations` maps many-to-many field names to lists of objects, set after saving.
    Returns `(page, outcome)`.
    """
    relations = relations or {}
    fingerprint = content_hash(
        {
            "fields": fields,
            "relations": {name: sorted(obj.pk for obj in objs) for name, objs in relations.items()},
            "parent": parent.pk,
        }
    )
    page = model.objects.filter(source_key=source_key).first()
    if page is not None and page.source_hash == fingerprint and (page.live or not publish):
        return page, "unchanged"

    outcome = "created" if page is None else "updated"
    if page is None:
        page = model(source_key=source_key, live=False, **fields)
        parent.add_child(instance=page)
    else:
        for name, value in fields.items():
            setattr(page, name, value)
        if page.get_parent().pk != parent.pk:
            page.move(parent, pos="last-child")
            page.refresh_from_db()
            for name, value in fields.items():
                setattr(page, name, value)
    for name, objs in relations.items():
        getattr(page, name).set(objs)
    page.source_hash = fingerprint
    revision = page.save_revision(log_action=True)
    if publish:
        revision.publish()
    else:
        # save_revision() only writes revision bookkeeping to the page row: store the fingerprint
        # too, or an unpublished page would be reported "updated" on every re-run.
        model.objects.filter(pk=page.pk).update(source_hash=fingerprint)
    return page, outcome


def upsert_model(model: type[models.Model], lookup: dict, fields: dict):
    """Create or update a plain model row; `unchanged` when every field already matches."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **fields), "created"
    changed = [name for name, value in fields.items() if getattr(obj, name) != value]
    if not changed:
        return obj, "unchanged"
    for name in changed:
        setattr(obj, name, fields[name])
    obj.save(update_fields=changed)
    return obj, "updated"
