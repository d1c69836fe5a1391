"""My missions: declared on the profile, validated by the startup's coach, then on the team; alumni follow."""

import datetime
import html

from django.urls import reverse

import pytest

from community.members.models import Mission
from tests.community.members.factories import make_coach, make_fiche, make_user
from tests.community.startups.factories import incubator, startup

pytestmark = pytest.mark.django_db

ADD = "/compte/profil/missions/ajouter/"


@pytest.fixture
def place(home):
    dinum, other = incubator(home, "dinum", "Incubateur de la DINUM"), incubator(home, "autre", "Autre")
    return {
        "startup": startup(home, "Cantine locale", incubator=dinum),
        "coach": make_coach("lea", [dinum]),
        "stranger": make_coach("paul", [other]),
        "person": make_user("camille", first_name="Camille", last_name="Durand"),
    }


def declare(client, place, **overrides):
    client.force_login(place["person"])
    data = {
        "startup": place["startup"].pk,
        "status": "admin",
        "employer": "DINUM",
        "start": "2024-03-01",
        "end": "",
    }
    return client.post(ADD, {**data, **overrides})


def page_text(response):
    return html.unescape(response.content.decode())


def test_a_declared_mission_waits_for_the_coach(client, place):
    response = declare(client, place)
    assert response.status_code == 302
    mission = Mission.objects.get(member__user=place["person"])
    assert (mission.startup, mission.validation, mission.start) == (
        place["startup"],
        Mission.PENDING,
        datetime.date(2024, 3, 1),
    )
    assert mission.startup_ref and not mission.imported
    profile = page_text(client.get("/compte/profil/"))
    assert "Cantine locale" in profile and "En attente de validation" in profile
    # Not on the startup page, nor on the public profile, before validation.
    assert "Camille Durand" not in client.get(place["startup"].url).content.decode()
    client.logout()
    public = client.get(reverse("member_detail", args=[mission.member.slug])).content.decode()
    assert "Cantine locale" not in public


@pytest.mark.parametrize(
    "overrides, field_error",
    [
        (
            {"start": "2024-03-01", "end": "2024-02-01"},
            "La date de fin doit être postérieure ou égale à la date de début.",
        ),
        ({"start": "31/02/2024"}, "Date invalide : utilisez le format JJ/MM/AAAA."),
        ({"start": ""}, "Indiquez la date de début de la mission."),
        ({"startup": ""}, "Choisissez la startup de la mission."),
        ({"start": "2090-01-01"}, "La date de début ne peut pas dépasser d'un an la date du jour."),
    ],
)
def test_bad_missions_get_clear_french_errors_and_keep_what_was_typed(client, place, overrides, field_error):
    response = declare(client, place, **overrides)
    assert response.status_code == 200
    text = page_text(response)
    assert field_error in text
    assert 'value="DINUM"' in text  # nothing typed is lost
    assert not Mission.objects.exists()


def test_the_startup_coach_validates_and_the_team_follows(client, place):
    declare(client, place)
    mission = Mission.objects.get()
    client.force_login(place["coach"])
    pending = client.get(reverse("missions_admin:index"), {"validation": Mission.PENDING}).content.decode()
    assert "Camille Durand" in pending
    edit = reverse("missions_admin:edit", args=[mission.pk])
    response = client.post(
        edit,
        {
            "member": mission.member.pk,
            "startup": place["startup"].pk,
            "start": "2024-03-01",
            "end": "",
            "status": "admin",
            "employer": "DINUM",
            "validation": Mission.VALIDATED,
        },
    )
    assert response.status_code == 302
    mission.refresh_from_db()
    assert (mission.validation, mission.reviewed_by) == (Mission.VALIDATED, place["coach"])
    assert mission.reviewed_at is not None
    team = client.get(place["startup"].url).content.decode()
    assert "Camille Durand" in team
    assert "camille@beta.gouv.fr" not in team


