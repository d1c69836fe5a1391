"""Search and suggestions never show drafts, moderated or restricted pages to whom may not see them."""

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

import pytest

from tests.community.members.factories import UserFactory
from tests.resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory

# On both search paths: our PostgreSQL backend and the generic one (conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("search_path")]

SECRET = "Zanzibar"


@pytest.fixture
def pages(home):
    index = ResourceIndexPageFactory(parent=home)
    public = ResourcePageFactory(parent=index, title=f"{SECRET} public", slug="public")
    draft = ResourcePageFactory(parent=index, title=f"{SECRET} brouillon", slug="brouillon", live=False)
    members_only = ResourcePageFactory(parent=index, title=f"{SECRET} réservé aux membres", slug="membres")
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    coaches_only = ResourcePageFactory(parent=index, title=f"{SECRET} réservé aux coachs", slug="coachs")
    restriction = PageViewRestriction.objects.create(
        page=coaches_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Coachs")])
    password = ResourcePageFactory(parent=index, title=f"{SECRET} protégé", slug="mot-de-passe")
    PageViewRestriction.objects.create(
        page=password, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    # A contribution awaiting moderation: never published, submitted to the default workflow.
    author = UserFactory(groups=["Membres"])
    moderated = ResourcePageFactory(
        parent=index, title=f"{SECRET} en modération", slug="moderation", live=False
    )
    moderated.save_revision(user=author)
    moderated.get_workflow().start(moderated, author)
    assert moderated.workflow_in_progress
    # A live page whose pending change (in moderation) must not leak before it is approved.
    edited = ResourcePageFactory(parent=index, title="Page publiée", slug="publiee", intro="Texte publié.")
    edited.intro = f"Nouveau texte {SECRET} en attente de relecture."
    edited.save_revision(user=author)
    return {"public": public, "draft": draft, "moderated": moderated, "edited": edited}


def found(client, query=SECRET):
    response = client.get("/recherche/", {"q": query})
    assert response.status_code == 200
    return sorted(entry["page"].slug for entry in response.context["entries"])


def suggested(client, query="zan"):
    response = client.get("/recherche/suggestions/", {"q": query})
    assert response.status_code == 200
    return sorted(item["url"].rstrip("/").rsplit("/", 1)[-1] for item in response.json()["suggestions"])


def test_anonymous_visitor_sees_only_public_live_pages(client, pages):
    assert found(client) == ["public"]
    assert suggested(client) == ["public"]
    assert found(client, "relecture") == []


def test_member_sees_login_restricted_pages_but_not_other_groups(client, pages):
    client.force_login(UserFactory(groups=["Membres"]))
    assert found(client) == ["membres", "public"]
    assert suggested(client) == ["membres", "public"]


def test_coach_sees_the_pages_of_the_coaches_group(client, pages):
    client.force_login(UserFactory(groups=["Coachs"]))
    assert found(client) == ["coachs", "membres", "public"]
    assert suggested(client) == ["coachs", "membres", "public"]


def test_drafts_and_moderated_pages_appear_once_published(client, pages):
    revision = pages["moderated"].latest_revision
    revision.publish()
    assert found(client) == ["moderation", "public"]
    pages["moderated"].refresh_from_db()
    pages["moderated"].unpublish()
    assert found(client) == ["public"]
