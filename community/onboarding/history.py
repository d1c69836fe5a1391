"""What a member has seen: guides they open, and their visits to « Pour moi »."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from .models.visits import GuideOpening, PersonalPageVisit

# Page loads closer together than this are one visit: reloading « Pour moi » keeps its « new since ».
VISIT_GAP = datetime.timedelta(hours=1)


def record_guide_opening(user, guide):
    """Note that `user` opened `guide` now; written only when it tells something new.

    A guide already opened since its last publication is left alone, so reading costs one
    indexed read, and a write only on the first opening or after the guide changed.
    """
    if not user.is_authenticated:
        return
    now = timezone.now()
    opening = GuideOpening.objects.filter(user=user, page_id=guide.pk).first()
    if opening is None:
        try:
            with transaction.atomic():
                GuideOpening.objects.create(user=user, page_id=guide.pk, opened_at=now)
        except IntegrityError:
            pass  # opened twice at once: one row is enough
    elif guide.last_published_at and opening.opened_at < guide.last_published_at:
        GuideOpening.objects.filter(pk=opening.pk).update(opened_at=now)


def previous_visit(user):
    """Record this visit to « Pour moi » and return when the visit before it started (None: first)."""
    now = timezone.now()
    visit = PersonalPageVisit.objects.filter(user=user).first()
    if visit is None:
        try:
            with transaction.atomic():
                PersonalPageVisit.objects.create(user=user, seen_at=now)
        except IntegrityError:
            pass
        return None
    if now - visit.seen_at > VISIT_GAP:
        visit.previous_seen_at, visit.seen_at = visit.seen_at, now
        visit.save(update_fields=["previous_seen_at", "seen_at"])
    return visit.previous_seen_at
