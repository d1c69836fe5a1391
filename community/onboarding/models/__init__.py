"""Roles, onboarding paths, the "Qui contacter" directory, and what a member has already seen."""

from .contacts import ContactDirectoryPage
from .paths import OnboardingPathPage
from .roles import RolePage, RoleRelatedPage, RoleResponsibility
from .sections import OnboardingIndexPage, RoleIndexPage
from .steps import OnboardingProgress, OnboardingStep
from .visits import GuideOpening, PersonalPageVisit

__all__ = [
    "ContactDirectoryPage",
    "GuideOpening",
    "OnboardingIndexPage",
    "OnboardingPathPage",
    "OnboardingProgress",
    "OnboardingStep",
    "PersonalPageVisit",
    "RoleIndexPage",
    "RolePage",
    "RoleRelatedPage",
    "RoleResponsibility",
]
