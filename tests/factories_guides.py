"""Factories for the methodology guides."""

import factory
import wagtail_factories

from resources.guides.models import GuideIndexPage, GuidePage


class GuideIndexPageFactory(wagtail_factories.PageFactory):
    title = "Guides"
    slug = "guides"

    class Meta:
        model = GuideIndexPage


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page de guide {n}")
    intro = "Une page de la méthode."

    class Meta:
        model = GuidePage
