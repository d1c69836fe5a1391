"""Anonymous page cache: served without SQL, fresh after every publication, never personal or draft."""

import re

from django.test import Client

from wagtail.models import Page, PageViewRestriction

import pytest

from community.feedback.models import PageFeedback
from home.models import SiteIdentity
from tests.community.members.factories import make_user
from tests.core.factories import with_revision
from tests.core.taxonomy.factories import PhaseFactory
from tests.home.factories import ContentPageFactory
from tests.resources.guides.factories import GuidePageFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def page(home):
    return with_revision(ContentPageFactory(parent=home, title="Page publique", slug="page-publique"))


@pytest.fixture
def guides(sections):
    return [
        with_revision(GuidePageFactory(parent=sections["guides"], title=title))
        for title in ("Recruter une équipe", "Mesurer son impact")
    ]


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_second_anonymous_visit_is_served_from_the_cache_without_sql(client, page, django_assert_num_queries):
    first = client.get(page.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(page.url)
    assert second["X-Page-Cache"] == "hit"
    assert TOKEN.sub("", second.content.decode()) == TOKEN.sub("", first.content.decode())
    assert "cookie" in second["Vary"].lower()


def test_head_is_served_from_the_cache_without_a_body(client, page):
    length = len(client.get(page.url).content)
    response = client.head(page.url)
    assert response["X-Page-Cache"] == "hit" and response.content == b""
    assert int(response["Content-Length"]) == length


def test_query_strings_are_cached_apart(client, home):
    html_of(client, "/?a=1")
    assert client.get("/?a=2")["X-Page-Cache"] == "miss"
    assert client.get("/?a=1")["X-Page-Cache"] == "hit"


def test_publishing_a_new_revision_shows_at_the_next_anonymous_visit(client, page):
    assert "Page publique" in html_of(client, page.url)
    page.title = "Titre révisé"
    page.intro = "Introduction révisée."
    page.save_revision().publish()
    html = html_of(client, page.url)
    assert "Titre révisé" in html and "Introduction révisée." in html


def test_an_unpublished_draft_is_never_served_to_anonymous(client, page):
    html_of(client, page.url)
    page.title = "Brouillon secret"
    page.save_revision()  # saved, not published
    assert "Brouillon secret" not in html_of(client, page.url)
    draft_only = ContentPageFactory(parent=page.get_parent(), slug="jamais-publiee", live=False)
    assert client.get(draft_only.url_path.replace("/accueil-test", "", 1)).status_code == 404


def test_admin_preview_of_a_draft_never_reaches_the_public_cache(client, page):
    page.body = [("paragraph", "<p>Corps publié</p>")]
    page.save_revision().publish()
    page.body = [("paragraph", "<p>Corps du brouillon</p>")]
    page.save_revision()
    editor = Client()
    editor.force_login(make_user("admin-apercu", ["Administrateurs"], is_superuser=True))
    preview = editor.get(f"/admin/pages/{page.pk}/view_draft/")
    assert "Corps du brouillon" in preview.content.decode()
    html = html_of(client, page.url)
    assert "Corps publié" in html and "Corps du brouillon" not in html
    assert "Corps du brouillon" not in html_of(client, page.url)


def test_logged_in_editor_always_gets_a_fresh_private_page(client, page):
    html_of(client, page.url)  # cached for anonymous
    Page.objects.filter(pk=page.pk).update(title="Changé sans signal")  # no invalidation on purpose
    assert "Changé sans signal" not in html_of(client, page.url)  # anonymous: the cached copy
    editor = Client()
    editor.force_login(make_user("coach-frais", ["Coachs"]))
    response = editor.get(page.url)
    assert "Changé sans signal" in response.content.decode()
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]


def test_pages_made_for_a_logged_in_person_never_reach_anonymous(client, page):
    member = Client()
    member.force_login(make_user("membre-connecte"))
    assert "Se déconnecter" in html_of(member, page.url)
    assert "Se déconnecter" not in html_of(client, page.url)
    assert "Se déconnecter" not in html_of(client, page.url)
    assert "Se déconnecter" in html_of(member, page.url)


