"""Community models: accounts, members and the community's page types."""

from .contacts import ContactDirectoryPage
from .feedback import PageFeedback
from .members import Member, User
from .onboarding import OnboardingPathPage, OnboardingProgress, OnboardingStep
from .roles import RolePage, RoleRelatedPage, RoleResponsibility
from .sections import (
    ContributionPage,
    OnboardingIndexPage,
    RoleIndexPage,
    StartupIndexPage,
)

__all__ = [
    "ContactDirectoryPage",
    "ContributionPage",
    "Member",
    "OnboardingIndexPage",
    "OnboardingPathPage",
    "OnboardingProgress",
    "OnboardingStep",
    "PageFeedback",
    "RoleIndexPage",
    "RolePage",
    "RoleRelatedPage",
    "RoleResponsibility",
    "StartupIndexPage",
    "User",
]
