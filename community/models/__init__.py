"""Community models: accounts, members and the community's page types."""

from .feedback import PageFeedback
from .members import Member, User
from .sections import (
    ContributionPage,
    OnboardingIndexPage,
    RoleIndexPage,
    StartupIndexPage,
)

__all__ = [
    "ContributionPage",
    "Member",
    "OnboardingIndexPage",
    "PageFeedback",
    "RoleIndexPage",
    "StartupIndexPage",
    "User",
]
