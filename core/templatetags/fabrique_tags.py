"""Template helpers for the page chrome."""

from django import template

register = template.Library()


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page=None, current=None):
    """DSFR breadcrumb from the page's ancestors (below the site root) or a given current title."""
    request = context.get("request")
    links = []
    if page is not None:
        for ancestor in page.get_ancestors().filter(depth__gt=2).specific():
            links.append({"title": ancestor.title, "url": ancestor.get_url(request=request)})
        current = current or page.title
    return {"links": links, "current": current}


@register.simple_tag(takes_context=True)
def element_id(context, prefix, block=None):
    """An id prefix unique in the page for a block's elements (tabs, accordions, checklists).

    The block's own id when it has one not used yet in this response; otherwise a number counted
    on the request: imported content may hold blocks without an id, and a reusable block included
    twice brings its id twice (two tab sets numbered `onglet-t-1` broke the second).
    """
    request = context.get("request")
    used = getattr(request, "_fabrique_element_ids", None) if request is not None else None
    if used is None:
        used = set()
        if request is not None:
            request._fabrique_element_ids = used
    # A nested block gets its id in the context (`include_block child with id=child.id`): it comes
    # first, so a tab's accordion never takes the id of the page's block around it.
    own = context.get("id") or getattr(block, "id", None)
    candidate = f"{prefix}-{own}" if own else ""
    number = len(used)
    while not candidate or candidate in used:
        number += 1
        candidate = f"{prefix}-{number}"
    used.add(candidate)
    return candidate
