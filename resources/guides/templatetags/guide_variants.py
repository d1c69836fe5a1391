"""`{% variants_of page as versions %}`: the incubator variants a reader may open from a guide, as
badges beside its search result (the variants themselves are not separate results)."""

from django import template

from resources.guides.models import GuidePage
from resources.guides.models.variants import published_variants, version_url

register = template.Library()


@register.simple_tag(takes_context=True)
def variants_of(context, page):
    if page is None or page.specific_class is not GuidePage:
        return []
    request = context.get("request")
    user = getattr(request, "user", None)
    return [
        {"label": variant.title, "url": version_url(page, variant.incubator.slug, request)}
        for variant in published_variants(page, user)
    ]
