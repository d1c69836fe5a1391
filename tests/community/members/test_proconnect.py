"""ProConnect end to end against a real OpenID Connect provider (`oidc-provider`, npm) on loopback.

The provider (.ci/oidc/provider.mjs) runs as a subprocess; `requests` plays the person's browser on
its login, consent and logout forms; the Django test client plays it on our side. Nothing of ours
is mocked: discovery, the token exchange, the JWKS and the signed userinfo are real HTTP calls.
"""

import html
import json
import selectors
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

from django.conf import settings
from django.test import override_settings

import pytest
import requests
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from bs4 import BeautifulSoup

from community.members.models import Member, User
from community.members.proconnect import ID_TOKEN_SESSION_KEY, NONCE_SESSION_KEY
from tests.community.members.factories import make_fiche, make_user

PROVIDER_DIR = Path(settings.BASE_DIR) / ".ci" / "oidc"
OUR_ORIGIN = "http://testserver"
CALLBACK = "/compte/oidc/proconnect/login/callback/"
ACCOUNTS = {
    "alice": {
        "email": "alice.martin@beta.gouv.fr",
        "given_name": "Alice",
        "usual_name": "Martin",
        "siret": "13002526500013",
        "uid": "4242",
    },
    "bruno": {
        "email": "bruno.petit@numerique.gouv.fr",
        "given_name": "Bruno",
        "usual_name": "Petit",
        "siret": "11000201100044",
        "uid": "4343",
    },
    "chloe": {"email": "chloe.roux@exemple.fr", "given_name": "Chloé", "usual_name": "Roux", "uid": "4444"},
    "denis": {"email": "denis.blanc@beta.gouv.fr", "given_name": "Denis", "usual_name": "Blanc", "uid": "45"},
    "emma": {"email": "emma.noir@beta.gouv.fr", "given_name": "Emma", "usual_name": "Noir", "uid": "4646"},
    "farid": {"email": "farid.vert@beta.gouv.fr", "given_name": "Farid", "usual_name": "Vert", "uid": "4747"},
}
# The level of assurance (`acr`) the provider vouches for at each login: "eidas1" unless listed here.
ACCOUNT_ACR = {"denis": "eidas0", "emma": None, "farid": "eidas2"}
TIMEOUT = 10  # seconds, for every HTTP call and process wait


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_ready(process, deadline_seconds=20):
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + deadline_seconds
    output = []
    while time.monotonic() < deadline:
        if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
            break
        line = process.stdout.readline()
        if not line:
            break
        output.append(line)
        if line.startswith("ready "):
            return line.split()[1]
    raise RuntimeError("Le fournisseur OpenID Connect de test n'a pas démarré : " + "".join(output))


