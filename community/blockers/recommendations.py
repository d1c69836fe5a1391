"""The recommendations a declared blocker gets: the items of the blocker's rules that match its startup.

A rule matches when each of its conditions is empty or met: the startup's current phase, one of its
thématiques, the type of one of its sponsors, the role of the member who declared the blocker. The
items follow the rules' order, then their own; a page the reader may not read (a draft, a members-
or group-only page: core/visibility.py) is left out, and a page recommended twice is listed once.
"""

from dataclasses import dataclass

from wagtail.models import Page

from core.visibility import readable

from .models import DeclaredBlocker, RecommendationItem, RecommendationMark


@dataclass
class Recommendation:
    item: RecommendationItem
    page: Page | None
    useful: bool = False
    done: bool = False

    @property
    def url(self) -> str:
        return self.page.url if self.page is not None else self.item.url

    @property
    def label(self) -> str:
        return self.item.title or (self.page.title if self.page is not None else self.item.url)


def rule_matches(rule, *, phase_id, thematique_ids: set, sponsor_types: set, role_id) -> bool:
    phases = {phase.pk for phase in rule.phases.all()}
    thematiques = {term.pk for term in rule.thematiques.all()}
    roles = {role.pk for role in rule.roles.all()}
    wanted_sponsors = set(rule.sponsor_type_list)
    return (
        (not phases or phase_id in phases)
        and (not thematiques or bool(thematiques & thematique_ids))
        and (not wanted_sponsors or bool(wanted_sponsors & sponsor_types))
        and (not roles or role_id in roles)
    )


def matching_items(declared: DeclaredBlocker) -> list[RecommendationItem]:
    startup = declared.startup
    context = {
        "phase_id": startup.current_phase_id,
        "thematique_ids": set(startup.thematiques.values_list("pk", flat=True)),
        "sponsor_types": {kind for kind in startup.sponsors.values_list("type", flat=True) if kind},
        "role_id": declared.role_id,
    }
    rules = declared.blocker.rules.order_by("position", "pk").prefetch_related(
        "phases", "thematiques", "roles", "items"
    )
    items = []
    for rule in rules:
        if rule_matches(rule, **context):
            items.extend(sorted(rule.items.all(), key=lambda item: (item.sort_order or 0, item.pk)))
    return items


def recommendations_for(declared: DeclaredBlocker, user) -> list[Recommendation]:
    items = matching_items(declared)
    page_ids = {item.page_id for item in items if item.page_id}
    pages = {page.pk: page for page in readable(Page.objects.filter(pk__in=page_ids), user).specific()}
    marks = {mark.item_id: mark for mark in RecommendationMark.objects.filter(declared=declared)}
    seen_pages, result = set(), []
    for item in items:
        page = None
        if item.page_id:
            page = pages.get(item.page_id)
            if page is None or item.page_id in seen_pages:
                continue
            seen_pages.add(item.page_id)
        mark = marks.get(item.pk)
        result.append(
            Recommendation(item, page, useful=bool(mark and mark.useful), done=bool(mark and mark.done))
        )
    return result


def recommended_item_ids(declared: DeclaredBlocker, user) -> set[int]:
    return {recommendation.item.pk for recommendation in recommendations_for(declared, user)}
