"""Guides and resources page models."""

from .sections import GuideIndexPage, ResourceIndexPage

__all__ = ["GuideIndexPage", "ResourceIndexPage"]
