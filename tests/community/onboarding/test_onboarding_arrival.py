"""The "J'arrive" landing: the newcomer picks a role (plain GET form) and lands on the right path."""

import pytest

from tests.community.members.factories import UserFactory
from tests.community.onboarding.factories import (
    ContactDirectoryPageFactory,
    OnboardingIndexPageFactory,
    RoleIndexPageFactory,
    RolePageFactory,
    make_path,
)
from tests.core.taxonomy.factories import RoleFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(home):
    return OnboardingIndexPageFactory(parent=home)


@pytest.fixture
def roles():
    return {
        slug: RoleFactory(slug=slug, name=name, order=order)
        for order, (slug, name) in enumerate(
            [("intrapreneur", "Intrapreneur·e"), ("developpeur", "Développeur·se"), ("coach", "Coach")]
        )
    }


def test_landing_asks_the_role_with_a_form_that_works_without_js(client, index, roles):
    html = client.get("/parcours/").content.decode()
    assert '<form method="get" action="/parcours/"' in html
    assert "Quel est votre rôle dans l’équipe ?" in html
    for role in roles.values():
        assert f'name="role" value="{role.slug}"' in html
        assert f'<label class="fr-label" for="role-{role.slug}">{role.name}' in html


def test_choosing_a_role_with_one_path_leads_to_it(client, index, roles):
    make_path(index, "Arrivée des intrapreneurs", roles=[roles["intrapreneur"]])
    developers = make_path(index, "Arrivée des développeurs", roles=[roles["developpeur"]])
    response = client.get("/parcours/", {"role": "developpeur"})
    assert response.status_code == 302
    assert response["Location"] == developers.url


def test_a_path_serving_several_roles_is_reached_from_each(client, index, roles):
    shared = make_path(index, "Arrivée de l'équipe produit", roles=[roles["intrapreneur"], roles["coach"]])
    for slug in ("intrapreneur", "coach"):
        assert client.get("/parcours/", {"role": slug})["Location"] == shared.url


def test_several_paths_for_a_role_are_listed_to_choose_from(client, index, roles):
    make_path(index, "Développeur en incubateur ministériel", roles=[roles["developpeur"]])
    make_path(index, "Développeur en collectivité", roles=[roles["developpeur"]])
    response = client.get("/parcours/", {"role": "developpeur"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Plusieurs parcours vous concernent" in html
    assert "Développeur en incubateur ministériel" in html and "Développeur en collectivité" in html
    assert 'id="role-developpeur" name="role" value="developpeur" checked' in html.replace(
        'type="radio" ', ""
    )


def test_role_without_path_points_to_the_role_page(client, home, index, roles):
    make_path(index, "Arrivée des intrapreneurs", roles=[roles["intrapreneur"]])
    RolePageFactory(parent=RoleIndexPageFactory(parent=home), slug="coach", role=roles["coach"])
    html = client.get("/parcours/", {"role": "coach"}).content.decode()
    assert "Pas encore de parcours pour ce rôle" in html
    assert 'href="/roles/coach/"' in html
    assert "Arrivée des intrapreneurs" in html  # the full list stays below


@pytest.mark.parametrize("value", ["inconnu", "<script>", "x" * 500])
def test_unknown_role_gets_a_french_message_not_an_error(client, index, roles, value):
    response = client.get("/parcours/", {"role": value})
    assert response.status_code == 200
    assert "Ce rôle n&#x27;existe pas : choisissez-en un dans la liste." in response.content.decode()


def test_draft_paths_are_not_offered(client, index, roles):
    path = make_path(index, "Brouillon", roles=[roles["coach"]])
    path.unpublish()
    response = client.get("/parcours/", {"role": "coach"})
    assert response.status_code == 200
    assert "Pas encore de parcours pour ce rôle" in response.content.decode()


def test_incubator_choice_is_hidden_until_incubators_exist(client, index, roles):
    html = client.get("/parcours/").content.decode()
    assert 'name="incubateur"' not in html


def test_landing_links_to_my_paths_and_contacts(client, home, index, roles):
    ContactDirectoryPageFactory(parent=home)
    assert "/parcours/mes-parcours/" not in client.get("/parcours/").content.decode()
    client.force_login(UserFactory())
    html = client.get("/parcours/").content.decode()
    assert 'href="/parcours/mes-parcours/"' in html
    assert 'href="/qui-contacter/"' in html


def test_home_entry_point_leads_to_the_landing_and_demo_roles_to_their_paths(client, demo_site):
    home_html = client.get("/").content.decode()
    assert 'href="/parcours/"' in home_html
    assert client.get("/parcours/", {"role": "intrapreneur"})["Location"] == "/parcours/intrapreneur/"
    assert client.get("/parcours/", {"role": "developpeur"})["Location"] == "/parcours/developpeur/"
