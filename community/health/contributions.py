"""Members' contributions to the community, from every app that records some: the « règle des 10 % ».

Each source is a function `(since, member_ids) -> list[Contribution]` (`member_ids` None: every
member). CONTRIBUTION_SOURCES lists them: an app that records another kind of contribution (group
messages, answers…) adds its own function to the list — at merge time, one line here. Sources are
read by the share of contributors (/chiffres/, the dashboard) and each member's profile.

A contribution counts from the day it was made, published or not (a resource waiting for
moderation is work done); what the profile shows to others is only what anyone may read
(`public`: a live, public page). Proposal texts are never shown.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from community.discussions.models import Message, Thread
from community.groups.models import GroupVisibility
from community.members.models import Member
from resources.guides.models import CorrectionProposal
from resources.library.models import ResourcePage


@dataclass(frozen=True)
class Contribution:
    """One contribution of one member: what, when, and a link when it is public."""

    member_id: int
    kind: str
    title: str
    date: datetime.datetime
    url: str = ""
    public: bool = False


def _public_urls(page_ids, with_urls: bool) -> dict[int, str]:
    """The live, public pages among `page_ids`, with their URL when asked (the profile needs it)."""
    pages = Page.objects.live().public().filter(pk__in=page_ids)
    if not with_urls:
        return dict.fromkeys(pages.values_list("pk", flat=True), "")
    return {page.pk: page.url or "" for page in pages}


def contributed_resources(since=None, member_ids=None) -> list[Contribution]:
    pages = ResourcePage.objects.filter(contributor__isnull=False)
    if member_ids is not None:
        pages = pages.filter(contributor_id__in=member_ids)
    rows = list(
        pages.values(
            "pk", "contributor_id", "title", "url_path", "first_published_at", "latest_revision_created_at"
        )
    )
    public = _public_urls([row["pk"] for row in rows], with_urls=member_ids is not None)
    contributions = []
    for row in rows:
        date = row["first_published_at"] or row["latest_revision_created_at"]
        if date is None or (since and date < since):
            continue
        contributions.append(
            Contribution(
                row["contributor_id"],
                "Ressource",
                row["title"],
                date,
                public.get(row["pk"], ""),
                row["pk"] in public,
            )
        )
    return contributions


def improvement_proposals(since=None, member_ids=None) -> list[Contribution]:
    proposals = CorrectionProposal.objects.filter(author__member__isnull=False)
    if since:
        proposals = proposals.filter(created_at__gte=since)
    if member_ids is not None:
        proposals = proposals.filter(author__member__in=member_ids)
    rows = list(proposals.values("author__member", "page_id", "page__title", "created_at"))
    public = _public_urls([row["page_id"] for row in rows], with_urls=member_ids is not None)
    return [
        Contribution(
            row["author__member"],
            "Amélioration proposée",
            row["page__title"],
            row["created_at"],
            public.get(row["page_id"], ""),
            row["page_id"] in public,
        )
        for row in rows
    ]


def thread_url(group_slug: str, thread_id: int) -> str:
    return reverse("discussions:thread", kwargs={"slug": group_slug, "pk": thread_id})


def group_messages(since=None, member_ids=None) -> list[Contribution]:
    """One contribution per thread a member wrote in (a busy thread is not fifty lines of a profile).

    Hidden messages do not count; only threads of public groups are public on the profile.
    """
    messages = Message.objects.filter(
        hidden=False, author__member__isnull=False, thread__in=Thread.objects.shown()
    )
    if since:
        messages = messages.filter(created_at__gte=since)
    if member_ids is not None:
        messages = messages.filter(author__member__in=member_ids)
    latest = {}
    rows = messages.values(
        "author__member",
        "thread_id",
        "thread__title",
        "thread__group__slug",
        "thread__group__visibility",
        "created_at",
    )
    for row in rows:
        key = (row["author__member"], row["thread_id"])
        if key not in latest or row["created_at"] > latest[key]["created_at"]:
            latest[key] = row
    contributions = []
    for (member_id, thread_id), row in sorted(latest.items()):
        public = row["thread__group__visibility"] == GroupVisibility.PUBLIC
        url = thread_url(row["thread__group__slug"], thread_id) if public else ""
        contributions.append(
            Contribution(
                member_id, "Message dans un groupe", row["thread__title"], row["created_at"], url, public
            )
        )
    return contributions


CONTRIBUTION_SOURCES = [contributed_resources, improvement_proposals, group_messages]


def contributions_of(member, *, viewer_is_owner=False) -> list[Contribution]:
    """A member's contributions, newest first; others see the public ones only."""
    found = [item for source in CONTRIBUTION_SOURCES for item in source(None, [member.pk])]
    if not viewer_is_owner:
        found = [item for item in found if item.public]
    return sorted(found, key=lambda item: (item.date, item.title), reverse=True)


def year_ago(today=None) -> datetime.datetime:
    now = (
        timezone.now()
        if today is None
        else timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    )
    return now - datetime.timedelta(days=365)


def contributor_share(today=None) -> dict:
    """Members with an active account who contributed in 12 months: {members, contributors, share}."""
    since = year_ago(today)
    members = set(Member.objects.filter(Q(user__is_active=True)).values_list("pk", flat=True))
    contributors = {
        item.member_id for source in CONTRIBUTION_SOURCES for item in source(since, None)
    } & members
    share = round(100 * len(contributors) / len(members)) if members else None
    return {"members": len(members), "contributors": len(contributors), "share": share}
