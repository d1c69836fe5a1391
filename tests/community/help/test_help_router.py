"""« Vers qui me tourner ? »: a situation routed to readable guides, the reader's incubator contact
(else the network's), the channel, people who lived it, and the anonymous « ça m'a aidé »."""

import datetime
import html as html_text

from wagtail.models import PageViewRestriction

import pytest

from community.help.figures import resolved_problems
from community.help.models import HelpOutcome, LivedExperience
from community.members.models import Mission
from tests.community.help.factories import HelpSituationFactory, add_contact, add_page
from tests.community.members.factories import make_user
from tests.community.startups.factories import incubator, startup
from tests.resources.guides.factories import GuidePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def situation(sections):
    situation = HelpSituationFactory(title="Préparer un comité", slug="preparer-comite")
    guides = sections["guides"]
    public = GuidePageFactory(parent=guides, title="Guide public du comité", slug="guide-comite")
    draft = GuidePageFactory(parent=guides, title="Brouillon du comité", slug="brouillon-comite", live=False)
    members_only = GuidePageFactory(parent=guides, title="Guide réservé aux membres", slug="reserve")
    PageViewRestriction.objects.create(page=members_only, restriction_type=PageViewRestriction.LOGIN)
    for position, page in enumerate([public, draft, members_only]):
        add_page(situation, page, position)
    return situation


def page_text(client, situation):
    response = client.get(f"/vers-qui-me-tourner/{situation.slug}/")
    assert response.status_code == 200
    return response.content.decode()


def test_index_lists_every_situation(client, situation):
    HelpSituationFactory(title="Épuisement", slug="epuisement", confidential=True)
    html = client.get("/vers-qui-me-tourner/").content.decode()
    assert "Préparer un comité" in html and "Épuisement" in html and "Confidentiel" in html


def test_routed_situation_shows_only_readable_guides(client, situation):
    html = page_text(client, situation)
    assert "Guide public du comité" in html
    assert "Brouillon du comité" not in html
    assert "Guide réservé aux membres" not in html
    client.force_login(make_user("lectrice"))
    html = page_text(client, situation)
    assert "Guide réservé aux membres" in html and "Brouillon du comité" not in html
    assert "Canal Mattermost ~entraide" in html


def test_contact_of_the_readers_incubator_else_the_network(client, home, situation):
    lyon, lille = (
        incubator(home, "lyon", "Incubateur de Lyon"),
        incubator(home, "lille", "Incubateur de Lille"),
    )
    add_contact(situation, "Animation du réseau", email="reseau@example.org")
    add_contact(situation, "Coachs de Lyon", incubator=lyon, email="lyon@example.org")
    add_contact(situation, "Coachs de Lille", incubator=lille)
    at_lyon = make_user("lyonnaise")
    Mission.objects.create(member=at_lyon.member, startup=startup(home, "Cantine locale", incubator=lyon))
    elsewhere = make_user("sans-incubateur")
    ended = make_user("partie")
    Mission.objects.create(
        member=ended.member,
        startup=startup(home, "Ancienne startup", incubator=lyon),
        end=datetime.date.today() - datetime.timedelta(days=30),
    )

    client.force_login(at_lyon)
    html = page_text(client, situation)
    assert "Dans votre incubateur" in html and "Coachs de Lyon" in html
    assert "Animation du réseau" not in html and "Coachs de Lille" not in html

    for user in (elsewhere, ended):
        client.force_login(user)
        html = page_text(client, situation)
        assert "Pour tout le réseau" in html and "Animation du réseau" in html
        assert "Coachs de Lyon" not in html
    client.logout()
    assert "Animation du réseau" in page_text(client, situation)


def test_people_who_lived_it_opt_in_and_are_shown_to_members_only(client, situation):
    witness = make_user("temoin", first_name="Alex", last_name="Témoin")
    client.force_login(witness)
    response = client.post("/vers-qui-me-tourner/mes-situations/", {"situations": [situation.pk]})
    assert response.status_code == 302
    assert LivedExperience.objects.filter(member=witness.member, situation=situation).exists()

    client.force_login(make_user("curieuse"))
    assert "Alex Témoin" in page_text(client, situation)
    client.logout()
    html = page_text(client, situation)
    assert "Alex Témoin" not in html and "Connectez-vous pour voir" in html

    client.force_login(witness)
    client.post("/vers-qui-me-tourner/mes-situations/", {})
    assert not LivedExperience.objects.filter(member=witness.member).exists()


def test_lived_experiences_page_needs_login(client):
    response = client.get("/vers-qui-me-tourner/mes-situations/")
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]


def test_helped_answers_are_anonymous_and_count_as_resolved_problems(client, situation):
    client.force_login(make_user("aidee"))
    response = client.post(f"/vers-qui-me-tourner/{situation.slug}/bilan/", {"helped": "oui"})
    assert response.status_code == 302
    client.post(f"/vers-qui-me-tourner/{situation.slug}/bilan/", {"helped": "non"})
    assert HelpOutcome.objects.count() == 2
    field_names = {field.name for field in HelpOutcome._meta.get_fields()}
    assert field_names == {"id", "situation", "helped", "answered_on"}  # no account, no time of day
    assert resolved_problems() == 1
    assert resolved_problems(since=datetime.date.today() + datetime.timedelta(days=1)) == 0


def test_outcome_without_a_choice_is_refused_in_french(client, situation):
    response = client.post(f"/vers-qui-me-tourner/{situation.slug}/bilan/", {})
    assert response.status_code == 400
    assert "Choisissez « ça m'a aidé »" in html_text.unescape(response.content.decode())
    assert not HelpOutcome.objects.exists()


def test_unknown_situation_is_a_404(client, db):
    assert client.get("/vers-qui-me-tourner/inconnue/").status_code == 404
