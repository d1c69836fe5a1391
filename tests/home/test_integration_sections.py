"""The sections built separately work together: feedback on guides and resources, the satisfaction
rate among the key figures, members linked to their startups and their onboarding progress."""

import re
from datetime import timedelta

from django.utils import timezone

import pytest

from community.blockers.models import DeclaredBlocker
from community.discussions.posting import set_resolved
from community.feedback.models import PageFeedback
from community.help.models import HelpOutcome, HelpSituation
from community.members.models import Member, Mission
from community.startups.models import StartupPage
from core.taxonomy.models import Role
from resources.guides.models import GuidePage
from resources.library.models import ResourcePage
from resources.search.models import SearchRecord
from tests.community.blockers.factories import blocker
from tests.community.discussions.factories import join, make_group, make_thread
from tests.community.members.factories import MemberFactory, UserFactory, make_user
from tests.community.onboarding.factories import RolePageFactory, make_path
from tests.community.startups.factories import startup
from tests.core.taxonomy.factories import PhaseFactory, RoleFactory
from tests.home.factories import make_sections
from tests.resources.guides.factories import GuidePageFactory
from tests.resources.library.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home):
    """Every section, with a guide and a resource tagged for coaches, a startup and a path."""
    sections = make_sections(home)
    coach, developer = RoleFactory(slug="coach", name="Coach"), RoleFactory(slug="developpeur")
    guide = GuidePageFactory(parent=sections["guides"], title="Préparer le comité")
    guide.roles.set([coach])
    guide.save()  # parental many-to-many relations are written on save
    ResourcePageFactory(
        parent=sections["ressources"], title="Grille d'entretien de coaching", taxonomies={"roles": [coach]}
    )
    RolePageFactory(parent=sections["roles"], title="Coach", slug="coach", role=coach)
    make_path(
        sections["parcours"], "Développeur·se", roles=[developer], steps=[("jour", "Ouvrir ses accès", True)]
    )
    startup(home, "Cantine locale", phases=[(PhaseFactory(slug="construction"), "2024-01-15")])
    return sections


@pytest.mark.parametrize("model", [GuidePage, ResourcePage])
def test_feedback_is_asked_and_stored_on_guides_and_resources(client, site, model):
    page = model.objects.live().first()
    html = client.get(page.url).content.decode()
    assert "Cette page vous a-t-elle été utile ?" in html
    response = client.post("/avis/", {"page": page.pk, "useful": "oui", "comment": "Très clair"})
    assert response.status_code in (200, 302)
    feedback = PageFeedback.objects.get(page=page)
    assert feedback.useful is True
    assert feedback.comment == "Très clair"


def test_key_figures_show_the_overall_satisfaction_rate(client, site):
    guide, resource = GuidePage.objects.live().first(), ResourcePage.objects.live().first()
    PageFeedback.objects.create(page=guide, useful=True)
    PageFeedback.objects.create(page=guide, useful=True)
    PageFeedback.objects.create(page=resource, useful=False)
    html = client.get("/chiffres/").content.decode()
    assert "Satisfaction des lecteurs" in html
    assert "67 %" in html
    assert "3 réponses" in html


def test_member_profile_lists_startups_and_startup_page_links_to_members(client, site):
    startup = StartupPage.objects.live().first()
    member = MemberFactory(full_name="Inès Démo")
    Mission.objects.create(member=member, startup=startup, startup_ref=startup.slug)
    profile = client.get(f"/membres/{member.slug}/").content.decode()
    assert f'href="{startup.url}"' in profile
    assert startup.title in profile
    startup_html = client.get(startup.url).content.decode()
    assert f'href="/membres/{member.slug}/"' in startup_html


def test_owner_sees_onboarding_progress_on_own_profile_only(client, site):
    user = UserFactory(username="ines")
    member = Member.objects.create(user=user, slug="ines", full_name="Inès")
    member.roles.set([Role.objects.get(slug="developpeur")])
    member.save()
    client.force_login(user)
    assert "Mes parcours d'arrivée" in client.get("/membres/ines/").content.decode()
    other = UserFactory(username="autre")
    client.force_login(other)
    assert "Mes parcours d'arrivée" not in client.get("/membres/ines/").content.decode()


def test_role_pages_list_the_guides_and_resources_tagged_with_the_role(client, site):
    tagged = [
        page
        for model in (GuidePage, ResourcePage)
        for page in model.objects.live().filter(roles__slug="coach").distinct()
    ]
    assert len(tagged) == 2, "the site tags a guide and a resource with the coach role"
    html = client.get("/roles/coach/").content.decode().replace("&#x27;", "'")
    for page in tagged:
        assert page.title in html, page.title


def test_key_figures_add_up_resolved_problems_from_groups_blockers_and_help(client, site, settings):
    settings.FABRIQUE_PAGE_CACHE = False  # bookkeeping rows do not empty the page cache
    group = make_group("entraide")
    author = join(group, make_user("alix"))
    solved = make_thread(group, author, title="Comment passer un marché ?")
    make_thread(group, author, title="Encore ouverte")
    set_resolved(solved, author, True)
    startup = StartupPage.objects.live().first()
    declarer = make_user("bao").member
    closed = DeclaredBlocker.objects.create(startup=startup, blocker=blocker(), declared_by=declarer)
    DeclaredBlocker.objects.create(
        startup=startup, blocker=blocker("recruter", "Recruter"), declared_by=declarer
    )
    DeclaredBlocker.objects.filter(pk=closed.pk).update(closed_at=timezone.now() - timedelta(days=40))
    situation = HelpSituation.objects.create(title="Recruter", slug="recruter", description="Recruter.")
    HelpOutcome.objects.create(situation=situation, helped=True)
    HelpOutcome.objects.create(situation=situation, helped=False)

    html = client.get("/chiffres/").content.decode()
    assert re.search(r'id="problemes-resolus">3</span>', html)
    assert "dont 2 ces 30 derniers jours" in html
    groups_row = re.search(r"Questions résolues dans les groupes</th><td>(\d+)</td><td>(\d+)</td>", html)
    blockers_row = re.search(
        r"Blocages levés par les équipes des startups</th><td>(\d+)</td><td>(\d+)</td>", html
    )
    help_row = re.search(r"Vers qui me tourner \? » a aidé</th><td>(\d+)</td><td>(\d+)</td>", html)
    assert groups_row.groups() == ("1", "1") and blockers_row.groups() == ("1", "0")
    assert help_row.groups() == ("1", "1")


def test_key_figures_show_the_share_of_searches_without_result_over_30_days(client, site, settings):
    settings.FABRIQUE_PAGE_CACHE = False
    assert "Aucune recherche ces 30 derniers jours." in client.get("/chiffres/").content.decode()
    client.get("/recherche/", {"q": "comité"})
    client.get("/recherche/", {"q": "xylophone introuvable"})
    old = SearchRecord.objects.create(query="ancienne", result_count=0)
    SearchRecord.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=31))
    html = client.get("/chiffres/").content.decode()
    assert re.search(r'id="recherches-sans-resultat">50,0 %</span>', html)  # one of the two recent ones
