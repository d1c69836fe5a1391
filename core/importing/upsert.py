"""Create-or-update keyed by source, so re-running an import touches only what changed."""

import hashlib
import json

from django.db import models

from .markdown import CONVERSION
from .publishing import add_page


def content_hash(payload) -> str:
    """A stable fingerprint of what a source gives for one record."""
    encoded = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode("utf-8")).hexdigest()


# Tells `upsert_page`/`upsert_model` to look the existing row up themselves.
LOOKUP = object()


def upsert_page(
    model,
    parent,
    source_key: str,
    fields: dict,
    *,
    publish: bool,
    relations=None,
    children=None,
    existing=LOOKUP,
    rendered=None,
):
    """Create or update the page imported from `source_key` under `parent`.

    A new revision is saved only when the source changed (compared by `content_hash` of `fields`,
    `relations` and `children`), so a re-run reports `unchanged` and leaves the history alone.
    `relations` maps many-to-many field names to lists of objects; `children` maps inline
    (ParentalKey) relation names to lists of field dicts, one per child row.
    `existing` lets a bulk importer pass the page it already fetched (or None) instead of one
    lookup query per record. `rendered` maps field names to `(source, render)`: the fingerprint
    takes the source text (and `CONVERSION`, which names the converter's versions), and
    `render(source)` runs only when the page is written, so an unchanged record costs no Markdown
    rendering (on a no-op re-run of the beta.gouv.fr fiches it was half the time). Returns
    `(page, outcome)`.
    """
    relations = relations or {}
    children = children or {}
    rendered = rendered or {}
    payload = {
        "fields": fields,
        "relations": {name: sorted(obj.pk for obj in objs) for name, objs in relations.items()},
        "parent": parent.pk,
    }
    if children:  # only when given, so fingerprints of earlier imports stay the same
        payload["children"] = children
    if rendered:
        payload["rendered"] = {name: source for name, (source, _) in rendered.items()}
        payload["conversion"] = CONVERSION
    fingerprint = content_hash(payload)
    page = model.objects.filter(source_key=source_key).first() if existing is LOOKUP else existing
    if page is not None and page.source_hash == fingerprint and (page.live or not publish):
        return page, "unchanged"

    fields = {**fields, **{name: render(source) for name, (source, render) in rendered.items()}}
    if page is None:
        page = model(source_key=source_key, source_hash=fingerprint, **fields)
        rows = {name: _child_rows(model, name, items) for name, items in children.items()}
        add_page(parent, page, publish=publish, children=rows, relations=relations)
        return page, "created"

    for name, value in fields.items():
        setattr(page, name, value)
    if not _is_child_of(page, parent):
        page.move(parent, pos="last-child")
        page.refresh_from_db()
        for name, value in fields.items():
            setattr(page, name, value)
    _set_children(page, children)
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
    return page, "updated"


def _is_child_of(page, parent) -> bool:
    """Read from the tree paths already in hand, rather than one `get_parent()` query per page."""
    return page.depth == parent.depth + 1 and page.path.startswith(parent.path)


def _set_children(page, children: dict) -> None:
    for name, rows in children.items():
        setattr(page, name, _child_rows(type(page), name, rows))


def _child_rows(model, name: str, rows: list[dict]) -> list:
    child_model = model._meta.get_field(name).related_model
    return [child_model(**row) for row in rows]


def upsert_model(model: type[models.Model], lookup: dict, fields: dict, *, existing=LOOKUP):
    """Create or update a plain model row; `unchanged` when every field already matches.

    `existing` is the row a bulk importer already fetched (or None), saving one query per record.
    """
    obj = model.objects.filter(**lookup).first() if existing is LOOKUP else existing
    if obj is None:
        return model.objects.create(**lookup, **fields), "created"
    changed = [name for name, value in fields.items() if getattr(obj, name) != value]
    if not changed:
        return obj, "unchanged"
    for name in changed:
        setattr(obj, name, fields[name])
    obj.save(update_fields=changed)
    return obj, "updated"
