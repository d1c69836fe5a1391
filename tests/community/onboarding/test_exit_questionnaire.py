"""The exit questionnaire: one anonymous answer per leaver and path, read only in groups of five or more."""

import pytest

from community.onboarding.models import ExitAnswer, ExitAnswerReceipt
from community.onboarding.questionnaire import aggregate
from tests.community.members.factories import make_user
from tests.community.onboarding.factories import OnboardingIndexPageFactory, make_path
from tests.core.taxonomy.factories import RoleFactory

pytestmark = pytest.mark.django_db

URL = "/admin/questionnaire-depart/"


@pytest.fixture
def path(home):
    return make_path(
        OnboardingIndexPageFactory(parent=home),
        "Partir bien",
        roles=[RoleFactory(slug="developpeur", name="Développeur")],
        steps=[("apres", "Répondre au questionnaire", False)],
        kind="depart",
    )


def answers(path, scores, role=None):
    for n, score in enumerate(scores):
        ExitAnswer.objects.create(
            path=path, role=role, recommendation=score, went_well=f"Bien {n}", to_improve=f"Mieux {n}"
        )


def test_a_leaver_answers_once_and_the_answer_keeps_no_account(client, path):
    user = make_user("partante")
    client.force_login(user)
    html = client.get(path.url).content.decode()
    assert "Questionnaire de départ" in html and 'name="recommendation"' in html
    data = {"went_well": "L'entraide", "to_improve": "La passation", "recommendation": "9"}
    response = client.post(f"{path.url}questionnaire/", data)
    assert response.status_code == 302
    answer = ExitAnswer.objects.get()
    assert (answer.went_well, answer.to_improve, answer.recommendation) == ("L'entraide", "La passation", 9)
    assert not any(field.name == "user" for field in ExitAnswer._meta.get_fields())
    assert ExitAnswerReceipt.objects.filter(user=user, path=path).exists()
    client.post(f"{path.url}questionnaire/", {**data, "recommendation": "0"})
    assert ExitAnswer.objects.count() == 1  # a second answer is refused
    assert "Merci, votre réponse est enregistrée" in client.get(path.url).content.decode()


def test_a_score_out_of_range_gets_a_french_message_and_keeps_the_text(client, path):
    client.force_login(make_user("partant"))
    response = client.post(f"{path.url}questionnaire/", {"went_well": "Le coach", "recommendation": "11"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Choisissez une note de 0 à 10." in html and "Le coach" in html
    assert not ExitAnswer.objects.exists()


def test_anonymous_visitors_neither_see_nor_post_the_questionnaire(client, path):
    assert 'name="recommendation"' not in client.get(path.url).content.decode()
    response = client.post(f"{path.url}questionnaire/", {"recommendation": "5"})
    assert (
        response.status_code == 302 and "connexion" in response["Location"] or "login" in response["Location"]
    )
    assert not ExitAnswer.objects.exists()


def test_an_arrival_path_has_no_questionnaire(client, home, path):
    arrival = make_path(path.get_parent(), "Arriver", steps=[("jour", "Compte", True)])
    client.force_login(make_user("arrivant"))
    assert "Questionnaire de départ" not in client.get(arrival.url).content.decode()
    assert client.post(f"{arrival.url}questionnaire/", {"recommendation": "5"}).status_code == 404


def test_groups_under_five_answers_are_hidden(path):
    answers(path, [10, 9, 3, 7])
    (network,) = aggregate()
    assert network.count == 4 and not network.shown
    assert network.average is None and network.distribution == [] and network.sorted_went_well == []


def test_groups_of_five_or_more_are_aggregated_correctly(path):
    role = path.roles.first()
    answers(path, [10, 9, 3, 7, 6], role=role)
    answers(path, [0, 8])  # no role: counted in the network only
    network, by_role = aggregate()
    assert (network.count, network.average, network.recommend_share) == (7, 6.1, 29)
    assert dict(network.distribution)[0] == 1 and dict(network.distribution)[9] == 1
    assert (by_role.label, by_role.count, by_role.average, by_role.recommend_share) == (
        "Rôle : Développeur",
        5,
        7.0,
        40,
    )
    assert network.sorted_went_well[0] == "Bien 0"


def test_the_coach_report_hides_small_groups(client, path):
    answers(path, [10, 9, 3, 7, 6], role=path.roles.first())
    ExitAnswer.objects.create(path=path, role=RoleFactory(slug="coach", name="Coach"), recommendation=2)
    client.force_login(make_user("coach", ["Coachs"]))
    html = client.get(URL).content.decode()
    network = html.split('data-group="Tout le réseau"')[1].split("</tr>")[0]
    assert "<td data-count>6</td>" in network and "<td data-average>6,2</td>" in network
    developers = html.split('data-group="Rôle : Développeur"')[1].split("</tr>")[0]
    assert "<td data-average>7,0</td>" in developers
    coaches = html.split('data-group="Rôle : Coach"')[1].split("</tr>")[0]
    assert "Pas assez de réponses pour les montrer." in coaches and "data-average" not in coaches


def test_the_report_says_when_there_are_too_few_answers(client, path):
    answers(path, [10, 9])
    client.force_login(make_user("coach", ["Coachs"]))
    html = client.get(URL).content.decode()
    assert "Pas assez de réponses pour les montrer." in html
    assert "Bien 0" not in html and "Mieux 1" not in html


def test_members_cannot_read_the_report(client, path):
    answers(path, [10, 9, 3, 7, 6])
    client.force_login(make_user("membre"))
    assert client.get(URL).status_code in (302, 403)
