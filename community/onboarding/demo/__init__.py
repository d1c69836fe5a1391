"""Demo content for roles, arrival and departure paths and "Qui contacter", written for Fabrique.

Keyed by slug: a page that already exists is left untouched, so a second run changes nothing.
"""

from django.db import transaction

from core.pages import get_or_create_child
from core.taxonomy.models import Phase, Role

from ..models import (
    ContactDirectoryPage,
    OnboardingIndexPage,
    OnboardingPathPage,
    OnboardingStep,
    RoleIndexPage,
    RolePage,
    RoleResponsibility,
)
from ..models.steps import ARRIVAL, DEPARTURE
from .contacts import CONTACT_CATEGORIES
from .departures import DEPARTURE_PATHS
from .paths import PATHS
from .phases import PHASE_TEXTS
from .roles import ROLES


def load_contacts(home):
    categories = [
        ("category", {"kind": kind, "title": title, "text": text, "contacts": contacts})
        for kind, title, text, contacts in CONTACT_CATEGORIES
    ]
    page, _ = get_or_create_child(
        home,
        ContactDirectoryPage,
        "qui-contacter",
        title="Qui contacter",
        intro="Qui vous aide pour vos comptes, la méthode, les difficultés au travail ou votre départ.",
        categories=categories,
        show_in_menus=False,
    )
    return page


def load_role_pages(index, log):
    phases = {phase.slug: phase for phase in Phase.objects.all()}
    created = 0
    for slug, title, intro, mission, by_phase, skills, contacts in ROLES:
        role = Role.objects.filter(slug=slug).first()
        if role is None or RolePage.objects.filter(role=role).exists():
            continue
        _, new = get_or_create_child(
            index,
            RolePage,
            slug,
            title=title,
            intro=intro,
            role=role,
            mission=mission,
            skills=[("skill", {"name": name, "detail": detail}) for name, detail in skills],
            whom_to_ask=[("contact", value) for value in contacts],
            responsibilities=[
                RoleResponsibility(phase=phases[phase_slug], text=text)
                for phase_slug, text in by_phase.items()
                if phase_slug in phases
            ],
        )
        created += new
    log(f"Rôles : {created} page(s) créée(s).")


def step_links(links, home):
    blocks = []
    for link in links:
        if isinstance(link, str):
            page = (
                home.get_descendants()
                .filter(url_path=f"{home.url_path}{link.removeprefix('page:')}/")
                .first()
            )
            if page is not None:
                blocks.append(("link", {"page": page, "url": "", "label": ""}))
        else:
            label, url = link
            blocks.append(("link", {"page": None, "url": url, "label": label}))
    return blocks


def load_paths(index, home, log, paths=PATHS, kind=ARRIVAL):
    created = 0
    for slug, title, intro, role_slugs, steps in paths:
        _, new = get_or_create_child(
            index,
            OnboardingPathPage,
            slug,
            title=title,
            intro=intro,
            kind=kind,
            roles=list(Role.objects.filter(slug__in=role_slugs)),
            steps=[
                OnboardingStep(
                    moment=moment,
                    title=step_title,
                    what_to_do=html,
                    links=step_links(links, home),
                    duration_minutes=minutes,
                    essential=essential,
                    sort_order=position,
                )
                for position, (moment, step_title, html, links, minutes, essential) in enumerate(steps)
            ],
        )
        created += new
    log(f"Parcours {'de départ' if kind == DEPARTURE else 'd’arrivée'} : {created} parcours créé(s).")


def describe_phases(log):
    """Exit criteria and committee of the phases that have none yet (an editor's text is kept)."""
    described = 0
    for phase in Phase.objects.filter(slug__in=PHASE_TEXTS, exit_criteria="", committee=""):
        phase.exit_criteria, phase.committee = PHASE_TEXTS[phase.slug]
        phase.save(update_fields=["exit_criteria", "committee"])
        described += 1
    log(f"Phases : {described} phase(s) décrite(s).")


@transaction.atomic
def load(home, log):
    role_index = RoleIndexPage.objects.descendant_of(home).first()
    onboarding_index = OnboardingIndexPage.objects.descendant_of(home).first()
    if role_index is None or onboarding_index is None:
        log("Rôles et parcours : rubriques absentes, rien à créer.")
        return
    describe_phases(log)
    load_contacts(home)
    load_role_pages(role_index, log)
    load_paths(onboarding_index, home, log)
    load_paths(onboarding_index, home, log, DEPARTURE_PATHS, DEPARTURE)
