"""Pages of the site's top level: home, content pages, key figures, legal pages; site settings."""

from .incubator_sites import IncubatorHomePage
from .key_figures import KeyFiguresPage
from .legal import AccessibilityStatementPage, LegalNoticePage, PersonalDataPage, SitemapPage
from .pages import ContentPage, HomePage
from .settings import SiteIdentity

__all__ = [
    "AccessibilityStatementPage",
    "ContentPage",
    "HomePage",
    "IncubatorHomePage",
    "KeyFiguresPage",
    "LegalNoticePage",
    "PersonalDataPage",
    "SiteIdentity",
    "SitemapPage",
]
