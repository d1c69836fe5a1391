"""« Trouver un·e mentor »: never one's own startup, never someone hidden, always with its reasons."""

import html
import re

import pytest

from community.mentoring.models import MEMBERS, NOBODY, MentoringProfile
from tests.community.members.factories import make_user
from tests.community.mentoring.factories import mentoring

pytestmark = pytest.mark.django_db

FIND = "/mentorat/"


def suggested(client, member):
    client.force_login(member.user)
    response = client.get(FIND)
    assert response.status_code == 200
    return response, re.findall(r'data-mentor="([^"]+)"', response.content.decode())


def test_suggestions_never_include_own_startup_nor_hidden_people(client, network):
    response, slugs = suggested(client, network["seeker"])
    assert slugs == [network["mentor"].slug]
    text = response.content.decode()
    for person in ("teammate", "newcomer", "hidden"):
        assert network[person].full_name not in text
    # The teammate is a good mentor for someone of another startup: only the seeker's team is excluded.
    outsider = network["mentor"]
    MentoringProfile.objects.filter(member=outsider).update(seeking_skills=["recrutement"])
    _, slugs = suggested(client, outsider)
    assert network["teammate"].slug not in slugs  # they shared « Aidants » with Léa
    assert network["seeker"].slug not in slugs  # Camille offers no help


def test_a_mentor_who_hides_disappears_and_comes_back(client, network):
    profile = network["mentor"].mentoring_profile
    profile.help_visibility = NOBODY
    profile.save()
    assert suggested(client, network["seeker"])[1] == []
    profile.help_visibility = MEMBERS
    profile.save()
    assert suggested(client, network["seeker"])[1] == [network["mentor"].slug]


def test_each_suggestion_says_why(client, network):
    response, _ = suggested(client, network["seeker"])
    text = html.unescape(response.content.decode())
    assert "Peut aider sur : Recrutement" in text
    assert "A vécu la phase Accélération" in text
    # Construction then accélération started during her mission (2022-06 → 2024-06): two committees.
    assert "A vécu deux comités d'investissement" in text
    assert "Même rôle que vous : Développeur·se" in text
    assert "@" not in re.sub(
        r"<(script|link)[^>]*>", "", text.split('id="suggestions"')[1].split("</ul>")[-2]
    )


def test_ranking_puts_more_in_common_first(client, network):
    other = make_user("zoe", first_name="Zoé", last_name="Autre").member
    mentoring(other, help_skills=["recrutement"])
    _, slugs = suggested(client, network["seeker"])
    assert slugs == [network["mentor"].slug, other.slug]


def test_anonymous_visitors_are_sent_to_log_in(client, network):
    response = client.get(FIND)
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]


def test_my_choices_are_saved_with_their_visibility(client, network):
    member = network["hidden"]
    client.force_login(member.user)
    response = client.post(
        "/mentorat/mes-choix/",
        {
            "help_skills": "recrutement, comité d'investissement",
            "help_visibility": MEMBERS,
            "seeking_skills": "",
            "seeking_visibility": NOBODY,
            "mobility_open": "on",
            "mobility_role": network["developer"].pk,
            "mobility_from": "2026-01-15",
            "mobility_visibility": MEMBERS,
        },
    )
    assert response.status_code == 302
    profile = MentoringProfile.objects.get(member=member)
    assert profile.help_skills == ["recrutement", "comité d'investissement"]
    member.refresh_from_db()
    assert member.mentoring  # the directory's « disponible pour du mentorat » follows
    page = html.unescape(client.get(f"/membres/{member.slug}/").content.decode())
    assert "Peut aider sur" in page and "Ouvert·e à une mobilité : Développeur·se" in page
    client.logout()
    anonymous = html.unescape(client.get(f"/membres/{member.slug}/").content.decode())
    assert "Peut aider sur" not in anonymous and "mobilité" not in anonymous


def test_mobility_needs_a_role(client, network):
    client.force_login(network["hidden"].user)
    response = client.post(
        "/mentorat/mes-choix/",
        {
            "help_visibility": NOBODY,
            "seeking_visibility": NOBODY,
            "mobility_visibility": NOBODY,
            "mobility_open": "on",
        },
    )
    assert response.status_code == 200
    assert "Indiquez le rôle que vous souhaitez" in html.unescape(response.content.decode())


def test_hidden_choices_stay_off_the_profile(client, network):
    client.force_login(network["seeker"].user)
    page = html.unescape(client.get(f"/membres/{network['hidden'].slug}/").content.decode())
    assert "Peut aider sur" not in page
