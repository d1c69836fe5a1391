"""Roles, arrival and departure paths, the exit questionnaire, "Qui contacter", what a member has seen."""

from .contacts import ContactDirectoryPage
from .paths import OnboardingPathPage
from .questionnaires import ExitAnswer, ExitAnswerReceipt
from .roles import RolePage, RoleRelatedPage, RoleResponsibility
from .sections import OnboardingIndexPage, RoleIndexPage
from .steps import OnboardingProgress, OnboardingStep
from .visits import GuideOpening, PersonalPageVisit

__all__ = [
    "ContactDirectoryPage",
    "ExitAnswer",
    "ExitAnswerReceipt",
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
