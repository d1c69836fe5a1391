"""Blockers: recommendations follow the rules, and only the team and its incubator's coaches see them."""

from wagtail.models import PageViewRestriction

import pytest

from community.blockers.figures import resolved_problems
from community.blockers.models import DeclaredBlocker, RecommendationItem
from tests.community.blockers.factories import blocker, join_team, rule
from tests.community.members.factories import make_coach, make_user
from tests.community.startups.factories import OrganisationFactory, incubator, startup
from tests.core.taxonomy.factories import PhaseFactory, RoleFactory, ThematiqueFactory
from tests.resources.guides.factories import GuideIndexPageFactory, GuidePageFactory
from tests.visibility import restrict

pytestmark = pytest.mark.django_db

NOTE = "Notre acheteur ne répond plus depuis Zanzibar."


@pytest.fixture
def place(home):
    construction, acceleration = PhaseFactory(slug="construction"), PhaseFactory(slug="acceleration")
    sante = ThematiqueFactory(slug="sante")
    dev, intra = RoleFactory(slug="developpeur"), RoleFactory(slug="intrapreneur")
    dinum, other = incubator(home, "dinum", "Incubateur DINUM"), incubator(home, "autre", "Autre incubateur")
    operator = OrganisationFactory(slug="agence", type="operateur")
    product = startup(
        home,
        "Cantine locale",
        incubator=dinum,
        phases=[(construction, "2025-01-01")],
        thematiques=[sante],
        sponsors=[operator],
    )
    guides = GuideIndexPageFactory(parent=home)
    public_guide = GuidePageFactory(parent=guides, slug="marches", title="Guide des marchés")
    members_guide = GuidePageFactory(parent=guides, slug="marches-coachs", title="Guide réservé aux coachs")
    restrict(members_guide, PageViewRestriction.GROUPS)
    draft_guide = GuidePageFactory(parent=guides, slug="brouillon", title="Guide en brouillon", live=False)
    market = blocker()
    rule(market, "Toujours", [("contact", None, "L'acheteur du sponsor")], position=2)
    rule(
        market,
        "En construction",
        [("guide", public_guide, ""), ("guide", members_guide, ""), ("guide", draft_guide, "")],
        position=1,
        phases=[construction],
    )
    rule(market, "En accélération", [("programme", None, "Programme accélération")], phases=[acceleration])
    rule(market, "Santé", [("programme", None, "Programme santé")], position=3, thematiques=[sante])
    rule(
        market,
        "Opérateurs",
        [("contact", None, "Contact opérateurs")],
        position=4,
        sponsor_types="ministere, operateur",
    )
    rule(
        market, "Ministères", [("contact", None, "Contact ministères")], position=5, sponsor_types="ministere"
    )
    rule(market, "Développeurs", [("guide", public_guide, "Pour les devs")], position=6, roles=[dev])
    team = make_user("camille")
    join_team(team, product, role=intra)
    return {
        "startup": product,
        "blocker": market,
        "team": team,
        "coach": make_coach("lea", [dinum]),
        "stranger_coach": make_coach("paul", [other]),
        "other_member": make_user("sacha"),
        "dev": dev,
    }


def declare(client, place, user=None):
    client.force_login(user or place["team"])
    return client.post(
        "/blocages/", {"startup": place["startup"].pk, "blocker": place["blocker"].pk, "note": NOTE}
    )


def labels(content):
    order = ["Guide des marchés", "L'acheteur du sponsor", "Programme santé", "Contact opérateurs"]
    return [label for label in order if label.replace("'", "&#x27;") in content]


