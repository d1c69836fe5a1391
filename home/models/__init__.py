"""Pages of the site's top level: the home page, plain content pages, the key figures, site settings."""

from .key_figures import KeyFiguresPage
from .pages import ContentPage, HomePage
from .settings import SiteIdentity

__all__ = ["ContentPage", "HomePage", "KeyFiguresPage", "SiteIdentity"]
