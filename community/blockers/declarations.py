"""What a team does with a blocker: declare it, mark its recommendations useful or done, close it."""

from django.utils import timezone

from .access import team_missions
from .models import DeclaredBlocker, RecommendationMark

MARKS = {"utile": "useful", "fait": "done"}


def declare(user, member, startup, blocker, note: str = "") -> DeclaredBlocker:
    """The declaring member's role comes from their mission on the startup (a rule may ask for it)."""
    mission = team_missions(user).filter(startup=startup).exclude(role=None).first()
    return DeclaredBlocker.objects.create(
        startup=startup,
        blocker=blocker,
        note=note,
        declared_by=member,
        role=mission.role if mission else None,
    )


def toggle_mark(declared: DeclaredBlocker, item, mark: str) -> RecommendationMark:
    field = MARKS[mark]
    record, _ = RecommendationMark.objects.get_or_create(declared=declared, item=item)
    setattr(record, field, not getattr(record, field))
    record.save(update_fields=[field])
    return record


def close(declared: DeclaredBlocker, member) -> DeclaredBlocker:
    if declared.closed_at is None:
        declared.closed_at = timezone.now()
        declared.closed_by = member
        declared.save(update_fields=["closed_at", "closed_by"])
    return declared
