"""Community models: accounts, members and the community's page types."""

from .contacts import ContactDirectoryPage
from .contributions import CorrectionProposal
from .feedback import PageFeedback
from .incubators import IncubatorIndexPage, IncubatorPage, Team
from .key_figures import KeyFiguresPage
from .members import Member, User
from .missions import Mission
from .onboarding import OnboardingPathPage, OnboardingProgress, OnboardingStep
from .organisations import Audience, Organisation
from .roles import RolePage, RoleRelatedPage, RoleResponsibility
from .sections import (
    ContributionPage,
    OnboardingIndexPage,
    RoleIndexPage,
    StartupIndexPage,
)
from .startups import StartupEvent, StartupPage, StartupPhase, StartupRelatedPage

__all__ = [
    "Audience",
    "ContactDirectoryPage",
    "ContributionPage",
    "CorrectionProposal",
    "IncubatorIndexPage",
    "IncubatorPage",
    "KeyFiguresPage",
    "Member",
    "Mission",
    "OnboardingIndexPage",
    "OnboardingPathPage",
    "OnboardingProgress",
    "OnboardingStep",
    "Organisation",
    "PageFeedback",
    "RoleIndexPage",
    "RolePage",
    "RoleRelatedPage",
    "RoleResponsibility",
    "StartupEvent",
    "StartupIndexPage",
    "StartupPage",
    "StartupPhase",
    "StartupRelatedPage",
    "Team",
    "User",
]
