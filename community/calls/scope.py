"""Who reads which applications: administrators all of them, a coach those sent to their incubators.

The incubator's team, in the admin, is its coaches (`Member.coached_incubators`, set by an
administrator): the same rule as missions and claims (community/members/coaching.py). Drafts are the
applicant's alone until sent: nobody in the admin sees them.
"""

from community.members.coaching import coached_incubator_ids, is_administrator
from community.members.groups import COACHS
from community.members.models import Member

from .models import Application


def applications_in_scope(user):
    submitted = Application.objects.submitted()
    if is_administrator(user):
        return submitted
    return submitted.filter(call__incubator_id__in=coached_incubator_ids(user))


def incubator_team_emails(incubator) -> list[str]:
    """The addresses of the coaches who answer for `incubator`: they hear of each new application."""
    if incubator is None:
        return []
    coaches = Member.objects.filter(
        coached_incubators=incubator, user__is_active=True, user__groups__name=COACHS
    ).exclude(user__email="")
    return sorted(set(coaches.values_list("user__email", flat=True)))
