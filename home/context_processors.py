"""Page chrome shared by every template: navigation and footer links built from the page tree."""

from wagtail.models import Site

from home.models import ContentPage


def site_chrome(request):
    site = Site.find_for_request(request)
    if site is None:
        return {"main_menu": [], "footer_links": []}
    root = site.root_page
    children = root.get_children().live()
    main_menu = []
    for page in children.in_menu():
        url = page.get_url(request=request)
        current = url is not None and request.path.startswith(url)
        main_menu.append({"title": page.title, "url": url, "current": current})
    footer_links = [
        {"title": page.title, "url": page.get_url(request=request)}
        for page in children.not_in_menu().type(ContentPage)
    ]
    return {"main_menu": main_menu, "footer_links": footer_links}
