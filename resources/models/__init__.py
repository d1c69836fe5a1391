"""Guides and resources page models."""

from .library import ResourceKind, ResourcePage
from .sections import GuideIndexPage, ResourceIndexPage

__all__ = ["GuideIndexPage", "ResourceIndexPage", "ResourceKind", "ResourcePage"]
