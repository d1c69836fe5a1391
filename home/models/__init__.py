"""Site-wide models: the shared taxonomies, abstract base pages, the home page and site settings."""

from .base import BasePage, ImportedPageMixin, IndexPage
from .pages import ContentPage, HomePage
from .settings import SiteIdentity
from .taxonomy import Phase, Role, Thematique

__all__ = [
    "BasePage",
    "ContentPage",
    "HomePage",
    "ImportedPageMixin",
    "IndexPage",
    "Phase",
    "Role",
    "SiteIdentity",
    "Thematique",
]
