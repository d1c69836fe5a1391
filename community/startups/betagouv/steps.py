"""The import's steps as data: which folder, in which order, and what runs before and after it."""

from collections.abc import Callable
from dataclasses import dataclass

from .incubators import import_incubator, import_team, prefetch_incubators
from .members import import_member, prefetch_members
from .organisations import import_organisation
from .phases import import_phase
from .startups import import_startup, prefetch_startups, refresh_phases


@dataclass(frozen=True)
class Step:
    """One folder of fiches, imported by `handler(importer, source, path, warn)` one fiche at a time.

    `prefetch(importer, records)` loads, before the first fiche, what the folder's fiches may update
    (a few queries for the folder instead of some per fiche); `after(importer)` does the work owed
    once the whole folder is in.
    """

    folder: str
    label: str  # shown in the progress line
    handler: Callable
    prefetch: Callable | None = None
    after: Callable | None = None


# In this order so that references resolve: a startup names its phases, sponsors and incubator,
# a team its incubator, a member's missions their startups.
STEPS = (
    Step("phases", "Phases", import_phase),
    Step("organisations", "Organisations", import_organisation),
    Step("incubators", "Incubateurs", import_incubator, prefetch=prefetch_incubators),
    Step("teams", "Équipes", import_team),
    Step("startups", "Startups", import_startup, prefetch=prefetch_startups, after=refresh_phases),
    Step("authors", "Membres", import_member, prefetch=prefetch_members),
)
FOLDERS = tuple(step.folder for step in STEPS)
