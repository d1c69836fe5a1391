"""What a page tells search engines, link previews and feed readers, in the `<head>` of every page.

- `description`: the page's search description, else its introduction (or its summary: a startup's
  mission), as plain text cut at `DESCRIPTION_LENGTH` characters; else the site's tagline.
- `canonical`: the address without its query string, so the filtered variants of a listing all point
  to the listing; `?page=N` is kept only on an unfiltered listing's later pages (their content is
  not on page 1). Open Graph's `og:url` is the same address.
- Open Graph and Twitter card: title, description, address, the site's name and the DSFR icon.
- `BreadcrumbList` (schema.org) as JSON-LD, the same trail as the visible breadcrumb. A
  `<script type="application/ld+json">` is a data block that browsers never run: the CSP's
  `script-src` does not apply to it. Its JSON escapes `<`, `>` and `&`, so no title can close it.
- The section's feeds (`page.feed_links(request)`) as `<link rel="alternate">`.
"""

import json

from django import template
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from wagtail.models import Site

register = template.Library()

DESCRIPTION_LENGTH = 160
JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}
SHARE_IMAGE = "dsfr/dist/favicon/android-chrome-512x512.png"


def plain_description(*candidates) -> str:
    """The first non-empty text, without tags and with single spaces, cut on a word boundary."""
    for candidate in candidates:
        text = " ".join(strip_tags(str(candidate or "")).split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def _root_url(request) -> str:
    site = Site.find_for_request(request)
    return site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")


def canonical_url(request, page_obj=None) -> str:
    """This address without filters; with `?page=N` only on an unfiltered listing past page 1."""
    url = _root_url(request) + request.path
    other_params = set(request.GET) - {"page"}
    number = getattr(page_obj, "number", 1)
    if page_obj is not None and number > 1 and not other_params:
        url += f"?page={number}"
    return url


def breadcrumb_json_ld(request, page) -> str:
    """The visible breadcrumb's trail as schema.org JSON-LD (home, ancestors, the page)."""
    if page is None or page.depth is None or page.depth <= 2:  # depth None: a new page's preview
        return ""
    root = _root_url(request)
    trail = [("Accueil", root + "/")]
    for ancestor in page.get_ancestors().filter(depth__gt=2):
        trail.append((ancestor.title, ancestor.get_full_url(request)))
    trail.append((page.title, canonical_url(request)))
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }
    return json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)


@register.inclusion_tag("includes/head_meta.html", takes_context=True)
def page_head_meta(context, site_name="", tagline=""):
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {}
    title = context.get("meta_title") or (page and (page.seo_title or page.title)) or site_name
    description = plain_description(
        getattr(page, "search_description", ""),
        getattr(page, "intro", ""),
        getattr(page, "summary", ""),
        context.get("meta_description", ""),
        tagline,
    )
    feeds = page.feed_links(request) if hasattr(page, "feed_links") else []
    return {
        "title": title,
        "description": description,
        "canonical": canonical_url(request, context.get("page_obj")),
        # A new page's preview has no place in the tree yet (depth None): an article.
        "og_type": "website" if page is None or (page.depth is not None and page.depth <= 2) else "article",
        "site_name": site_name,
        "image": request.build_absolute_uri(static(SHARE_IMAGE)),
        "json_ld": mark_safe(breadcrumb_json_ld(request, page)),  # noqa: S308  # nosec B308 B703 - escaped JSON above
        "feeds": feeds,
    }
