"""The editors' follow-up: per path, who started, who finished, and the step where the others stop."""

import pytest

from community.onboarding.models import OnboardingProgress, OnboardingStep
from community.onboarding.statistics import path_statistics
from tests.community.members.factories import UserFactory
from tests.community.onboarding.factories import OnboardingIndexPageFactory, make_path, step
from tests.exports import download

pytestmark = pytest.mark.django_db

URL = "/admin/parcours-suivi/"


@pytest.fixture
def path(home):
    return make_path(
        OnboardingIndexPageFactory(parent=home),
        "Arrivée des designers",
        steps=[
            ("jour", "Compte", True),
            ("jour", "Messagerie", True),
            ("semaine", "Lecture conseillée", False),
            ("mois", "Premier test utilisateur", True),
        ],
    )


def ticked(user, path, *titles):
    for title in titles:
        OnboardingProgress.objects.create(user=user, path=path, step=step(path, title))


@pytest.fixture
def population(path):
    ticked(UserFactory(username="finit"), path, "Compte", "Messagerie", "Premier test utilisateur")
    ticked(
        UserFactory(username="tout"),
        path,
        "Compte",
        "Messagerie",
        "Lecture conseillée",
        "Premier test utilisateur",
    )
    ticked(UserFactory(username="jour1"), path, "Compte")
    ticked(UserFactory(username="saute"), path, "Compte", "Messagerie", "Lecture conseillée")
    ticked(UserFactory(username="lecteur"), path, "Lecture conseillée")
    UserFactory(username="jamais")  # never ticked anything: not counted as started
    return path


def test_statistics_count_started_finished_and_stop_steps(population):
    (stats,) = path_statistics()
    assert stats.started == 5
    assert stats.finished == 2  # optional "Lecture conseillée" is not needed to finish
    assert stats.in_progress == 3
    assert [(s.title, count) for s, count in stats.stops] == [
        ("Compte", 1),  # "lecteur" only read the optional step
        ("Messagerie", 1),
        ("Premier test utilisateur", 1),
    ]


def test_path_without_progress_counts_zero(path):
    (stats,) = path_statistics()
    assert (stats.started, stats.finished, stats.stops) == (0, 0, [])


def test_stop_step_follows_a_step_inserted_by_editors(population):
    path = population
    path.steps.add(OnboardingStep(moment="jour", title="Charte", essential=True, sort_order=-1))
    path.save_revision().publish()
    (stats,) = path_statistics()
    assert stats.finished == 0
    assert stats.started == 5
    # The new first essential step is now where everyone stands; earlier ticks are kept.
    assert [(s.title, count) for s, count in stats.stops] == [("Charte", 5)]
    assert OnboardingProgress.objects.count() == 12


def test_statistics_query_count_does_not_grow_with_users(path, django_assert_num_queries):
    ticked(UserFactory(), path, "Compte")
    with django_assert_num_queries(3):
        path_statistics()
    for n in range(10):
        ticked(UserFactory(username=f"u{n}"), path, "Compte", "Messagerie")
    with django_assert_num_queries(3):
        path_statistics()


def test_admin_report_shows_the_figures_to_editors(client, population):
    client.force_login(UserFactory(username="coach", groups=["Coachs"]))
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Arrivée des designers" in html
    assert "<td data-started>5</td>" in html
    assert "<td data-finished>2</td>" in html
    assert "Premier test utilisateur (premier mois) : 1" in html
    assert "/admin/parcours-suivi/" in client.get("/admin/").content.decode()  # the Reports menu item


def test_admin_report_is_refused_to_members_and_visitors(client, population):
    assert client.get(URL).status_code == 302  # to the admin login
    client.force_login(UserFactory(username="membre", groups=["Membres"]))
    assert client.get(URL).status_code in (302, 403)
    client.force_login(UserFactory(username="moderateur", groups=["Modérateurs"]))
    assert client.get(URL).status_code == 200


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_report_downloads_as_a_spreadsheet_for_editors(client, population, export_format):
    client.force_login(UserFactory(username="coach", groups=["Coachs"]))
    assert "export=csv" in client.get(URL).content.decode()  # the « Télécharger » buttons
    heading, *rows = download(client, URL, export_format)
    assert heading == [
        "Parcours",
        "Type",
        "Chemin de la page",
        "Commencé",
        "Terminé",
        "En cours",
        "Où les membres s'arrêtent",
    ]
    assert rows == [
        [
            "Arrivée des designers",
            "Arrivée",
            population.url_path,
            "5",
            "2",
            "3",
            "Compte (premier jour) : 1 ; Messagerie (premier jour) : 1 ; "
            "Premier test utilisateur (premier mois) : 1",
        ]
    ]


def test_report_download_is_refused_to_members_and_visitors(client, population):
    assert client.get(URL, {"export": "csv"}).status_code == 302  # to the admin login
    client.force_login(UserFactory(username="membre", groups=["Membres"]))
    response = client.get(URL, {"export": "csv"})
    assert response.status_code in (302, 403)
    assert b"Arriv" not in b"".join(getattr(response, "streaming_content", [response.content]))
