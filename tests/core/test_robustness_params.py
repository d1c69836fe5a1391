"""Hostile values in every public filter and search parameter: never a 500, never an error logged.

Property-based (hypothesis): random text, control characters (NUL, which PostgreSQL refuses in
text), SQL and HTML fragments, lists where one value is expected, huge, negative and non-ASCII
page numbers, invalid UTF-8 in the query string, unknown facet values.
"""

from django.test import Client

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.robustness import PROPERTY_SETTINGS, assert_handled, build_site, fresh_example, query_string

pytestmark = pytest.mark.django_db

SEARCH_PARAMS = ["q", "contenu", "type", "phase", "role", "page", "tri", "sort", "kind"]
STARTUP_PARAMS = ["phase", "incubateur", "thematique", "public", "sponsor", "q", "tri", "sort", "page"]
RESOURCE_PARAMS = ["type", "phase", "role", "thematique", "q", "tri", "page"]
MEMBER_PARAMS = ["role", "competence", "mentorat", "incubateur", "q", "tri", "page"]
ONBOARDING_PARAMS = ["role", "incubateur"]
GUIDE_PARAMS = ["phase", "role", "q", "tri", "page"]
FOR_ME_PARAMS = ["role", "phase"]


@pytest.fixture
def site(home):
    return build_site(home)


def anonymous():
    return Client(raise_request_exception=False)


def logged_in(user):
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@st.composite
def listing_request(draw, site):
    """One GET on a public listing, search or page, with a hostile query string."""
    targets = [
        ("/recherche/", SEARCH_PARAMS),
        ("/recherche/suggestions/", ["q"]),
        (site["startup"].url.rsplit("/", 2)[0] + "/", STARTUP_PARAMS),
        (site["resources"].url, RESOURCE_PARAMS),
        (site["onboarding"].url, ONBOARDING_PARAMS),
        (site["onboarding"].url + "mes-parcours/", ONBOARDING_PARAMS),
        (site["path"].url, ["page"]),
        (site["chiffres"].url, ["annee", "page"]),
        (site["startup"].url, ["page"]),
        (site["resource"].url, ["page"]),
        (site["contribuer"].url, ["page"]),
        ("/membres/", MEMBER_PARAMS),
        (site["guide"].get_parent().url, GUIDE_PARAMS),
        ("/pour-moi/", FOR_ME_PARAMS),
        ("/phases/construction/", ["page"]),
    ]
    url, params = draw(st.sampled_from(targets))
    return f"{url}?{query_string(draw, params)}"


@PROPERTY_SETTINGS
@given(data=st.data())
def test_public_listings_and_search_survive_hostile_parameters(site, caplog, data):
    url = data.draw(listing_request(site), label="url")
    client = data.draw(st.sampled_from(["anonyme", "membre"]), label="visiteur")
    fresh_example(caplog)
    response = (anonymous() if client == "anonyme" else logged_in(site["member_user"])).get(url)
    assert_handled(response, caplog)


@pytest.mark.parametrize(
    "url",
    [
        "/recherche/?q=entretien&page=²",  # str.isdigit() accepts it, int() does not
        "/recherche/?q=entretien&page=99999999999999999999",
        "/recherche/?q=entretien&page=-3",
        "/ressources/?page=١٢",
        "/startups/?page=²&phase=construction&phase=construction",
        "/recherche/?q=%ff%fe%00&type=%00&phase=inconnue",
        "/recherche/suggestions/?q=%00%C3%28",
    ],
)
def test_known_hostile_urls(site, caplog, url):
    response = anonymous().get(url)
    assert_handled(response, caplog)
    assert response.status_code == 200


@pytest.mark.parametrize("slug", ["%00", "a%00b", "%ff%fe", "x" * 400, "..", "%2e%2e"])
def test_member_profile_with_hostile_identifier_is_not_found(site, caplog, slug):
    response = anonymous().get(f"/membres/{slug}/")
    assert_handled(response, caplog)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path", ["/startups/%00/", "/ressources/a%00/", "/%00/", "/documents/1/%00", "/contribuer/%00/"]
)
def test_page_paths_with_nul_are_not_found(site, caplog, path):
    response = anonymous().get(path)
    assert_handled(response, caplog)
    assert response.status_code == 404


@pytest.mark.parametrize(
    "path", ["/membres/", "/compte/profil/", "/compte/contributions/", "/parcours/mes-parcours/"]
)
def test_login_redirect_survives_a_huge_query_string(site, caplog, path):
    """Django refuses redirects over 16,384 characters: the oversized query is dropped, not the page."""
    response = anonymous().get(f"{path}?q={'a' * 20_000}")
    assert_handled(response, caplog)
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/connexion/?next=")
    assert len(response["Location"]) < 3000


def test_contribution_post_from_an_anonymous_visitor_with_a_huge_query_goes_to_login(site, caplog):
    response = anonymous().post(f"{site['contribuer'].url}?x={'a' * 20_000}", {"title": "x"})
    assert_handled(response, caplog)
    assert response.status_code == 302