def test_a_coach_of_another_incubator_sees_and_validates_nothing(client, place):
    declare(client, place)
    mission = Mission.objects.get()
    client.force_login(place["stranger"])
    assert "Camille Durand" not in client.get(reverse("missions_admin:index")).content.decode()
    response = client.post(
        reverse("missions_admin:edit", args=[mission.pk]), {"validation": Mission.VALIDATED}
    )
    assert response.status_code == 404
    mission.refresh_from_db()
    assert mission.validation == Mission.PENDING


def test_ending_a_mission_makes_an_alumna_and_the_directory_filters_alumni(client, place):
    fiche = make_fiche(
        "camille.durand", "Camille Durand", missions=[(place["startup"], datetime.date(2022, 1, 1), None)]
    )
    Mission.objects.filter(member=place["person"].member).delete()
    place["person"].member.delete()
    fiche.user = place["person"]
    fiche.save()
    still_there = make_fiche(
        "alice.martin", "Alice Martin", missions=[(place["startup"], datetime.date(2023, 1, 1), None)]
    )
    mission = fiche.missions.get()
    client.force_login(place["person"])
    refused = client.post(reverse("mission_end", args=[mission.pk]), {"end": "2021-12-31"})
    assert "La date de fin doit être postérieure ou égale à la date de début." in page_text(refused)
    assert client.post(reverse("mission_end", args=[mission.pk]), {"end": "2024-06-30"}).status_code == 302
    mission.refresh_from_db()
    assert mission.end == datetime.date(2024, 6, 30)
    fiche.refresh_from_db()
    assert fiche.is_alumni()
    alumni = client.get("/membres/", {"statut": "anciens"}).content.decode()
    assert "Camille Durand" in alumni and still_there.full_name not in alumni
    active = client.get("/membres/", {"statut": "en-mission"}).content.decode()
    assert "Alice Martin" in active and "Camille Durand" not in active
    team = client.get(place["startup"].url).content.decode()
    assert team.index("Alice Martin") < team.index("Camille Durand")  # current team, then former members


def test_nobody_ends_or_withdraws_someone_else_s_mission(client, place):
    declare(client, place)
    mission = Mission.objects.get()
    client.force_login(make_user("intrus"))
    assert client.post(reverse("mission_end", args=[mission.pk]), {"end": "2024-06-30"}).status_code == 404
    assert client.post(reverse("mission_withdraw", args=[mission.pk])).status_code == 404
    mission.refresh_from_db()
    assert mission.end is None


def test_a_pending_mission_can_be_withdrawn_a_validated_one_only_ended(client, place):
    declare(client, place)
    mission = Mission.objects.get()
    client.force_login(place["person"])
    client.post(reverse("mission_withdraw", args=[mission.pk]))
    assert not Mission.objects.exists()
    validated = Mission.objects.create(member=place["person"].member, startup=place["startup"])
    response = client.post(reverse("mission_withdraw", args=[validated.pk]), follow=True)
    assert "Une mission validée se termine, elle ne se retire pas." in page_text(response)
    assert Mission.objects.filter(pk=validated.pk).exists()


def test_my_missions_need_a_login(client, place):
    response = client.get(ADD)
    assert response.status_code == 302 and response.url.startswith("/compte/connexion/")


HOSTILE = ["", "\x00", "a" * 5000, "<script>alert(1)</script>", "9999-99-99", "-1", "1e9", "' OR 1=1 --"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_input_on_my_missions_and_claims_is_refused_cleanly(client, place, value):
    client.force_login(place["person"])
    for field in ("startup", "role", "status", "start", "end", "employer"):
        response = declare(client, place, **{field: value})
        assert response.status_code in (200, 302)
    assert client.get("/compte/profil/", {"fiche": value}).status_code == 200
    assert client.post(reverse("claim_fiche"), {"fiche": value, "message": value}).status_code == 302
    assert client.post(reverse("mission_end", args=[1]), {"end": value}).status_code in (200, 404)
    assert "<script>alert(1)</script>" not in client.get("/compte/profil/").content.decode()
    assert all(len(mission.employer) <= 200 for mission in Mission.objects.all())
