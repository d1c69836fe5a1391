"""The member directory: logged-in members only, faceted, no email addresses, bounded queries."""

import pytest

from community.members.models import Member
from tests.community.members.factories import MemberFactory, make_user
from tests.core.taxonomy.factories import RoleFactory

pytestmark = pytest.mark.django_db

DIRECTORY = "/membres/"


@pytest.fixture
def directory(home):
    coach = RoleFactory(slug="coach", name="Coach")
    designer = RoleFactory(slug="designer", name="Designer UX")
    lea = make_user("lea", first_name="Léa", last_name="Fontaine")
    member = Member.objects.get(user=lea)
    member.competences = ["Accessibilité", "Design"]
    member.mentoring = True
    member.save()
    member.roles.set([designer])
    member.save()
    karim = MemberFactory(full_name="Karim Benali", slug="karim-benali", competences=["Droit public"])
    karim.roles.set([coach])
    karim.save()
    return {"viewer": make_user("lecteur"), "lea": lea}


def test_anonymous_visitors_are_sent_to_login(client, directory):
    response = client.get(DIRECTORY)
    assert response.status_code == 302
    assert response.url.startswith("/compte/connexion/")


def test_members_see_the_directory_without_any_email(client, directory):
    client.force_login(directory["viewer"])
    response = client.get(DIRECTORY)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Léa Fontaine" in html and "Karim Benali" in html
    assert directory["lea"].email not in html
    assert "@" not in html.split('id="contenu"')[1].split("</main>")[0]


@pytest.mark.parametrize(
    ("query", "expected", "absent"),
    [
        ("role=designer", "Léa Fontaine", "Karim Benali"),
        ("role=coach", "Karim Benali", "Léa Fontaine"),
        ("competence=Accessibilité", "Léa Fontaine", "Karim Benali"),
        ("competence=Droit+public", "Karim Benali", "Léa Fontaine"),
        ("mentorat=oui", "Léa Fontaine", "Karim Benali"),
        ("q=benali", "Karim Benali", "Léa Fontaine"),
    ],
)
def test_filters(client, directory, query, expected, absent):
    client.force_login(directory["viewer"])
    html = client.get(f"{DIRECTORY}?{query}").content.decode()
    results = html.split('role="status"')[1]
    assert expected in results
    assert absent not in results


def test_facet_counts(client, directory):
    client.force_login(directory["viewer"])
    html = client.get(DIRECTORY).content.decode()
    assert "Disponible pour du mentorat (1)" in html
    assert "Accessibilité (1)" in html


def test_competence_counts_group_spellings_and_follow_the_other_facets(client, directory):
    coach = RoleFactory._meta.model.objects.get(slug="coach")
    for competences in (["accessibilité", "Droit public"], ["ACCESSIBILITÉ ", 3, ""], ["Design"]):
        member = MemberFactory(competences=competences)
        member.roles.set([coach])
        member.save()
    client.force_login(directory["viewer"])
    html = client.get(DIRECTORY).content.decode().lower()
    # Léa's "Accessibilité" and two other spellings of it are one competence with 3 members (the
    # label is whichever spelling comes first).
    assert "accessibilité (3)" in html and "droit public (2)" in html and "design (2)" in html
    html = client.get(f"{DIRECTORY}?role=coach").content.decode().lower()
    assert "accessibilité (2)" in html and "droit public (2)" in html and "design (1)" in html
    # Counts of the competence facet ignore its own selection, like every facet.
    html = client.get(f"{DIRECTORY}?competence=Design").content.decode().lower()
    assert "accessibilité (3)" in html and "design (2)" in html


def test_unknown_filter_values_are_ignored(client, directory):
    client.force_login(directory["viewer"])
    response = client.get(f"{DIRECTORY}?role=inconnu&competence=%00&page=abc")
    assert response.status_code == 200


def count_queries(client, django_assert_max_num_queries):
    client.get(DIRECTORY)  # warm the per-request caches (site, settings) first
    with django_assert_max_num_queries(40) as captured:
        client.get(DIRECTORY)
    return len(captured.captured_queries)


def test_query_count_does_not_grow_with_members(client, directory, django_assert_max_num_queries):
    client.force_login(directory["viewer"])
    role = RoleFactory(slug="developpeur", name="Développeur")
    before = count_queries(client, django_assert_max_num_queries)
    for index in range(10):
        member = MemberFactory(competences=[f"Compétence {index}"])
        member.roles.set([role])
        member.save()
    assert count_queries(client, django_assert_max_num_queries) == before


def test_filter_by_incubator_through_missions(client, directory, home):
    from community.members.models import Mission
    from tests.community.startups.factories import incubator, startup

    dinum = incubator(home, "dinum", "Incubateur de la DINUM")
    incubator(home, "fabnum", "Fabrique numérique")
    cantine = startup(home, "Cantine test", incubator=dinum)
    karim = Member.objects.get(slug="karim-benali")
    Mission.objects.create(member=karim, startup=cantine, startup_ref="cantine-test")
    client.force_login(directory["viewer"])
    html = client.get(DIRECTORY).content.decode()
    assert "Incubateur de la DINUM (1)" in html
    assert "Fabrique numérique (" not in html  # no member there: the option is not offered
    results = client.get(f"{DIRECTORY}?incubateur=dinum").content.decode().split('role="status"')[1]
    assert "Karim Benali" in results
    assert "Léa Fontaine" not in results


def test_the_incubator_filter_counts_only_validated_missions(client, directory, home):
    from community.members.models import Mission
    from tests.community.startups.factories import incubator, startup

    dinum = incubator(home, "dinum", "Incubateur de la DINUM")
    fabnum = incubator(home, "fabnum", "Fabrique numérique")
    cantine = startup(home, "Cantine test", incubator=dinum)
    atelier = startup(home, "Atelier test", incubator=fabnum)
    karim = Member.objects.get(slug="karim-benali")
    lea = Member.objects.get(user=directory["lea"])
    Mission.objects.create(member=karim, startup=cantine, startup_ref="cantine-test")
    # Léa declared missions no coach has validated yet (or refused): they do not place her anywhere.
    Mission.objects.create(member=lea, startup=cantine, validation=Mission.PENDING)
    Mission.objects.create(member=lea, startup=atelier, validation=Mission.PENDING)
    Mission.objects.create(member=lea, startup=atelier, validation=Mission.REFUSED)
    client.force_login(directory["viewer"])
    html = client.get(DIRECTORY).content.decode()
    assert "Incubateur de la DINUM (1)" in html
    assert "Fabrique numérique (" not in html
    results = client.get(f"{DIRECTORY}?incubateur=dinum").content.decode().split('role="status"')[1]
    assert "Karim Benali" in results
    assert "Léa Fontaine" not in results
    Mission.objects.filter(member=lea, startup=cantine).update(validation=Mission.VALIDATED)
    assert "Incubateur de la DINUM (2)" in client.get(DIRECTORY).content.decode()
