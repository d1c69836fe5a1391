"""ProConnect (the State's OpenID Connect identity provider) on top of allauth's `openid_connect`.

allauth's generic provider lacks what ProConnect requires or sends: a `nonce` checked in the ID
token, `acr_values`, one scope per claim (given_name, usual_name, siret…), a userinfo answer signed
as a JWT, an address the provider vouches for without `email_verified`, and the end-session
redirect at logout (with `id_token_hint`). `SOCIALACCOUNT_PROVIDERS["openid_connect"]["provider_class"]`
points at `ProConnectProvider`; the callback route uses `ProConnectAdapter` (community/members/urls.py).
"""

import secrets
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.utils.crypto import constant_time_compare

import requests
from allauth.account.internal.decorators import login_not_required
from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.internal import jwtkit
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView
from allauth.socialaccount.providers.openid_connect.provider import OpenIDConnectProvider, _pick_data
from allauth.socialaccount.providers.openid_connect.views import OpenIDConnectOAuth2Adapter

NONCE_SESSION_KEY = "proconnect_nonce"
# Kept for the logout: the provider's end-session endpoint needs the ID token as `id_token_hint`.
ID_TOKEN_SESSION_KEY = "proconnect_id_token"  # noqa: S105 - a session key name, not a secret
PROVIDER_SESSION_KEY = "proconnect_provider_id"
# ProConnect gives each claim its own scope; `profile` does not exist there.
PROCONNECT_SCOPES = ["openid", "email", "given_name", "usual_name", "siret", "uid"]
# eIDAS levels of assurance, lowest first: a login at a higher level than the one asked is accepted.
EIDAS_LEVELS = ("eidas1", "eidas2", "eidas3")


def acr_satisfies(returned, requested: str) -> bool:
    """Whether the ID token's `acr` meets the `acr_values` we asked for (FABRIQUE_OIDC_ACR_VALUES).

    The provider may log someone in at another level than asked (`acr_values` is a wish, not an
    order): one of the values asked, or a higher eIDAS level than the lowest asked, passes; a
    missing, unknown or lower `acr` does not.
    """
    wanted = requested.split()
    if not wanted:
        return True
    if not isinstance(returned, str) or not returned:
        return False
    if returned in wanted:
        return True
    asked_levels = [EIDAS_LEVELS.index(value) for value in wanted if value in EIDAS_LEVELS]
    if returned not in EIDAS_LEVELS or not asked_levels:
        return False
    return EIDAS_LEVELS.index(returned) >= min(asked_levels)


class ProConnectAdapter(OpenIDConnectOAuth2Adapter):
    """Checks the ID token (signature, nonce) and reads ProConnect's signed userinfo."""

    def complete_login(self, request, app, token, **kwargs):
        id_token_str = kwargs["response"].get("id_token")
        if not id_token_str:
            raise OAuth2Error("No id_token in the token response")
        # Verified even though it came straight from the token endpoint: the nonce must be signed.
        id_token = self._verify(app, id_token_str)
        expected_nonce = request.session.pop(NONCE_SESSION_KEY, None)
        if not expected_nonce or not constant_time_compare(str(id_token.get("nonce", "")), expected_nonce):
            raise OAuth2Error("The id_token's nonce is not the one sent")
        if not acr_satisfies(id_token.get("acr"), settings.FABRIQUE_OIDC_ACR_VALUES):
            raise OAuth2Error("The id_token's acr is missing or below the acr_values asked")
        userinfo = self._fetch_signed_user_info(app, token.token)
        if userinfo.get("sub") != id_token.get("sub"):
            raise OAuth2Error("userinfo and id_token name different people")
        request.session[ID_TOKEN_SESSION_KEY] = id_token_str
        request.session[PROVIDER_SESSION_KEY] = self.provider_id
        return self.get_provider().sociallogin_from_response(
            request, {"userinfo": userinfo, "id_token": id_token}
        )

    def _verify(self, app, credential: str) -> dict:
        return jwtkit.verify_and_decode(
            credential=credential,
            keys_url=self.openid_config["jwks_uri"],
            issuer=self.openid_config["issuer"],
            audience=app.client_id,
            lookup_kid=jwtkit.lookup_kid_jwk,
        )

    def _fetch_signed_user_info(self, app, access_token: str) -> dict:
        # ProConnect answers `application/jwt`; a provider answering plain JSON is accepted too.
        with get_adapter().get_requests_session() as session:
            response = session.get(self.profile_url, headers={"Authorization": f"Bearer {access_token}"})
            response.raise_for_status()
        if response.headers.get("Content-Type", "").startswith("application/jwt"):
            return self._verify(app, response.text)
        return response.json()


