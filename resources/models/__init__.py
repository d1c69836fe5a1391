"""Guides and resources page models."""

from .guides import GuidePage, GuidePageTag
from .library import ResourceKind, ResourcePage
from .sections import GuideIndexPage, ResourceIndexPage

__all__ = [
    "GuideIndexPage",
    "GuidePage",
    "GuidePageTag",
    "ResourceIndexPage",
    "ResourceKind",
    "ResourcePage",
]
