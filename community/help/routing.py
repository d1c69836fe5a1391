"""What one reader gets for one situation: the guides they may read, their incubator's contact, people.

Only reads: a confidential situation is served by the same function, and nothing here writes.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser

from wagtail.models import Page

from community.members.models import Member
from core.visibility import readable

from .models import HelpContact, HelpSituation, LivedExperience


@dataclass
class Route:
    """The answer to « vers qui me tourner ? » for one situation and one reader."""

    situation: HelpSituation
    pages: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    contacts_are_local: bool = False  # True: from the reader's incubator(s); False: network-wide
    people: list = field(default_factory=list)
    own_experience: bool = False  # the reader offered to be contacted on this situation


def reader_incubator_ids(member) -> set[int]:
    """Incubators of the startups of the member's running missions (the members' rule)."""
    return member.missions.running().in_an_incubator().incubator_ids() if member is not None else set()


def contacts_for(situation: HelpSituation, incubator_ids: set[int]) -> tuple[list, bool]:
    """The contacts of the reader's incubators; else the network-wide ones."""
    contacts = HelpContact.objects.filter(situation=situation).select_related("incubator")
    if incubator_ids:
        local = list(contacts.filter(incubator_id__in=incubator_ids).order_by("sort_order", "pk"))
        if local:
            return local, True
    return list(contacts.filter(incubator__isnull=True).order_by("sort_order", "pk")), False


def readable_pages(situation: HelpSituation, user) -> list:
    """The situation's guides and resources this reader may open, in the editors' order."""
    ordered_ids = list(situation.resources.order_by("sort_order", "pk").values_list("page_id", flat=True))
    if not ordered_ids:
        return []
    pages = readable(Page.objects.filter(pk__in=ordered_ids), user).specific().in_bulk()
    return [pages[pk] for pk in ordered_ids if pk in pages]


def route(situation: HelpSituation, user=None) -> Route:
    user = user or AnonymousUser()
    member = Member.objects.filter(user=user).first() if user.is_authenticated else None
    contacts, local = contacts_for(situation, reader_incubator_ids(member))
    result = Route(situation=situation, pages=readable_pages(situation, user), contacts=contacts)
    result.contacts_are_local = local
    if member is not None:
        # People are shown to members only, as the members' directory is.
        experiences = LivedExperience.objects.filter(situation=situation).select_related("member")
        result.people = [e.member for e in experiences.exclude(member=member).order_by("member__full_name")]
        result.own_experience = experiences.filter(member=member).exists()
    return result