class ProConnectProvider(OpenIDConnectProvider):
    """allauth's OpenID Connect provider with ProConnect's nonce, acr_values, scopes and claims."""

    # allauth builds the routes from the package's urls.py: keep openid_connect's.
    package = "allauth.socialaccount.providers.openid_connect"
    oauth2_adapter_class = ProConnectAdapter

    def get_default_scope(self):
        return list(PROCONNECT_SCOPES)

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        nonce = secrets.token_urlsafe(32)
        request.session[NONCE_SESSION_KEY] = nonce
        auth_params = kwargs.pop("auth_params", None)
        auth_params = dict(self.get_auth_params() if auth_params is None else auth_params)
        auth_params["nonce"] = nonce
        if settings.FABRIQUE_OIDC_ACR_VALUES:
            auth_params["acr_values"] = settings.FABRIQUE_OIDC_ACR_VALUES
        return super().redirect(request, process, next_url, data, auth_params=auth_params, **kwargs)

    def extract_common_fields(self, data):
        data = _pick_data(data)
        return {
            "email": data.get("email"),
            "first_name": data.get("given_name") or "",
            "last_name": data.get("usual_name") or data.get("family_name") or "",
        }

    def extract_email_addresses(self, data):
        # ProConnect sends no `email_verified`: the State identity provider vouches for the address.
        email = _pick_data(data).get("email")
        return [EmailAddress(email=email, verified=True, primary=True)] if email else []


@login_not_required
def callback(request, provider_id):
    """allauth's callback view, run with `ProConnectAdapter`."""
    try:
        return OAuth2CallbackView.adapter_view(ProConnectAdapter(request, provider_id))(request)
    except SocialApp.DoesNotExist as exc:
        raise Http404 from exc


def end_session_url(request, after_logout: str) -> str | None:
    """Where to send someone logging out who came through ProConnect, so the provider logs them out too."""
    id_token = request.session.get(ID_TOKEN_SESSION_KEY)
    provider_id = request.session.get(PROVIDER_SESSION_KEY)
    if not id_token or not provider_id:
        return None
    try:
        endpoint = ProConnectAdapter(request, provider_id).openid_config.get("end_session_endpoint")
    except (SocialApp.DoesNotExist, requests.RequestException, ValueError):
        return None  # the provider is gone or unreachable: log out locally all the same
    if not endpoint:
        return None
    query = {
        "id_token_hint": id_token,
        "post_logout_redirect_uri": request.build_absolute_uri(after_logout),
        "state": secrets.token_urlsafe(16),
    }
    return f"{endpoint}?{urlencode(query)}"


STAFF_LOGIN_HINT = (
    "Membres de l'équipe (coachs, modérateurs, administrateurs) : connectez-vous avec ProConnect, "
    "la connexion par mot de passe leur est fermée."
)


class StaffThroughProConnectOnlyBackend:
    """With FABRIQUE_STAFF_PROCONNECT_ONLY, vetoes a staff account's password login (site and /admin/)."""

    def authenticate(self, request, password=None, **credentials):
        if not settings.FABRIQUE_STAFF_PROCONNECT_ONLY or password is None:
            return None
        login = credentials.get("email") or credentials.get("username") or ""
        if (
            login
            and get_user_model()
            .objects.filter(Q(email__iexact=login) | Q(username=login), is_staff=True)
            .exists()
        ):
            raise PermissionDenied  # stops Django's authenticate: no later backend checks the password
        return None
