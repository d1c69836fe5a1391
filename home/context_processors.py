"""Page chrome shared by every template: navigation and footer links built from the page tree."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from wagtail.models import Page, Site

from core import caching

from .models import ContentPage

CHROME_KEY = "fabrique:chrome:{site_id}"


def _chrome_links(site, request):
    """Menu and footer of a site: the root's live direct children, one indexed query (path + depth)."""
    root = site.root_page
    children = (
        Page.objects.filter(path__startswith=root.path, depth=root.depth + 1, live=True)
        .only("id", "title", "url_path", "show_in_menus", "content_type_id", "path", "depth", "locale_id")
        .order_by("path")
    )
    content_type = ContentType.objects.get_for_model(ContentPage).pk
    menu, footer = [], []
    for page in children:
        link = {"title": page.title, "url": page.get_url(request=request)}
        if page.show_in_menus:
            menu.append(link)
        elif page.content_type_id == content_type:
            footer.append(link)
    return menu, footer


def site_chrome(request):
    """Main menu and footer links, kept in the cache under the content generation."""
    site = Site.find_for_request(request)
    generation = caching.generation(request)
    context = {"content_generation": generation, "page_cache_timeout": caching.timeout()}
    if site is None:
        return {**context, "main_menu": [], "footer_links": []}
    key = CHROME_KEY.format(site_id=site.pk)
    cached = cache.get(key) if caching.enabled() else None
    if cached is not None and cached[0] == generation:
        menu, footer = cached[1], cached[2]
    else:
        menu, footer = _chrome_links(site, request)
        if caching.enabled():
            cache.set(key, (generation, menu, footer), caching.timeout())
    main_menu = [
        {**item, "current": item["url"] is not None and request.path.startswith(item["url"])} for item in menu
    ]
    return {**context, "main_menu": main_menu, "footer_links": footer}
