"""Group invitations past their use are deleted: they hold an address that may belong to no member.

An invitation is done with once accepted, or once its link expired unanswered (a declined one is
deleted at once, invitations.py). Coordinators still see expired ones on the group's management
page for a while, so they can invite again; after `FABRIQUE_RETENTION_DAYS["group_invitations"]`
days they go (`manage.py purge_personal_data`).
"""

from django.db.models import Q

from .models import Invitation, invitation_lifetime


def purge_invitations(before) -> int:
    """Delete invitations accepted before `before` or whose link expired before it; how many."""
    expired = Q(accepted_at=None, created_at__lt=before - invitation_lifetime())
    return Invitation.objects.filter(Q(accepted_at__lt=before) | expired).delete()[0]