def test_recommendations_follow_the_rules_in_order_with_readable_pages_only(client, place):
    response = declare(client, place)
    declared = DeclaredBlocker.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/blocages/{declared.pk}/"
    assert declared.role.slug == "intrapreneur" and declared.declared_by == place["team"].member
    content = client.get(response["Location"]).content.decode()
    # position 1 (phase), 2 (always), 3 (thématique), 4 (sponsor type); not acceleration, ministères, devs.
    positions = [content.index(label.replace("'", "&#x27;")) for label in labels(content)]
    assert len(positions) == 4 and positions == sorted(positions)
    for absent in ("Programme accélération", "Contact ministères", "Pour les devs"):
        assert absent not in content
    # Pages the member may not read are never recommended to them.
    assert "Guide réservé aux coachs" not in content and "Guide en brouillon" not in content


def test_the_role_condition_follows_the_declaring_member(client, place):
    developer = make_user("dominique")
    join_team(developer, place["startup"], role=place["dev"])
    response = declare(client, place, developer)
    content = client.get(response["Location"]).content.decode()
    assert "Pour les devs" not in content  # the same guide page is listed once, under its first rule
    assert content.count("Guide des marchés") == 1


def test_a_coach_reads_group_restricted_recommendations(client, place):
    declare(client, place)
    declared = DeclaredBlocker.objects.get()
    client.force_login(place["coach"])
    assert "Guide réservé aux coachs" in client.get(f"/blocages/{declared.pk}/").content.decode()


def test_blocker_visibility(client, place):
    declare(client, place)
    declared = DeclaredBlocker.objects.get()
    url = f"/blocages/{declared.pk}/"
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/compte/connexion/" in response["Location"]
    for outsider in ("other_member", "stranger_coach"):
        client.force_login(place[outsider])
        assert client.get(url).status_code == 404
        assert NOTE not in client.get("/blocages/").content.decode()
    client.force_login(place["team"])
    assert NOTE in client.get(url).content.decode()
    client.force_login(place["coach"])
    assert NOTE in client.get(url).content.decode()
    listing = client.get("/blocages/").content.decode()
    assert 'id="blocages-coach"' in listing and "Cantine locale : Passer un marché" in listing
    # Coaches read; marking and closing is the team's.
    item = RecommendationItem.objects.filter(title="L'acheteur du sponsor").get()
    assert client.post(f"{url}recommandations/{item.pk}/fait/").status_code == 404
    assert client.post(f"{url}resoudre/").status_code == 404
    # Never on a public surface.
    client.logout()
    for surface in ("/recherche/?q=Zanzibar", "/api/v2/pages/?search=Zanzibar", place["startup"].url):
        assert "ne répond plus" not in client.get(surface).content.decode()


def test_a_team_marks_recommendations_and_closes_the_blocker(client, place):
    declare(client, place)
    declared = DeclaredBlocker.objects.get()
    url = f"/blocages/{declared.pk}/"
    item = RecommendationItem.objects.filter(title="L'acheteur du sponsor").get()
    client.post(f"{url}recommandations/{item.pk}/fait/")
    client.post(f"{url}recommandations/{item.pk}/utile/")
    content = client.get(url).content.decode()
    assert f'id="recommandation-{item.pk}" data-utile="oui" data-fait="oui"' in content
    not_recommended = RecommendationItem.objects.filter(title="Programme accélération").get()
    assert client.post(f"{url}recommandations/{not_recommended.pk}/fait/").status_code == 404
    assert resolved_problems() == 0
    client.post(f"{url}resoudre/")
    declared.refresh_from_db()
    assert declared.closed_at is not None and declared.closed_by == place["team"].member
    assert resolved_problems() == 1 and resolved_problems(since=declared.closed_at) == 1
    client.force_login(place["coach"])
    assert "Cantine locale : Passer un marché" not in client.get("/blocages/").content.decode()


def test_a_member_without_a_mission_cannot_declare(client, place):
    client.force_login(place["other_member"])
    response = client.post("/blocages/", {"startup": place["startup"].pk, "blocker": place["blocker"].pk})
    assert response.status_code in (200, 400)
    assert not DeclaredBlocker.objects.exists()
    assert "Vous n'avez pas de mission en cours" in client.get("/blocages/").content.decode()
