"""Resources shared into groups: chosen or contributed, pinned by coordinators, never leaked."""

import pytest

from community.groups.models import SharedResource
from resources.library.models import ResourcePage
from tests.admin_helpers import workflow_action
from tests.community.groups.factories import join
from tests.resources.library.factories import (
    ContributionPageFactory,
    ResourceKindFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

TITLE = "Gabarit Quokka de comité de pilotage"


@pytest.fixture
def library(sections):
    return sections["ressources"]


def test_a_member_shares_a_live_resource_and_a_coordinator_pins_and_orders(
    client, home, library, roles, make_group
):
    group = make_group("public")
    first = ResourcePageFactory(parent=library, title="Quokka : modèle de feuille de route")
    second = ResourcePageFactory(parent=library, title="Quokka : grille d'entretien")
    ResourcePageFactory(parent=library, title="Quokka : brouillon", live=False)
    client.force_login(roles["membre_du_groupe"])
    chooser = client.get(f"/groupes/{group.slug}/ressources/partager/", {"q": "quokka"}).content.decode()
    assert first.title in chooser and "brouillon" not in chooser
    for page in (first, second):
        client.post(f"/groupes/{group.slug}/ressources/partager/", {"page": page.pk})
    assert list(group.shared_resources.values_list("page_id", flat=True).order_by("pk")) == [
        first.pk,
        second.pk,
    ]

    # A plain member may not pin.
    share = group.shared_resources.get(page=second)
    assert client.post(f"/groupes/{group.slug}/ressources/{share.pk}/epingler/").status_code == 403

    client.force_login(roles["coordination"])
    for page in (first, second):
        client.post(f"/groupes/{group.slug}/ressources/{group.shared_resources.get(page=page).pk}/epingler/")
    client.post(f"/groupes/{group.slug}/ressources/{share.pk}/monter/")
    html = client.get(group.get_absolute_url()).content.decode()
    assert html.index("grille d&#x27;entretien") < html.index("feuille de route")
    assert "Épinglée" in html


def test_a_draft_or_restricted_resource_never_shows_in_a_group(client, home, library, roles, make_group):
    group = make_group("public")
    draft = ResourcePageFactory(parent=library, title="Quokka secret", live=False)
    SharedResource.objects.create(group=group, page=draft)  # e.g. unpublished after being shared
    assert "Quokka secret" not in client.get(group.get_absolute_url()).content.decode()
    client.force_login(roles["membre_du_groupe"])
    client.post(f"/groupes/{group.slug}/ressources/partager/", {"page": draft.pk})
    assert group.shared_resources.count() == 1
    assert "Quokka secret" not in client.get(group.get_absolute_url()).content.decode()


def test_a_resource_page_lists_only_the_groups_its_reader_may_read(client, home, library, roles, make_group):
    resource = ResourcePageFactory(parent=library)
    names = {
        "public": "Groupe Quokka ouvert",
        "membres": "Groupe Quokka des membres",
        "prive": "Groupe Quokka privé",
    }
    for visibility, name in names.items():
        SharedResource.objects.create(group=make_group(visibility, name=name), page=resource)
    expected = {
        "anonyme": {"public"},
        "membre": {"public", "membres"},
        "membre_du_groupe": {"public", "membres", "prive"},
    }
    for role, visible in expected.items():
        client.logout()
        if roles[role]:
            client.force_login(roles[role])
        html = client.get(resource.url).content.decode()
        for visibility, name in names.items():
            assert (name in html) == (visibility in visible), (role, visibility)


def contribute(client, contribuer, kind, group_slug):
    data = {
        "title": TITLE,
        "intro": "Un modèle pour préparer le comité de pilotage.",
        "kind": kind.pk,
        "external_url": "https://beta.gouv.fr/",
        "groupe": group_slug,
    }
    return client.post(contribuer.url, data)


def test_a_contribution_from_a_group_goes_through_moderation_then_joins_the_group(
    client, home, library, people, roles, make_group
):
    group = make_group("membres")
    contribuer = ContributionPageFactory(parent=home)
    kind = ResourceKindFactory(slug="modele", name="Modèle")
    client.force_login(roles["membre_du_groupe"])
    share_page = client.get(f"/groupes/{group.slug}/ressources/partager/").content.decode()
    assert f'href="/contribuer/?groupe={group.slug}"' in share_page
    form = client.get(f"/contribuer/?groupe={group.slug}").content.decode()
    assert f'name="groupe" value="{group.slug}"' in form

    assert contribute(client, contribuer, kind, group.slug).status_code == 302
    page = ResourcePage.objects.get(title=TITLE)
    assert not page.live
    assert TITLE not in client.get(group.get_absolute_url()).content.decode()

    client.force_login(people["moderator"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    client.force_login(roles["membre_du_groupe"])
    assert TITLE in client.get(group.get_absolute_url()).content.decode()


def test_a_contribution_naming_a_group_its_author_is_not_in_is_not_attached(
    client, home, library, people, roles, make_group
):
    group = make_group("public")
    contribuer = ContributionPageFactory(parent=home)
    kind = ResourceKindFactory(slug="modele", name="Modèle")
    client.force_login(roles["membre"])
    contribute(client, contribuer, kind, group.slug)
    page = ResourcePage.objects.get(title=TITLE)
    client.force_login(people["moderator"])
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live
    assert not group.shared_resources.exists()
    join(group, roles["membre"])  # joining later changes nothing: the share was decided at publication
    assert not group.shared_resources.exists()
