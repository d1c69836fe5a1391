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
