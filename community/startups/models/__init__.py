"""Startups d'État, their incubators, sponsors and audiences."""

from .incubators import IncubatorIndexPage, IncubatorPage, Team
from .organisations import Audience, Organisation
from .quality import ImportIssue
from .sections import StartupIndexPage
from .startups import StartupEvent, StartupPage, StartupPhase, StartupRelatedPage

__all__ = [
    "Audience",
    "ImportIssue",
    "IncubatorIndexPage",
    "IncubatorPage",
    "Organisation",
    "StartupEvent",
    "StartupIndexPage",
    "StartupPage",
    "StartupPhase",
    "StartupRelatedPage",
    "Team",
]
