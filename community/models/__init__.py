"""Community models: accounts, members and the community's page types."""

from .incubators import IncubatorIndexPage, IncubatorPage, Team
from .key_figures import KeyFiguresPage
from .members import Member, User
from .missions import Mission
from .organisations import Audience, Organisation
from .sections import (
    ContributionPage,
    OnboardingIndexPage,
    RoleIndexPage,
    StartupIndexPage,
)
from .startups import StartupEvent, StartupPage, StartupPhase, StartupRelatedPage

__all__ = [
    "Audience",
    "ContributionPage",
    "IncubatorIndexPage",
    "IncubatorPage",
    "KeyFiguresPage",
    "Member",
    "Mission",
    "OnboardingIndexPage",
    "Organisation",
    "RoleIndexPage",
    "StartupEvent",
    "StartupIndexPage",
    "StartupPage",
    "StartupPhase",
    "StartupRelatedPage",
    "Team",
    "User",
]
