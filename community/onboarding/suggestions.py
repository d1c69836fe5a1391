"""What « Pour moi » suggests for one situation (role × phase × startup): reading, people, dates.

Every list is one bounded query (a LIMIT on indexed joins), so a member's page costs the same
number of queries whatever the number of guides, resources, members or startups. Only live,
public pages are ever listed: no draft, no private or restricted page, no page waiting for review.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import DateField, Exists, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from community.members.models import Member, Mission
from community.startups.models import StartupEvent, StartupPhase
from core.visibility import readable
from resources.guides.models import GuidePage
from resources.library.models import ResourcePage

from .models.roles import RolePage, RoleResponsibility
from .models.steps import ARRIVAL
from .models.visits import GuideOpening
from .situations import Situation, member_of, member_situations
from .summaries import progress_summary

GUIDES_LIMIT = 10
RESOURCES_LIMIT = 6
PEOPLE_LIMIT = 6
HOME_SITUATIONS = 2  # the home page names at most two situations, then links to « Pour moi »


@dataclass
class Suggestions:
    """Everything « Pour moi » shows for one situation."""

    situation: Situation
    guides: list = field(default_factory=list)
    guides_total: int = 0  # guides for this role × phase, read or not
    guides_to_read: int = 0
    resources: list = field(default_factory=list)
    resources_since: datetime.datetime | None = None
    responsibilities: list = field(default_factory=list)
    coaches: list = field(default_factory=list)
    peers: list = field(default_factory=list)
    next_event: StartupEvent | None = None


def guides_for(role, phase, user=None):
    """Live guides tagged with both the role and the phase that `user` may read (public ones when None)."""
    return readable(GuidePage.objects.filter(roles=role).filter(phases=phase), user).defer_streamfields()


def resources_for(role, phase, user=None):
    return readable(ResourcePage.objects.filter(roles=role).filter(phases=phase), user).defer_streamfields()


def guides_to_read(user, role, phase):
    """The pair's guides this user never opened, or opened before their last publication.

    Each guide carries `opened_at` (None: never opened) so the page says « nouveau » or « mis à
    jour depuis votre lecture ». Returns (first guides in reading order, how many to read, total).
    """
    base = guides_for(role, phase, user)
    opened = GuideOpening.objects.filter(user=user, page=OuterRef("pk"))
    up_to_date = Exists(opened.filter(opened_at__gte=OuterRef("last_published_at")))
    to_read = base.exclude(up_to_date).annotate(opened_at=Subquery(opened.values("opened_at")[:1]))
    guides = list(to_read.order_by("path")[:GUIDES_LIMIT])
    return guides, to_read.count(), base.count()


def new_resources(role, phase, since, user=None):
    """The pair's resources published since the previous visit (the newest ones on a first visit)."""
    queryset = resources_for(role, phase, user).select_related("kind")
    if since is not None:
        queryset = queryset.filter(first_published_at__gt=since)
    return list(queryset.order_by(F("first_published_at").desc(nulls_last=True), "-pk")[:RESOURCES_LIMIT])


def responsibilities_for(role, phase):
    """The role page's responsibilities in this phase (live, public role pages only)."""
    return list(
        RoleResponsibility.objects.filter(
            phase=phase, page__in=RolePage.objects.live().public().filter(role=role)
        ).order_by("sort_order")
    )


def coaches_of(startup, member):
    """The coaches who answer for the startup's incubator."""
    if startup is None or startup.incubator_id is None:
        return []
    queryset = Member.objects.filter(coached_incubators=startup.incubator_id)
    if member is not None:
        queryset = queryset.exclude(pk=member.pk)
    return list(queryset.order_by("full_name")[:PEOPLE_LIMIT])


def peers_who_lived(role, phase, member):
    """Members who held this role on a startup while it was in this phase (validated missions).

    A timeline phase without an end lasts until the startup's next phase; a mission counts when its
    dates overlap that span. One query, driven by the role's missions joined to their startups'
    phases (so the database walks the role's index, not every startup that went through the phase).
    """
    today = timezone.localdate()
    next_start = (
        StartupPhase.objects.filter(page_id=OuterRef("startup_id"), start__gt=OuterRef("phase_start"))
        .order_by("start")
        .values("start")[:1]
    )
    missions = (
        Mission.objects.validated()
        .filter(role=role, startup__phases__phase=phase)
        # Same join as the filter above (annotations reuse it): the phase row of this mission's startup.
        .annotate(
            phase_start=F("startup__phases__start"),
            phase_stop=Coalesce(
                F("startup__phases__end"), Subquery(next_start), Value(today), output_field=DateField()
            ),
        )
        .filter(
            phase_start__lte=Coalesce(F("end"), Value(today), output_field=DateField()),
            phase_stop__gte=Coalesce(F("start"), Value(datetime.date.min), output_field=DateField()),
        )
        .order_by()
        .values("member_id")
    )
    queryset = Member.objects.filter(pk__in=missions)
    if member is not None:
        queryset = queryset.exclude(pk=member.pk)
    return list(queryset.order_by("full_name")[:PEOPLE_LIMIT])


def next_event_of(startup):
    if startup is None:
        return None
    return StartupEvent.objects.filter(page=startup, date__gte=timezone.localdate()).order_by("date").first()


def suggestions_for(situation: Situation, user=None, member=None, since=None) -> Suggestions:
    """The page's sections for one situation; `user` given only for the member's own page."""
    found = Suggestions(situation=situation, resources_since=since)
    role, phase = situation.role, situation.phase
    if role is not None and phase is not None:
        if user is not None:
            found.guides, found.guides_to_read, found.guides_total = guides_to_read(user, role, phase)
        else:
            queryset = guides_for(role, phase)
            found.guides = list(queryset.order_by("path")[:GUIDES_LIMIT])
            found.guides_total = found.guides_to_read = queryset.count()
        found.resources = new_resources(role, phase, since, user)
        found.responsibilities = responsibilities_for(role, phase)
        if user is not None:
            found.peers = peers_who_lived(role, phase, member)
    if user is not None:
        found.coaches = coaches_of(situation.startup, member)
        found.next_event = next_event_of(situation.startup)
    return found


def next_onboarding_step(user):
    """The first unfinished path of the member (started ones first) and its next step, or None."""
    summaries = sorted(progress_summary(user, kind=ARRIVAL), key=lambda progress: not progress.started)
    return next((p for p in summaries if not p.finished and p.next_step is not None), None)


def home_overview(request):
    """The member's « Pour moi » in short, for the home page (None for anonymous visitors)."""
    member = member_of(request.user)
    if member is None:
        return None
    situations = member_situations(member)[:HOME_SITUATIONS]
    return [suggestions_for(situation, request.user, member) for situation in situations]
