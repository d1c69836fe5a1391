"""Two sites on two hostnames: the network's and an incubator's, with its own home page, identity and
navigation over the shared method, resources and startups; search and the directory narrowed to the
incubator by default and widened by « Tout le réseau »; no draft or private page through either."""

from io import StringIO

from django.core.management import CommandError, call_command

from wagtail.models import PageViewRestriction, Site

import pytest

from home.models import ContentPage, IncubatorHomePage
from tests.community.startups.factories import incubator, startup
from tests.core.factories import published_child
from tests.home.factories import ContentPageFactory, make_guide, make_sections

pytestmark = pytest.mark.django_db

NETWORK_HOST, INCUBATOR_HOST = "localhost", "fabrique-mi.test"


@pytest.fixture
def network(home, settings):
    settings.ALLOWED_HOSTS = [NETWORK_HOST, INCUBATOR_HOST]
    sections = make_sections(home)
    mi = incubator(home, "fabrique-mi", title="Fabrique du MI")
    other = incubator(home, "dinum", title="Incubateur de la DINUM")
    startup(home, "Guichet MI", incubator=mi, mission="Signaler un souci de consommation.")
    startup(home, "Guichet DINUM", incubator=other, mission="Signaler une entreprise.")
    guide = make_guide(sections, title="Ouvrir un guichet")
    guide.save_revision().publish()
    return {"sections": sections, "mi": mi, "other": other, "guide": guide}


def create_site(**options):
    out = StringIO()
    call_command(
        "create_incubator_site",
        "--incubator",
        "fabrique-mi",
        "--hostname",
        INCUBATOR_HOST,
        stdout=out,
        **options,
    )
    return out.getvalue()


@pytest.fixture
def mi_site(network):
    create_site()
    return Site.objects.get(hostname=INCUBATOR_HOST)


def get(client, path, host, **params):
    return client.get(path, params, HTTP_HOST=host)


def test_each_hostname_serves_its_own_home_identity_and_navigation(client, mi_site, network):
    own = published_child(
        mi_site.root_page, ContentPage(title="Notre équipe", slug="equipe", show_in_menus=True, intro="Qui.")
    )
    network_home = get(client, "/", NETWORK_HOST).content.decode()
    mi_home = get(client, "/", INCUBATOR_HOST).content.decode()

    assert "Bienvenue sur Fabrique" in network_home and "Bienvenue sur Fabrique" not in mi_home
    assert 'class="fr-header__service-title">Fabrique du MI<' in mi_home
    assert "Fabrique du MI" not in network_home.split("</header>")[0]
    # The incubator's menu: its own page, then the network's sections on its own hostname.
    assert 'href="/equipe/"' in mi_home and 'href="/guides/"' in mi_home
    assert "Notre équipe" not in network_home
    # Its home page shows its startups, not the others'.
    assert "Guichet MI" in mi_home and "Guichet DINUM" not in mi_home
    assert get(client, "/equipe/", INCUBATOR_HOST).status_code == 200
    assert get(client, "/equipe/", NETWORK_HOST).status_code == 404
    assert own.get_url() == f"http://{INCUBATOR_HOST}/equipe/"


def test_shared_content_is_served_on_the_incubator_hostname(client, mi_site, network):
    response = get(client, "/guides/ouvrir-un-guichet/", INCUBATOR_HOST)
    assert response.status_code == 200
    assert "Ouvrir un guichet" in response.content.decode()
    assert 'class="fr-header__service-title">Fabrique du MI<' in response.content.decode()
    assert get(client, "/guides/absent/", INCUBATOR_HOST).status_code == 404


def test_the_startup_directory_narrows_to_the_incubator_and_widens_in_one_click(client, mi_site, network):
    page = get(client, "/startups/", INCUBATOR_HOST).content.decode()
    assert "Guichet MI" in page and "Guichet DINUM" not in page
    assert "Les startups de l’incubateur Fabrique du MI" in page
    assert 'href="?reseau=1">Tout le réseau</a>' in page

    widened = get(client, "/startups/", INCUBATOR_HOST, reseau="1").content.decode()
    assert "Guichet MI" in widened and "Guichet DINUM" in widened
    assert "Seulement Fabrique du MI" in widened

    network_page = get(client, "/startups/", NETWORK_HOST).content.decode()
    assert "Guichet DINUM" in network_page and "Tout le réseau</a>" not in network_page


def test_search_narrows_to_the_incubator_and_the_link_keeps_the_query(client, mi_site, network):
    # Results are links (titles come highlighted): the startups' addresses tell which ones are shown.
    mine, theirs, guide = "/startups/guichet-mi/", "/startups/guichet-dinum/", "/guides/ouvrir-un-guichet/"
    page = get(client, "/recherche/", INCUBATOR_HOST, q="guichet").content.decode()
    assert mine in page and theirs not in page
    assert guide in page  # shared guides stay
    assert 'href="?q=guichet&amp;reseau=1">Tout le réseau</a>' in page

    widened = get(client, "/recherche/", INCUBATOR_HOST, q="guichet", reseau="1").content.decode()
    assert mine in widened and theirs in widened
    assert 'name="reseau" value="1"' in widened  # a new query keeps the wide scope
    network_page = get(client, "/recherche/", NETWORK_HOST, q="guichet").content.decode()
    assert mine in network_page and theirs in network_page and "Tout le réseau</a>" not in network_page


def test_drafts_and_private_pages_never_leak_through_the_incubator_site(client, mi_site, network):
    draft = ContentPageFactory(
        parent=network["sections"]["guides"], title="Brouillon secret", slug="brouillon", live=False
    )
    private = make_guide(network["sections"], title="Guide réservé", slug="reserve")
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    own_draft = ContentPageFactory(
        parent=mi_site.root_page, title="Projet interne", slug="interne", live=False
    )

    for host in (INCUBATOR_HOST, NETWORK_HOST):
        assert get(client, "/guides/brouillon/", host).status_code == 404
        assert get(client, "/guides/reserve/", host).status_code == 302  # to the login page
        assert get(client, "/interne/", host).status_code == 404
        home = get(client, "/", host).content.decode()
        results = get(client, "/recherche/", host, q="secret réservé interne", reseau="1").content.decode()
        for title in (draft.title, private.title, own_draft.title):
            assert title not in home and title not in results


def test_the_command_is_idempotent_and_explains_its_errors(network):
    first = create_site()
    second = create_site()
    assert "Site créé" in first and "Site créé" not in second
    assert IncubatorHomePage.objects.count() == 1
    assert Site.objects.filter(hostname=INCUBATOR_HOST).count() == 1
    assert Site.objects.get(is_default_site=True).hostname == NETWORK_HOST

    with pytest.raises(CommandError, match="Aucun incubateur « inconnu »"):
        call_command("create_incubator_site", "--incubator", "inconnu", "--hostname", "x.test")
    with pytest.raises(CommandError, match="sert déjà un autre site"):
        call_command("create_incubator_site", "--incubator", "dinum", "--hostname", NETWORK_HOST)
    assert IncubatorHomePage.objects.count() == 1
