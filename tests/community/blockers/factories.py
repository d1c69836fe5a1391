"""Builders for blockers: a blocker with rules, and a member on a startup's team."""

from community.blockers.models import Blocker, RecommendationItem, RecommendationRule
from community.members.models import Mission


def blocker(slug="passer-un-marche", name="Passer un marché"):
    return Blocker.objects.get_or_create(slug=slug, defaults={"name": name})[0]


def rule(blocker, name, items, *, position=0, phases=(), thematiques=(), roles=(), sponsor_types=""):
    """A rule whose `items` are (kind, page or None, title) triples, in order."""
    made = RecommendationRule(blocker=blocker, name=name, position=position, sponsor_types=sponsor_types)
    made.items = [
        RecommendationItem(
            kind=kind, page=page, title=title, url="" if page else "https://example.org/", sort_order=n
        )
        for n, (kind, page, title) in enumerate(items)
    ]
    made.save()
    made.phases.set(phases)
    made.thematiques.set(thematiques)
    made.roles.set(roles)
    made.save()  # parental many-to-many values are written on save
    return made


def join_team(user, startup, role=None):
    """A validated, running mission of the user's member on the startup."""
    return Mission.objects.create(
        member=user.member, startup=startup, role=role, validation=Mission.VALIDATED
    )