def test_children_published_unpublished_moved_deleted_update_index_and_home(client, home, sections, guides):
    index_url = sections["guides"].url
    assert "Recruter une équipe" in html_of(client, index_url)
    assert "Recruter une équipe" in html_of(client, "/")

    new = GuidePageFactory(parent=sections["guides"], title="Nouveau guide", live=False)
    new.save_revision().publish()
    assert "Nouveau guide" in html_of(client, index_url) and "Nouveau guide" in html_of(client, "/")

    new.refresh_from_db()
    new.unpublish()
    assert "Nouveau guide" not in html_of(client, index_url)
    assert "Nouveau guide" not in html_of(client, "/")

    old_url = guides[0].url
    assert "Recruter une équipe" in html_of(client, old_url)
    guides[0].move(guides[1], pos="last-child")
    new_url = Page.objects.get(pk=guides[0].pk).url
    assert client.get(old_url).url == new_url  # Wagtail's redirect, not the cached copy
    assert "Recruter une équipe" in html_of(client, new_url)
    assert "Recruter une équipe" not in html_of(client, index_url)

    Page.objects.get(pk=guides[1].pk).delete()
    assert client.get(guides[1].url).status_code == 404
    assert "Mesurer son impact" not in html_of(client, index_url)
    assert "Mesurer son impact" not in html_of(client, "/")


def test_menu_follows_the_page_tree(client, page, sections):
    assert "Nouvelle rubrique" not in html_of(client, page.url)
    other = ContentPageFactory(parent=page.get_parent(), title="Nouvelle rubrique", show_in_menus=True)
    other.save_revision().publish()
    navigation = html_of(client, page.url).split('id="navigation-principale"')[1].split("</nav>")[0]
    assert ">Nouvelle rubrique</a>" in navigation


def test_snippet_and_site_identity_changes_show_everywhere(client, guides):
    phase = PhaseFactory(name="Investigation")
    guide = guides[0]
    guide.phases.add(phase)
    guide.save_revision().publish()
    assert "Phase : Investigation" in html_of(client, guide.url)

    phase.name = "Construction"
    phase.save()
    html = html_of(client, guide.url)
    assert "Phase : Construction" in html and "Phase : Investigation" not in html

    identity = SiteIdentity.load()
    identity.service_title = "Fabrique des communs"
    identity.footer_text = "Nouveau pied de page."
    identity.save()
    html = html_of(client, guide.url)
    assert "Fabrique des communs" in html and "Nouveau pied de page." in html


@pytest.fixture
def visitors():
    return Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)


def test_cached_page_forms_get_a_fresh_token_per_visitor(page, visitors):
    first, second = visitors
    html_of(first, page.url)  # stores the page
    response = second.get(page.url)
    assert response["X-Page-Cache"] == "hit"
    token = TOKEN.search(response.content.decode())[1]
    assert "placeholder" not in token
    assert "csrftoken" in response.cookies
    other = first.get(page.url)
    assert TOKEN.search(other.content.decode())[1] != token
    posted = second.post("/avis/", {"page": page.pk, "useful": "oui", "csrfmiddlewaretoken": token})
    assert posted.status_code == 302
    assert PageFeedback.objects.get().useful is True
    forged = first.post("/avis/", {"page": page.pk, "useful": "non", "csrfmiddlewaretoken": token})
    assert forged.status_code == 403
    assert PageFeedback.objects.count() == 1


def test_restricted_page_is_never_cached_for_the_public(client, page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    member = Client()
    member.force_login(make_user("membre-prive"))
    assert "Page publique" in html_of(member, page.url)
    for _ in range(2):
        response = client.get(page.url)
        assert response.status_code == 302
        assert "X-Page-Cache" not in response


def test_cache_can_be_switched_off(client, page, settings):
    settings.FABRIQUE_PAGE_CACHE = False
    client.get(page.url)
    assert "X-Page-Cache" not in client.get(page.url)
