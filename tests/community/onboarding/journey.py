"""A small network for the phase pages and « Pour moi »: phases, roles, a startup in construction
with its incubator and coach, a member on it, guides and resources tagged by role and phase."""

import datetime

from django.utils import timezone

from community.members.models import Mission
from community.onboarding.models import RoleResponsibility
from community.startups.models import StartupEvent
from tests.community.members.factories import make_coach, make_fiche, make_user
from tests.community.onboarding.factories import RoleIndexPageFactory, RolePageFactory
from tests.community.startups.factories import incubator, startup
from tests.core.taxonomy.factories import PhaseFactory, RoleFactory
from tests.resources.guides.factories import GuideIndexPageFactory, GuidePageFactory
from tests.resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory


def days_ago(days):
    return (timezone.localdate() - datetime.timedelta(days=days)).isoformat()


def guide(index, title, roles=(), phases=(), **fields):
    page = GuidePageFactory(parent=index, title=title, **fields)
    page.roles.set(roles)
    page.phases.set(phases)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def resource(index, title, roles=(), phases=()):
    page = ResourcePageFactory(
        parent=index, title=title, taxonomies={"roles": list(roles), "phases": list(phases)}
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_journey(home):
    """The network every test of this area starts from (names are the assertions' words)."""
    w = {"home": home}
    w["investigation"] = PhaseFactory(slug="investigation", name="Investigation", order=1)
    w["construction"] = PhaseFactory(slug="construction", name="Construction", order=2)
    w["dev"] = RoleFactory(slug="developpeuse", name="Développeuse", order=1)
    w["intra"] = RoleFactory(slug="intrapreneur", name="Intrapreneur", order=2)
    w["guides"] = GuideIndexPageFactory(parent=home)
    w["library"] = ResourceIndexPageFactory(parent=home)
    roles_index = RoleIndexPageFactory(parent=home)
    w["dev_page"] = RolePageFactory(
        parent=roles_index, slug="developpeuse", title="Développeuse", role=w["dev"]
    )
    w["dev_page"].responsibilities = [
        RoleResponsibility(phase=w["construction"], text="<p>Livrer un premier produit utilisable.</p>"),
        RoleResponsibility(phase=w["investigation"], text="<p>Prototyper pour apprendre.</p>"),
    ]
    w["dev_page"].save_revision().publish()
    w["incubator"] = incubator(home, "dinum", "Incubateur de la DINUM")
    w["cantine"] = startup(
        home,
        "Cantine locale",
        phases=[(w["investigation"], days_ago(400)), (w["construction"], days_ago(100))],
        incubator=w["incubator"],
    )
    StartupEvent.objects.create(
        page=w["cantine"], name="committee", date=timezone.localdate() + datetime.timedelta(days=20)
    )
    w["coach"] = make_coach("coach-dinum", [w["incubator"]])
    w["coach"].member.full_name = "Claire Coach"
    w["coach"].member.save()
    w["user"] = make_user("developpeuse")
    w["member"] = w["user"].member
    Mission.objects.create(member=w["member"], startup=w["cantine"], role=w["dev"], start=days_ago(120))
    dev, construction, investigation = w["dev"], w["construction"], w["investigation"]
    w["to_read"] = guide(w["guides"], "Déployer en continu", [dev], [construction])
    w["other_phase"] = guide(w["guides"], "Prototyper vite", [dev], [investigation])
    w["other_role"] = guide(w["guides"], "Préparer le comité", [w["intra"]], [construction])
    w["resource"] = resource(w["library"], "Modèle de tableau de bord", [dev], [construction])
    return w


def lived_phase_peer(w, name, slug, start, end, role=None):
    """An imported fiche whose validated mission on Cantine locale ran from `start` to `end`."""
    fiche = make_fiche(slug, name, missions=[(w["cantine"], start, end)])
    fiche.missions.update(role=role or w["dev"])
    return fiche
