"""Group names, threads and messages reach, on every surface, only those who may read their group.

Three groups (public, members-only, private), each with a thread, a visible message and a hidden
one; five roles (anonymous, member of the network, group member, coordinator, site moderator).
Surfaces: site search and its suggestions, the RSS/Atom feeds, the open-data API (Wagtail v2 and the
beta.gouv.fr-compatible one), the sitemap, a member's profile, the members' weekly digest and the
discussions' daily digest. A hidden message reaches nobody, whoever asks.
"""

import datetime
import io
import json
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page

import pytest

from community.discussions import moderation, posting
from community.discussions.models import Frequency, GroupNotification
from community.groups.models import GroupVisibility, SharedResource
from community.members.models import EmailPreferences
from tests.community.discussions.factories import join, make_group, make_person, make_thread
from tests.core.taxonomy.factories import RoleFactory
from tests.resources.library.factories import ResourcePageFactory

pytestmark = pytest.mark.django_db

VISIBILITIES = [GroupVisibility.PUBLIC, GroupVisibility.MEMBERS, GroupVisibility.PRIVATE]
ROLES = ["anonyme", "membre", "membre_du_groupe", "coordination", "moderation"]
READABLE = {
    "anonyme": {GroupVisibility.PUBLIC},
    "membre": {GroupVisibility.PUBLIC, GroupVisibility.MEMBERS},
    "membre_du_groupe": set(VISIBILITIES),
    "coordination": set(VISIBILITIES),
    "moderation": set(VISIBILITIES),
}
HIDDEN_WORD = "Ornithorynquemasque"


def markers(visibility) -> dict[str, str]:
    """Words that only this group's readers may ever see (each unique on the whole site)."""
    return {
        "group": f"Cercle Zorglub {visibility}",
        "thread": f"Fil zorglub {visibility}",
        "message": f"Réponse quokka{visibility}",
    }


@pytest.fixture
def world(sections, home):
    designer = RoleFactory(slug="designer", name="Designer")
    author = make_person("autrice", "ada.autrice")
    people = {
        "anonyme": None,
        "membre": make_person("visiteuse"),
        "membre_du_groupe": make_person("adherente"),
        "coordination": make_person("coordinatrice"),
        "moderation": make_person("moderatrice", groups=["Modérateurs"]),
    }
    resource = ResourcePageFactory(
        parent=sections["ressources"], title="Kit partagé", taxonomies={"roles": [designer]}
    )
    for visibility in VISIBILITIES:
        words = markers(visibility)
        group = make_group(f"cercle-{visibility}", visibility=visibility, name=words["group"])
        join(group, author)
        join(group, people["membre_du_groupe"])
        join(group, people["coordination"], coordinator=True)
        thread = make_thread(group, author, title=words["thread"], body="Première question.")
        posting.reply(thread, author, body=words["message"])
        hidden = posting.reply(thread, author, body=f"{HIDDEN_WORD} {visibility} zorglub")
        moderation.set_hidden(hidden, people["coordination"], hidden=True, reason="Hors sujet")
        SharedResource.objects.create(group=group, page=resource)
    for user in people.values():
        if user is not None:
            user.member.roles.set([designer])
            user.member.save()  # a ParentalManyToManyField: saved with its member
            EmailPreferences.objects.create(user=user, member_digest=True)
            for group in author.group_memberships.values_list("group", flat=True):
                GroupNotification.objects.create(user=user, group_id=group, frequency=Frequency.DAILY)
    return {"people": people, "author": author, "sections": sections, "resource": resource}


def as_role(client, world, role):
    client.logout()
    if role != "anonyme":
        client.force_login(world["people"][role])


def assert_only_readable(text, role, surface, *, present=()):
    """No word of a group `role` may not read, no hidden message; `present`: kinds that must show."""
    assert HIDDEN_WORD.lower() not in text.lower(), (role, surface)
    for visibility in VISIBILITIES:
        for kind, word in markers(visibility).items():
            if visibility in READABLE[role]:
                if kind in present:
                    assert word in text, (role, surface, word)
            else:
                assert word not in text, (role, surface, word)


