"""Factories for the methodology guides."""

import factory

from resources.guides.models import GuideIndexPage, GuidePage
from tests.core.factories import PageFactory


class GuideIndexPageFactory(PageFactory):
    title = "Guides"
    slug = "guides"

    class Meta:
        model = GuideIndexPage


class GuidePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Page de guide {n}")
    intro = "Une page de la méthode."

    class Meta:
        model = GuidePage
