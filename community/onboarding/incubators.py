"""Which incubator's paths and contacts a member gets: their own incubator's, else the network's.

A member's incubator comes from their missions (mission → startup → incubator, the running missions
first, then the most recent), or from the choice made on « J'arrive ». An incubator without a path
for the role (or without a « Qui contacter » page) falls back to the network's (no incubator set).
Only pages the visitor may read are offered: drafts never, members-only pages to members only.
"""

from django.db.models import F

from community.members.models import Mission
from community.startups.models import IncubatorPage
from core.text import clean_query
from core.visibility import readable

from .models.contacts import ContactDirectoryPage
from .models.steps import ARRIVAL


def incubators_for_choice():
    """The incubators « J'arrive » offers, by name (live, public and listed ones)."""
    return list(IncubatorPage.objects.live().public().filter(hidden=False).order_by("title"))


def chosen_incubator(slug):
    """The incubator picked on « J'arrive » (`?incubateur=slug`), or None with a French message."""
    slug = clean_query(slug or "")[:100]
    if not slug:
        return None, ""
    incubator = IncubatorPage.objects.live().public().filter(slug=slug).first()
    if incubator is None:
        return None, "Cet incubateur n'existe pas : choisissez-en un dans la liste."
    return incubator, ""


def member_incubator(member):
    """The incubator of the member's missions: a running one first, then the most recently ended."""
    if member is None:
        return None
    missions = (
        Mission.objects.filter(member=member)
        .in_an_incubator()
        .order_by(F("end").desc(nulls_first=True), F("start").desc(nulls_last=True), "pk")
    )
    incubator_ids = list(missions.values_list("startup__incubator_id", flat=True)[:5])
    visible = IncubatorPage.objects.live().public().in_bulk(incubator_ids)
    return next((visible[pk] for pk in incubator_ids if pk in visible), None)


def paths_for(role, kind=ARRIVAL, incubator=None, user=None):
    """The paths of this kind for the role: the incubator's own, else the network's, by title.

    Read through the role (`role.onboarding_paths`): the path page's routes call this module, so it
    cannot import the page model.
    """
    paths = readable(role.onboarding_paths.filter(kind=kind), user).order_by("title")
    if incubator is not None:
        own = list(paths.filter(incubator=incubator))
        if own:
            return own
    return list(paths.filter(incubator__isnull=True))


def contact_page_for(incubator=None, user=None):
    """The incubator's « Qui contacter » page, else the network's."""
    pages = readable(ContactDirectoryPage.objects.all(), user).order_by("depth", "path")
    if incubator is not None:
        own = pages.filter(incubator=incubator).first()
        if own is not None:
            return own
    return pages.filter(incubator__isnull=True).first()