@pytest.mark.parametrize("role", ROLES)
def test_search_and_suggestions_show_only_readable_threads(client, world, role):
    as_role(client, world, role)
    page = client.get("/recherche/", {"q": "zorglub"}).content.decode()
    assert_only_readable(page, role, "recherche", present={"thread"})
    page = client.get("/recherche/", {"q": "quokka"}).content.decode()
    assert_only_readable(page, role, "recherche (messages)", present={"thread"})
    hidden_only = client.get("/recherche/", {"q": HIDDEN_WORD}).content.decode()
    assert "Fil zorglub" not in hidden_only
    response = client.get("/recherche/suggestions/", {"q": "zorglub"})
    suggestions = json.loads(response.content)["suggestions"]
    titles = "\n".join(item["title"] for item in suggestions)
    assert_only_readable(titles, role, "suggestions", present={"thread"})
    assert all(item["url"].startswith("/groupes/cercle-") for item in suggestions)
    assert response["Cache-Control"] == "private, max-age=60"
    for word in ("quokka", HIDDEN_WORD):  # a message, hidden or not, never suggests its thread
        assert json.loads(client.get("/recherche/suggestions/", {"q": word}).content)["suggestions"] == []


@pytest.mark.parametrize("role", ROLES)
def test_feeds_api_sitemap_and_profiles_carry_nothing_of_unreadable_groups(client, world, role):
    as_role(client, world, role)
    sections = world["sections"]
    resource = world["resource"]
    surfaces = [
        sections["ressources"].url + "flux/",
        sections["ressources"].url + "flux/atom/",
        sections["guides"].url + "flux/",
        sections["guides"].url + "flux/atom/",
        "/api/v2/pages/?search=zorglub",
        "/api/v2/pages/?type=library.ResourcePage&fields=*",
        f"/api/v2/pages/{resource.pk}/",
        "/api/betagouv/v2.7/authors.json",
        "/api/betagouv/v2.7/startups_details.json",
        "/api/betagouv/v2.7/incubators.json",
        "/sitemap.xml",
        f"/membres/{world['author'].member.slug}/",
    ]
    for url in surfaces:
        response = client.get(url)
        assert response.status_code == 200, url
        assert_only_readable(response.content.decode(), role, url)
    # The resource page lists the groups it is shared in: only those the reader may read.
    assert_only_readable(client.get(resource.url).content.decode(), role, "ressource", present={"group"})


MONDAY_9AM = datetime.datetime(2030, 12, 2, 9, 0, tzinfo=ZoneInfo("Europe/Paris"))


def test_the_members_weekly_digest_carries_nothing_of_the_groups(world, django_capture_on_commit_callbacks):
    Page.objects.filter(pk=world["resource"].pk).update(first_published_at=MONDAY_9AM - datetime.timedelta(3))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", "--now", MONDAY_9AM.isoformat(), "--no-publish", stdout=io.StringIO())
    digests = {message.to[0]: message for message in mail.outbox if "nouveautés" in message.subject}
    for role in ROLES[1:]:
        message = digests[world["people"][role].email]
        assert "Kit partagé" in message.body
        assert_only_readable(message.subject + message.body, "anonyme", "résumé hebdomadaire")


def test_the_daily_digest_reaches_only_readers(world, django_capture_on_commit_callbacks):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_discussion_digests", stdout=io.StringIO())
    for role in ROLES[1:]:
        email = world["people"][role].email
        received = "\n".join(m.subject + m.body for m in mail.outbox if m.to == [email])
        assert_only_readable(received, role, "résumé quotidien", present={"group", "message"})


@override_settings(FABRIQUE_PAGE_CACHE=True)
def test_a_group_made_private_leaves_the_anonymous_page_cache(client, world):
    public = world["author"].group_memberships.get(group__visibility=GroupVisibility.PUBLIC).group
    for url in ("/groupes/", public.get_absolute_url(), "/recherche/?q=zorglub"):
        assert markers(GroupVisibility.PUBLIC)["group"] in client.get(url).content.decode(), url
    public.visibility = GroupVisibility.PRIVATE
    public.save()
    assert client.get(public.get_absolute_url()).status_code == 404
    for url in ("/groupes/", "/recherche/?q=zorglub"):
        assert markers(GroupVisibility.PUBLIC)["group"] not in client.get(url).content.decode(), url
