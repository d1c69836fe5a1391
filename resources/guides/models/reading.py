"""Reading aids of a guide page: its side menu, previous/next pages, table of contents and reading
time. Functions of the page (never of its class), so a guide and the variant shown in its place share
them (models/variants.py)."""

import math

from django.urls import reverse
from django.utils.html import strip_tags

WORDS_PER_MINUTE = 200


def table_of_contents(body):
    """The body's headings in order, as (level, text, anchor), for the in-page menu."""
    return [
        {"level": block.value["level"], "text": block.value["text"], "anchor": block.value.anchor_id}
        for block in body
        if block.block_type == "heading"
    ]


def reading_minutes(intro, body):
    """Estimated minutes to read an introduction and a body (at least one)."""
    words = len(intro.split()) + sum(len(strip_tags(text).split()) for text in _strings(list(body.raw_data)))
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def _strings(data):
    """Every string inside a StreamField's raw data (rich text, titles, captions)."""
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in ("type", "id", "level", "style", "anchor", "url", "image_url"):
                yield from _strings(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _strings(value)


def reading_context(page, request):
    """Side menu of the guide's tree, previous/next in reading order and the editor's tools.

    One query loads every live guide page of the section in tree order (treebeard's `path` order
    is depth-first reading order), so the cost does not grow with the page's depth.
    """
    index_page = _section_index(page)
    pages = list(
        type(page)
        .objects.descendant_of(index_page)
        .live()
        .public()
        .order_by("path")
        .only("id", "title", "slug", "url_path", "path", "depth", "icon", "numchild")
    )
    position = next((i for i, item in enumerate(pages) if item.pk == page.pk), None)
    previous_page = pages[position - 1] if position else None
    next_page = pages[position + 1] if position is not None and position + 1 < len(pages) else None

    root_path = page.path[: index_page.steplen * (index_page.depth + 1)]
    tree = [item for item in pages if item.path.startswith(root_path)]
    user = getattr(request, "user", None)
    can_edit = bool(user and user.is_authenticated and page.permissions_for_user(user).can_edit())
    return {
        "guide_menu": _nest(tree, page, request),
        "guide_root": tree[0] if tree else page,
        "previous_page": previous_page,
        "next_page": next_page,
        "toc": page.table_of_contents(),
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]) if can_edit else "",
        "show_review_flag": can_edit and page.is_review_overdue,
    }


def _section_index(page):
    """The nearest ancestor that is not a guide page (the guide index), or the top guide's parent."""
    for ancestor in reversed(page.get_ancestors()):
        if ancestor.specific_class is not type(page):
            return ancestor
    return page.get_parent()


def _nest(pages, current, request):
    """Flat depth-first pages into nested menu items, marking the current page and its ancestors."""
    items_by_path = {}
    roots = []
    for item in pages:
        node = {
            "title": item.display_title,
            "url": item.get_url(request=request),
            "current": item.pk == current.pk,
            "open": current.path.startswith(item.path),
            "children": [],
            "id": item.pk,
        }
        items_by_path[item.path] = node
        parent = items_by_path.get(item.path[: -current.steplen])
        (parent["children"] if parent else roots).append(node)
    return roots
