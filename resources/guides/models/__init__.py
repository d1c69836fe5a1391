"""Methodology guides: pages written by coaches, nestable like GitBook groups, reviewed on a schedule,
the incubators' variants of a page, and the improvements members propose for them."""

from .guides import (
    REVIEW_INTERVALS,
    CorrectionProposal,
    GuideImportIssue,
    GuideIndexPage,
    GuidePage,
    GuidePageQuerySet,
    GuidePageTag,
)
from .variants import COMMON_VERSION, INCUBATOR_PARAMETER, GuideVariantPage

__all__ = [
    "COMMON_VERSION",
    "INCUBATOR_PARAMETER",
    "REVIEW_INTERVALS",
    "CorrectionProposal",
    "GuideImportIssue",
    "GuideIndexPage",
    "GuidePage",
    "GuidePageQuerySet",
    "GuidePageTag",
    "GuideVariantPage",
]
