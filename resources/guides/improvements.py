"""Improvement proposals on guide pages: stored for the guide's coach, who is told by email.

The guide's owner is `GuidePage.coach`; a guide without one falls back to the Coachs group (each
active coach with an address gets the email; the proposal is listed to every coach).
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse

from community.members.groups import ADMINISTRATEURS, COACHS

from .models import CorrectionProposal


def recipients_for(guide) -> list:
    if guide.coach_id and guide.coach.is_active and guide.coach.email:
        return [guide.coach]
    User = get_user_model()
    return list(User.objects.filter(groups__name=COACHS, is_active=True).exclude(email="").distinct())


def propose_improvement(guide, author, text: str, request=None) -> CorrectionProposal:
    proposal = CorrectionProposal.objects.create(
        page=guide, author=author, assignee=guide.coach, text=text.strip()
    )
    listing = reverse("correction_proposals_admin")
    page_url = guide.full_url or guide.url
    if request is not None:
        listing = request.build_absolute_uri(listing)
        page_url = guide.get_full_url(request)
    name = author.get_full_name() or author.username
    body = (
        f"Bonjour,\n\n{name} propose une amélioration pour le guide « {guide.title} » ({page_url}) :\n\n"
        f"{proposal.text}\n\nToutes les propositions reçues : {listing}\n\n— La Fabrique"
    )
    addresses = [user.email for user in recipients_for(guide)]
    if addresses:
        send_mail(
            f"[Fabrique] Amélioration proposée : {guide.title}",
            body,
            settings.DEFAULT_FROM_EMAIL,
            addresses,
        )
    return proposal


def proposals_for(user):
    """Coaches see the proposals on their own guides (and those with no coach); admins see all."""
    queryset = CorrectionProposal.objects.select_related("page", "author", "assignee")
    if user.is_superuser or user.groups.filter(name=ADMINISTRATEURS).exists():
        return queryset
    return queryset.filter(Q(assignee=user) | Q(assignee__isnull=True))


def can_review_proposals(user) -> bool:
    return user.is_active and (
        user.is_superuser or user.groups.filter(name__in=[COACHS, ADMINISTRATEURS]).exists()
    )
