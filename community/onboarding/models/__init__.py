"""Roles, onboarding paths and the "Qui contacter" directory."""

from .contacts import ContactDirectoryPage
from .paths import OnboardingPathPage
from .roles import RolePage, RoleRelatedPage, RoleResponsibility
from .sections import OnboardingIndexPage, RoleIndexPage
from .steps import OnboardingProgress, OnboardingStep

__all__ = [
    "ContactDirectoryPage",
    "OnboardingIndexPage",
    "OnboardingPathPage",
    "OnboardingProgress",
    "OnboardingStep",
    "RoleIndexPage",
    "RolePage",
    "RoleRelatedPage",
    "RoleResponsibility",
]
