"""Role pages: one per role term, listing its related guides and resources, its members and its paths."""

from wagtail.models import Page

import pytest

from community.onboarding.models import (
    ContactDirectoryPage,
    OnboardingPathPage,
    RolePage,
    RoleRelatedPage,
)
from community.onboarding.models import roles as roles_module
from core.taxonomy.models import Role
from tests.community.members.factories import MemberFactory
from tests.community.onboarding.factories import (
    ContactDirectoryPageFactory,
    OnboardingIndexPageFactory,
    RoleIndexPageFactory,
    RolePageFactory,
    make_path,
)
from tests.core.taxonomy.factories import RoleFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def role_index(home):
    return RoleIndexPageFactory(parent=home)


def add_member(name, *roles):
    member = MemberFactory(full_name=name)
    member.roles.set(roles)
    member.save()
    return member


def test_role_page_lists_chosen_pages_members_and_paths(client, home, role_index):
    coach = RoleFactory(slug="coach", name="Coach")
    designer = RoleFactory(slug="designer", name="Designer UX")
    page = RolePageFactory(parent=role_index, title="Coach", slug="coach", role=coach)
    guide = ContentPageFactory(parent=home, title="Préparer un comité")
    draft = ContentPageFactory(parent=home, title="Brouillon caché", live=False)
    page.related_links = [RoleRelatedPage(linked_page=guide), RoleRelatedPage(linked_page=draft)]
    page.save_revision().publish()
    add_member("Alice Coach", coach)
    add_member("Bruno Designer", designer)
    path = make_path(OnboardingIndexPageFactory(parent=home), "Arrivée des coachs", roles=[coach])

    html = client.get("/roles/coach/").content.decode()

    assert "Préparer un comité" in html
    assert "Brouillon caché" not in html
    assert "Alice Coach" in html
    assert "Bruno Designer" not in html
    assert path.title in html


def test_role_page_empty_lists_say_so(client, role_index):
    RolePageFactory(parent=role_index, slug="expert", role=RoleFactory(slug="expert"))
    html = client.get("/roles/expert/").content.decode()
    assert "Aucun guide ni aucune ressource" in html
    assert "Aucun membre n’a encore indiqué ce rôle." in html


def test_any_page_type_with_roles_is_listed_like_guides_and_resources(client, home, role_index, monkeypatch):
    """Guides and resources are tagged with roles; any page model with `roles` is listed the same way."""
    role = RoleFactory(slug="developpeur")
    page = RolePageFactory(parent=role_index, slug="developpeur", role=role)
    tagged = make_path(OnboardingIndexPageFactory(parent=home), "Page étiquetée", roles=[role])
    page.related_links = [RoleRelatedPage(linked_page=tagged)]
    page.save_revision().publish()
    monkeypatch.setattr(roles_module, "ROLE_TAGGED_MODELS", [OnboardingPathPage])
    related = page.related_pages()
    assert [p.pk for p in related] == [tagged.pk]  # chosen and tagged: listed once
    page.related_links = []
    page.save_revision().publish()
    assert [p.pk for p in RolePage.objects.get(pk=page.pk).related_pages()] == [tagged.pk]


def test_tagged_pages_are_empty_while_no_guide_or_resource_carries_the_role(role_index):
    page = RolePageFactory(parent=role_index, slug="coach", role=RoleFactory(slug="coach"))
    assert roles_module.pages_tagged_with_role(page.role) == []


def test_role_page_query_count_does_not_grow_with_members(client, role_index, django_assert_max_num_queries):
    role = RoleFactory(slug="designer")
    RolePageFactory(parent=role_index, slug="designer", role=role)
    add_member("Premier membre", role)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get("/roles/designer/").status_code == 200
    for n in range(10):
        add_member(f"Membre {n}", role)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get("/roles/designer/").status_code == 200


def test_role_index_lists_roles_in_taxonomy_order(client, role_index):
    RolePageFactory(parent=role_index, title="Zeta", slug="zeta", role=RoleFactory(slug="z", order=1))
    RolePageFactory(parent=role_index, title="Alpha", slug="alpha", role=RoleFactory(slug="a", order=2))
    html = client.get("/roles/").content.decode()
    assert html.index("Zeta") < html.index("Alpha")


def test_role_page_is_found_by_site_search(client, role_index):
    RolePageFactory(
        parent=role_index, slug="juriste", title="Juriste", intro="Le droit des données publiques."
    )
    html = client.get("/recherche/", {"q": "juriste"}).content.decode()
    assert "/roles/juriste/" in html


def test_every_demo_role_has_a_page_listing_its_members_and_pages(client, demo_site):
    roles = list(Role.objects.all())
    assert {r.slug for r in roles} >= {
        "intrapreneur",
        "coach",
        "designer",
        "developpeur",
        "utilisateur",
        "expert",
    }
    for role in roles:
        add_member(f"Membre {role.slug}", role)
    for role in roles:
        page = RolePage.objects.get(role=role)
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert f"Membre {role.slug}" in html
        assert "Guides et ressources pour ce rôle" in html
        for chosen in page.chosen_pages():
            assert chosen.title in html
    intrapreneur = client.get("/roles/intrapreneur/").content.decode()
    assert "Ses responsabilités, phase par phase" in intrapreneur
    assert "Investigation" in intrapreneur
    assert "Parcours d&#x27;arrivée des intrapreneur·es" in intrapreneur


def test_demo_paths_and_contact_page_exist(demo_site):
    slugs = set(OnboardingPathPage.objects.live().values_list("slug", flat=True))
    assert {"intrapreneur", "developpeur"} <= slugs
    for path in OnboardingPathPage.objects.filter(kind="arrivee"):
        assert {s.moment for s in path.steps.all()} == {"jour", "semaine", "mois"}
    departures = OnboardingPathPage.objects.live().filter(kind="depart")
    slugs = set(departures.values_list("slug", flat=True))
    assert {"partir-bien-intrapreneur", "partir-bien-equipe"} <= slugs
    for path in departures:
        assert {s.moment for s in path.steps.all()} == {"j-30", "derniere-semaine", "dernier-jour", "apres"}
    assert ContactDirectoryPage.objects.live().filter(slug="qui-contacter").exists()
    assert Page.objects.type(RolePage).count() == Role.objects.count()


def test_deleting_a_role_keeps_its_page_without_error(client, admin_client, role_index):
    role = RoleFactory(slug="juriste")
    page = RolePageFactory(parent=role_index, slug="juriste", role=role)
    add_member("Membre sans rôle", RoleFactory(slug="autre"))
    MemberFactory(full_name="Membre vide")
    response = admin_client.post(f"/admin/snippets/taxonomy/role/delete/{role.pk}/")
    assert response.status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()
    page.refresh_from_db()
    assert page.role is None
    html = client.get("/roles/juriste/").content.decode()
    assert "Membre vide" not in html and "Aucun membre n’a encore indiqué ce rôle." in html


def test_editors_open_every_new_page_type_in_the_admin(admin_client, home, role_index):
    RolePageFactory(parent=role_index, slug="coach", role=RoleFactory(slug="coach"))
    make_path(OnboardingIndexPageFactory(parent=home), "Arrivée des coachs", steps=[("jour", "Accès", True)])
    ContactDirectoryPageFactory(parent=home)
    for model in (RolePage, OnboardingPathPage, ContactDirectoryPage):
        page = model.objects.first()
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, model
        parent = page.get_parent()
        label = model._meta.label_lower.replace(".", "/")
        assert admin_client.get(f"/admin/pages/add/{label}/{parent.pk}/").status_code == 200, model
    assert admin_client.get("/admin/parcours-suivi/").status_code == 200