@pytest.fixture(scope="module")
def provider_url(tmp_path_factory):
    node = shutil.which("node")
    if node is None or not (PROVIDER_DIR / "node_modules" / "oidc-provider").is_dir():
        pytest.skip(
            "Fournisseur OpenID Connect de test absent : il faut node et « npm install --prefix .ci/oidc » "
            "(fait par .ci/run)."
        )
    port = free_port()
    config = tmp_path_factory.mktemp("oidc") / "config.json"
    config.write_text(
        json.dumps(
            {
                "port": port,
                "client_id": "fabrique",
                "client_secret": "secret-de-test-proconnect",
                "redirect_uris": [OUR_ORIGIN + CALLBACK],
                "post_logout_redirect_uris": [OUR_ORIGIN + "/"],
                "accounts": ACCOUNTS,
                "acr": "eidas1",
                "account_acr": ACCOUNT_ACR,
            }
        )
    )
    process = subprocess.Popen(  # noqa: S603 - fixed arguments, a test-only server on loopback
        [node, str(PROVIDER_DIR / "provider.mjs"), str(config)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield wait_until_ready(process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=TIMEOUT)
        process.stdout.close()


@pytest.fixture
def proconnect(provider_url, home):
    app = {
        "provider_id": "proconnect",
        "name": "ProConnect",
        "client_id": "fabrique",
        "secret": "secret-de-test-proconnect",
        "settings": {"server_url": provider_url, "token_auth_method": "client_secret_post"},
    }
    providers = {
        "openid_connect": {**settings.SOCIALACCOUNT_PROVIDERS["openid_connect"], "APPS": [app]},
    }
    with override_settings(SOCIALACCOUNT_PROVIDERS=providers):
        yield provider_url


# --- The person's browser on the provider's side ------------------------------------------------


def follow_at_provider(browser, response):
    """Follows the provider's redirects until one leaves for our site; returns (page, our_url)."""
    for _ in range(10):
        if response.status_code not in (302, 303):
            return response, None
        location = urljoin(response.url, response.headers["Location"])
        if location.startswith(OUR_ORIGIN):
            return response, location
        response = browser.get(location, allow_redirects=False, timeout=TIMEOUT)
    raise AssertionError("Trop de redirections chez le fournisseur")


def submit_form(browser, page, **values):
    form = BeautifulSoup(page.text, "html.parser").find("form")
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all(["input", "button"])
        if field.get("name")
    }
    data.update(values)
    response = browser.post(
        urljoin(page.url, form["action"]), data=data, allow_redirects=False, timeout=TIMEOUT
    )
    return follow_at_provider(browser, response)


def start_login(client, browser):
    """Clicks « S'identifier avec ProConnect » and opens the provider's login page."""
    response = client.post("/compte/oidc/proconnect/login/", {"process": "login"})
    assert response.status_code == 302
    authorize = response["Location"]
    page, ours = follow_at_provider(browser, browser.get(authorize, allow_redirects=False, timeout=TIMEOUT))
    return authorize, page, ours


def login_at_provider(client, login):
    """The whole round trip: our button, the provider's login and consent forms, back to our callback."""
    browser = requests.Session()
    _, page, ours = start_login(client, browser)
    assert ours is None and 'name="login"' in page.text
    page, ours = submit_form(browser, page, login=login, password="peu-importe")
    if ours is None:  # first visit: the provider asks for consent to share the claims
        page, ours = submit_form(browser, page)
    assert ours is not None and ours.startswith(OUR_ORIGIN + CALLBACK)
    return browser, client.get(ours.removeprefix(OUR_ORIGIN))


def logged_in_user(client):
    response = client.get("/compte/profil/")
    return response.wsgi_request.user if response.status_code == 200 else None


# --- The authorization request -------------------------------------------------------------------


def test_the_authorization_request_uses_discovery_pkce_nonce_and_acr_values(client, proconnect):
    authorize, page, _ = start_login(client, requests.Session())
    parts = urlsplit(authorize)
    params = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == proconnect + "/auth"  # from discovery
    assert params["response_type"] == "code"
    assert params["client_id"] == "fabrique"
    assert params["redirect_uri"] == OUR_ORIGIN + CALLBACK
    assert sorted(params["scope"].split()) == ["email", "given_name", "openid", "siret", "uid", "usual_name"]
    assert params["code_challenge_method"] == "S256" and len(params["code_challenge"]) >= 43
    assert params["acr_values"] == "eidas1"
    assert params["nonce"] == client.session[NONCE_SESSION_KEY]
    assert params["state"]
    # The real provider accepted every parameter: it shows its login form, not an error.
    assert page.status_code == 200 and 'name="login"' in page.text


# --- Login, claims, linking ------------------------------------------------------------------------


def test_a_first_login_makes_a_member_from_the_claims(client, proconnect):
    _, response = login_at_provider(client, "alice")
    assert response.status_code == 302 and response["Location"] == "/"
    user = User.objects.get(email="alice.martin@beta.gouv.fr")
    assert (user.first_name, user.last_name) == ("Alice", "Martin")
    assert EmailAddress.objects.get(user=user).verified
    assert user.member.full_name == "Alice Martin"
    assert user.groups.filter(name="Membres").exists()
    account = SocialAccount.objects.get(user=user, provider="proconnect")
    assert account.uid == "alice"
    assert account.extra_data["userinfo"]["siret"] == "13002526500013"
    assert account.extra_data["id_token"]["nonce"]
    assert logged_in_user(client) == user


def test_a_login_with_the_address_of_an_existing_account_links_it(client, proconnect):
    existing = make_user("bruno", email="bruno.petit@numerique.gouv.fr")
    _, response = login_at_provider(client, "bruno")
    assert response.status_code == 302
    assert User.objects.filter(email__iexact="bruno.petit@numerique.gouv.fr").count() == 1
    assert SocialAccount.objects.get(provider="proconnect").user == existing
    assert Member.objects.filter(user=existing).count() == 1
    assert logged_in_user(client) == existing


def test_a_second_login_finds_the_same_account(client, proconnect):
    login_at_provider(client, "alice")
    client.logout()
    login_at_provider(client, "alice")
    assert User.objects.filter(email="alice.martin@beta.gouv.fr").count() == 1
    assert Member.objects.count() == 1


def test_a_login_with_the_address_of_an_imported_fiche_links_the_fiche(client, proconnect):
    fiche = make_fiche("alice.martin", "Alice Martin")
    _, response = login_at_provider(client, "alice")
    assert response.status_code == 302
    fiche.refresh_from_db()
    assert fiche.user == User.objects.get(email="alice.martin@beta.gouv.fr")
    assert Member.objects.count() == 1  # the fiche, no second profile


# --- Refusals ----------------------------------------------------------------------------------------


def test_a_person_the_provider_refuses_gets_a_french_page_and_keeps_email_login(client, proconnect):
    browser = requests.Session()
    _, page, _ = start_login(client, browser)
    abort = BeautifulSoup(page.text, "html.parser").find("a", string="[ Cancel ]")["href"]
    _, ours = follow_at_provider(
        browser, browser.get(urljoin(page.url, abort), allow_redirects=False, timeout=TIMEOUT)
    )
    assert "error=access_denied" in ours
    response = client.get(ours.removeprefix(OUR_ORIGIN), follow=True)
    page = html.unescape(response.content.decode())
    assert "ProConnect ne vous a pas identifié" in page
    assert "Aucun compte n'a été créé ni modifié" in page
    assert 'href="/compte/connexion/"' in page and 'href="/compte/inscription/"' in page
    assert User.objects.count() == 0
    assert logged_in_user(client) is None


def test_an_id_token_with_another_nonce_is_refused(client, proconnect):
    browser = requests.Session()
    _, page, _ = start_login(client, browser)
    session = client.session
    session[NONCE_SESSION_KEY] = "un-autre-nonce"
    session.save()
    page, ours = submit_form(browser, page, login="alice", password="peu-importe")
    if ours is None:
        page, ours = submit_form(browser, page)
    response = client.get(ours.removeprefix(OUR_ORIGIN))
    assert response.status_code == 401
    assert "Nous n'avons pas pu vérifier votre identité" in html.unescape(response.content.decode())
    assert User.objects.count() == 0
    assert logged_in_user(client) is None


def assert_refused_for_its_level_of_assurance(client, response, email):
    assert response.status_code == 401
    assert "Nous n'avons pas pu vérifier votre identité" in html.unescape(response.content.decode())
    assert not User.objects.filter(email=email).exists()
    assert logged_in_user(client) is None


def test_an_id_token_with_a_lower_acr_than_asked_is_refused(client, proconnect):
    _, response = login_at_provider(client, "denis")  # the provider vouches for "eidas0" only
    assert_refused_for_its_level_of_assurance(client, response, "denis.blanc@beta.gouv.fr")


def test_an_id_token_without_acr_is_refused(client, proconnect):
    _, response = login_at_provider(client, "emma")
    assert_refused_for_its_level_of_assurance(client, response, "emma.noir@beta.gouv.fr")


def test_an_id_token_with_the_acr_asked_is_accepted_and_kept(client, proconnect):
    _, response = login_at_provider(client, "alice")
    assert response.status_code == 302
    account = SocialAccount.objects.get(provider="proconnect")
    assert account.extra_data["id_token"]["acr"] == "eidas1"


def test_a_higher_acr_than_asked_is_accepted(client, proconnect):
    _, response = login_at_provider(client, "farid")  # "eidas2" when "eidas1" was asked
    assert response.status_code == 302
    assert logged_in_user(client) == User.objects.get(email="farid.vert@beta.gouv.fr")


@override_settings(FABRIQUE_OIDC_ACR_VALUES="eidas2")
def test_a_login_below_a_raised_requirement_is_refused(client, proconnect):
    authorize, page, _ = start_login(client, requests.Session())
    assert parse_qs(urlsplit(authorize).query)["acr_values"] == ["eidas2"]
    _, response = login_at_provider(client, "alice")  # the provider still answers "eidas1"
    assert_refused_for_its_level_of_assurance(client, response, "alice.martin@beta.gouv.fr")


def test_a_replayed_callback_logs_nobody_in(client, proconnect):
    browser = requests.Session()
    _, page, _ = start_login(client, browser)
    page, ours = submit_form(browser, page, login="alice", password="peu-importe")
    if ours is None:
        page, ours = submit_form(browser, page)
    assert client.get(ours.removeprefix(OUR_ORIGIN)).status_code == 302
    assert logged_in_user(client) is not None
    client.logout()
    # Same code, same state, later: the state was used once and the code is spent at the provider.
    response = client.get(ours.removeprefix(OUR_ORIGIN))
    assert response.status_code == 401
    assert logged_in_user(client) is None


def test_an_address_outside_the_allowed_domains_is_refused_in_french(client, proconnect):
    _, response = login_at_provider(client, "chloe")
    page = html.unescape(response.content.decode())
    assert "Cette adresse n'ouvre pas de compte sur Fabrique" in page
    assert "réservée aux adresses professionnelles du secteur public" in page
    assert not User.objects.filter(email="chloe.roux@exemple.fr").exists()
    assert logged_in_user(client) is None


# --- Logout ------------------------------------------------------------------------------------------


def test_logout_is_propagated_to_the_provider(client, proconnect):
    browser, _ = login_at_provider(client, "alice")
    id_token = client.session[ID_TOKEN_SESSION_KEY]
    response = client.post("/compte/deconnexion/")
    assert response.status_code == 302
    end_session = urlsplit(response["Location"])
    assert f"{end_session.scheme}://{end_session.netloc}{end_session.path}" == proconnect + "/session/end"
    params = {key: values[0] for key, values in parse_qs(end_session.query).items()}
    assert params["id_token_hint"] == id_token
    assert params["post_logout_redirect_uri"] == OUR_ORIGIN + "/"
    assert logged_in_user(client) is None  # logged out here already
    # At the provider: confirm, then back to our home page.
    page, ours = follow_at_provider(
        browser, browser.get(response["Location"], allow_redirects=False, timeout=TIMEOUT)
    )
    page, ours = submit_form(browser, page, logout="yes")
    assert ours is not None and urlsplit(ours).path == "/"
    # The provider's session is over: a new login asks for credentials again.
    _, page, ours = start_login(client, browser)
    assert ours is None and 'name="login"' in page.text


def test_an_email_login_logs_out_locally_only(client, proconnect):
    user = make_user("camille", email="camille@beta.gouv.fr")
    client.force_login(user)
    response = client.post("/compte/deconnexion/")
    assert response.status_code == 302 and response["Location"] == "/"
