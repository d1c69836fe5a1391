"""The « règle des 10 % »: members who contributed in 12 months, and each member's contributions."""

import datetime
import html
import re

from django.utils import timezone

import pytest

from community.feedback.models import PageFeedback
from community.groups.models import GroupVisibility
from community.health.contributions import group_messages
from resources.guides.models import CorrectionProposal
from tests.community.discussions.factories import join, make_group, make_thread
from tests.community.members.factories import make_fiche, make_user
from tests.home.factories import ContentPageFactory
from tests.resources.guides.factories import GuideIndexPageFactory, GuidePageFactory
from tests.resources.library.factories import ResourceIndexPageFactory, ResourcePageFactory

pytestmark = pytest.mark.django_db


def text_of(response):
    return html.unescape(response.content.decode())


@pytest.fixture
def library(home):
    return ResourceIndexPageFactory(parent=home)


def test_share_of_members_who_contributed_in_twelve_months(client, figures_page, library, home, settings):
    # Figures follow bookkeeping rows, which do not empty the anonymous page cache: they refresh with
    # its timeout (as the satisfaction rate does). Here each view is computed afresh.
    settings.FABRIQUE_PAGE_CACHE = False
    members = [make_user(f"membre{n}").member for n in range(10)]
    now = timezone.now()
    ResourcePageFactory(
        parent=library, contributor=members[0], first_published_at=now - datetime.timedelta(days=30)
    )
    ResourcePageFactory(
        parent=library, contributor=members[0], first_published_at=now - datetime.timedelta(days=60)
    )
    ResourcePageFactory(
        parent=library, contributor=members[1], first_published_at=now - datetime.timedelta(days=400)
    )
    ResourcePageFactory(
        parent=library, contributor=make_fiche("sans.compte", "Sans Compte"), first_published_at=now
    )
    guide = GuidePageFactory(parent=GuideIndexPageFactory(parent=home))
    old = CorrectionProposal.objects.create(page=guide, author=members[2].user, text="Une coquille.")
    CorrectionProposal.objects.filter(pk=old.pk).update(created_at=now - datetime.timedelta(days=500))
    share = re.search(r'id="contributeurs">(.*?)</p>', text_of(client.get(figures_page.url)), re.S).group(1)
    assert "10 %" in share and "des 10 membres" in share and "(1 :" in share

    CorrectionProposal.objects.create(page=guide, author=members[2].user, text="Un lien mort.")
    share = re.search(r'id="contributeurs">(.*?)</p>', text_of(client.get(figures_page.url)), re.S).group(1)
    assert "20 %" in share


def test_contributions_are_listed_on_the_profile(client, library):
    member = make_user("camille").member
    now = timezone.now()
    ResourcePageFactory(parent=library, title="Fiche de poste", contributor=member, first_published_at=now)
    ResourcePageFactory(
        parent=library, title="En modération", contributor=member, live=False, latest_revision_created_at=now
    )
    public = text_of(client.get(f"/membres/{member.slug}/"))
    assert "Ressource : <a href=" in public and "Fiche de poste" in public
    assert "En modération" not in public
    client.force_login(member.user)
    own = text_of(client.get(f"/membres/{member.slug}/"))
    assert "En modération" in own and "(non publiée)" in own


def test_usefulness_per_page_type_against_the_target(client, figures_page, home):
    content = ContentPageFactory(parent=home)
    for useful in (True, True, True, False):
        PageFeedback.objects.create(page=content, useful=useful)
    for useful in (True, False):
        PageFeedback.objects.create(page=figures_page, useful=useful)
    response = text_of(client.get(figures_page.url))
    chart = response.split('id="utilite-type"')[1].split("</figure>")[0]
    assert re.search(r"Page de contenu</th><td>75 %</td><td>4</td>", chart)
    assert re.search(r"Page des chiffres clés</th><td>50 %</td><td>2</td>", chart)
    quarters = response.split('id="utilite-trimestres"')[1].split("</table>")[0]
    assert "50 % (sous l’objectif)" in quarters and "75 %</td>" in quarters


def test_group_messages_count_as_contributions_and_only_public_groups_show_on_the_profile(client):
    public, private = make_group("public"), make_group("prive", visibility=GroupVisibility.PRIVATE)
    author = make_user("dominique")
    join(public, author)
    join(private, author)
    make_thread(public, author, title="Question sur le comité")
    make_thread(private, author, title="Sujet confidentiel du groupe")
    hidden_author = make_user("eve")
    join(public, hidden_author)
    hidden = make_thread(public, hidden_author, title="Message masqué")
    hidden.messages.update(hidden=True)

    kinds = {(c.title, c.public) for c in group_messages(None, [author.member.pk])}
    assert kinds == {("Question sur le comité", True), ("Sujet confidentiel du groupe", False)}
    assert group_messages(None, [hidden_author.member.pk]) == []
    public_profile = text_of(client.get(f"/membres/{author.member.slug}/"))
    assert "Question sur le comité" in public_profile
    assert "Sujet confidentiel du groupe" not in public_profile
