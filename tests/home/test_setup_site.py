"""`setup_site` makes a real site without demo content, on which both importers run with no other step."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from wagtail.models import GroupPagePermission, Page, Revision, Site, WorkflowPage

import pytest

from community.onboarding.models import (
    ContactDirectoryPage,
    OnboardingIndexPage,
    OnboardingPathPage,
    RoleIndexPage,
    RolePage,
)
from community.startups.models import IncubatorIndexPage, IncubatorPage, StartupIndexPage, StartupPage
from core.taxonomy.models import Phase, Role, Thematique
from home.models import (
    AccessibilityStatementPage,
    ContentPage,
    HomePage,
    KeyFiguresPage,
    LegalNoticePage,
    PersonalDataPage,
    SitemapPage,
)
from resources.guides.models import GuideIndexPage, GuidePage
from resources.library.models import ContributionPage, ResourceIndexPage, ResourcePage
from tests import DATA_DIR

pytestmark = pytest.mark.django_db

SECTIONS = {
    GuideIndexPage: "/guides/",
    ResourceIndexPage: "/ressources/",
    StartupIndexPage: "/startups/",
    IncubatorIndexPage: "/incubateurs/",
    RoleIndexPage: "/roles/",
    OnboardingIndexPage: "/parcours/",
    ContributionPage: "/contribuer/",
    KeyFiguresPage: "/chiffres/",
}
LEGAL_PAGES = {
    SitemapPage: "/plan-du-site/",
    AccessibilityStatementPage: "/accessibilite/",
    LegalNoticePage: "/mentions-legales/",
    PersonalDataPage: "/donnees-personnelles/",
}
DEMO_CONTENT = [GuidePage, ResourcePage, StartupPage, IncubatorPage, RolePage, OnboardingPathPage]


def setup_site(*args):
    out = StringIO()
    call_command("setup_site", *args, stdout=out)
    return out.getvalue()


def test_setup_site_makes_the_home_page_and_every_section(client):
    output = setup_site()
    assert "Site prêt" in output
    site = Site.objects.get(is_default_site=True)
    home = HomePage.objects.get()
    assert site.root_page_id == home.pk and site.site_name == "Fabrique"
    # Wagtail's welcome page is replaced: the home page is the only page at depth 2.
    assert list(Page.objects.filter(depth=2)) == [home.page_ptr]
    for model, url in SECTIONS.items():
        section = model.objects.get()
        assert section.live and section.get_parent().pk == home.pk
        assert client.get(url).status_code == 200, url
    html = client.get("/").content.decode()
    for title in ("J&#x27;arrive dans la communauté", "Je cherche une ressource", "Je contribue"):
        assert title in html


def test_setup_site_makes_the_legal_pages_of_the_footer(client):
    setup_site()
    for model, url in LEGAL_PAGES.items():
        page = model.objects.get()
        assert page.live and page.get_parent().pk == HomePage.objects.get().pk and not page.show_in_menus
        assert client.get(url).status_code == 200, url
    assert "Licence Etalab 2.0".lower() in client.get("/mentions-legales/").content.decode().lower()


def test_setup_site_binds_workflows_and_section_permissions():
    setup_site()
    # Wagtail's own default workflow stays on the tree's root; ours are on the sections.
    sections = WorkflowPage.objects.filter(page__depth__gt=1)
    workflows = dict(sections.values_list("page__url_path", "workflow__name"))
    assert workflows == {
        "/accueil/guides/": "Relecture coach",
        "/accueil/ressources/": "Modération des contributions",
    }
    coach_sections = set(
        GroupPagePermission.objects.filter(group__name="Coachs").values_list("page__url_path", flat=True)
    )
    assert coach_sections == {"/accueil/guides/", "/accueil/roles/", "/accueil/parcours/"}
    moderator_sections = set(
        GroupPagePermission.objects.filter(group__name="Modérateurs").values_list("page__url_path", flat=True)
    )
    assert moderator_sections == {"/accueil/ressources/"}


def test_setup_site_creates_no_demo_content():
    setup_site()
    for model in [*DEMO_CONTENT, ContentPage, ContactDirectoryPage]:
        assert not model.objects.exists(), model.__name__
    for model in (Phase, Role, Thematique):
        assert not model.objects.exists(), model.__name__
    assert not get_user_model().objects.exists()


def test_setup_site_twice_changes_nothing():
    setup_site()
    pages, revisions = Page.objects.count(), Revision.objects.count()
    permissions = GroupPagePermission.objects.count()
    setup_site()
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert GroupPagePermission.objects.count() == permissions


def test_setup_site_names_the_site_and_its_host():
    setup_site("--site-name", "Fabrique du MI", "--hostname", "fabrique.example.org", "--port", "443")
    site = Site.objects.get(is_default_site=True)
    assert (site.site_name, site.hostname, site.port) == ("Fabrique du MI", "fabrique.example.org", 443)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--port", "0"], "Port invalide"),
        (["--hostname", "  "], "ne peuvent pas être vides"),
    ],
)
def test_setup_site_refuses_bad_options_in_french(args, message):
    with pytest.raises(CommandError, match=message):
        setup_site(*args)
    assert not HomePage.objects.exists()


def test_importers_ask_for_setup_site_first(shared_fixtures):
    with pytest.raises(CommandError, match="setup_site"):
        call_command("import_betagouv", str(shared_fixtures / "betagouv"), stdout=StringIO())
    with pytest.raises(CommandError, match="setup_site"):
        call_command("import_gitbook", str(DATA_DIR / "gitbook" / "mini"), stdout=StringIO())
    assert not StartupPage.objects.exists() and not GuidePage.objects.exists()


def test_both_importers_run_on_the_real_fixtures_right_after_setup_site(client, shared_fixtures):
    setup_site()
    out = StringIO()
    call_command("import_betagouv", str(shared_fixtures / "betagouv"), "--publish", stdout=out)
    assert "rejetés : 0" in out.getvalue()
    guides = shared_fixtures / "guides" / "doc.incubateur.net-startups"
    call_command("import_gitbook", str(guides), "--publish", stdout=out)
    home = HomePage.objects.get()
    assert StartupPage.objects.live().child_of(StartupIndexPage.objects.get()).count() > 100
    assert IncubatorPage.objects.live().child_of(IncubatorIndexPage.objects.get()).exists()
    assert GuidePage.objects.live().descendant_of(GuideIndexPage.objects.get()).count() > 20
    assert Phase.objects.filter(slug="construction").exists()
    # Only the importers' pages: still no demo page (no resource, role, path or content page).
    for model in (ResourcePage, RolePage, OnboardingPathPage, ContentPage, ContactDirectoryPage):
        assert not model.objects.exists(), model.__name__
    startup = StartupPage.objects.live().first()
    assert client.get(startup.url).status_code == 200
    assert client.get(home.url).status_code == 200
