"""The shared resource library: resources, their kinds, the library and "Contribuer" pages."""

from .resources import LICENCES, MISSING_ACCESS_MESSAGE, ResourceKind, ResourcePage
from .sections import ContributionPage, ResourceIndexPage

__all__ = [
    "LICENCES",
    "MISSING_ACCESS_MESSAGE",
    "ContributionPage",
    "ResourceIndexPage",
    "ResourceKind",
    "ResourcePage",
]
