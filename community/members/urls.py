"""Routes of accounts (French paths for allauth, /compte/…) and members (/membres/…).

allauth reverses its views by name (`account_login`…): we declare those names on French paths
first, then add allauth's remaining views (email management, reauthentication, SSO) unchanged,
minus the names already declared, so that every name resolves to exactly one path.
"""

from django.urls import include, path, re_path

from allauth.account import urls as allauth_account_urls
from allauth.account import views as account_views
from allauth.urls import build_provider_urlpatterns

from . import proconnect, views

french_account_urls = [
    path("connexion/", account_views.login, name="account_login"),
    path("deconnexion/", account_views.logout, name="account_logout"),
    path("inscription/", account_views.signup, name="account_signup"),
    path("inactif/", account_views.account_inactive, name="account_inactive"),
    path("courriel/", account_views.email, name="account_email"),
    path(
        "courriel/verification/",
        account_views.email_verification_sent,
        name="account_email_verification_sent",
    ),
    re_path(
        r"^courriel/confirmer/(?P<key>[-:\w]+)/$", account_views.confirm_email, name="account_confirm_email"
    ),
    path("mot-de-passe/modifier/", account_views.password_change, name="account_change_password"),
    path("mot-de-passe/definir/", account_views.password_set, name="account_set_password"),
    path("mot-de-passe/oublie/", account_views.password_reset, name="account_reset_password"),
    path(
        "mot-de-passe/oublie/envoye/", account_views.password_reset_done, name="account_reset_password_done"
    ),
    re_path(
        r"^mot-de-passe/nouveau/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$",
        account_views.password_reset_from_key,
        name="account_reset_password_from_key",
    ),
    path(
        "mot-de-passe/nouveau/fait/",
        account_views.password_reset_from_key_done,
        name="account_reset_password_from_key_done",
    ),
]
_declared = {pattern.name for pattern in french_account_urls}
remaining_account_urls = [
    pattern for pattern in allauth_account_urls.urlpatterns if getattr(pattern, "name", None) not in _declared
]

account_urlpatterns = [
    path("profil/", views.profile_edit, name="profile_edit"),
    path("profil/fiche/", views.claim_fiche, name="claim_fiche"),
    path("profil/courriels/", views.email_preferences, name="email_preferences"),
    path("desabonnement/<str:token>/", views.email_unsubscribe, name="email_unsubscribe"),
    path("profil/missions/ajouter/", views.mission_add, name="mission_add"),
    path("profil/missions/<int:pk>/terminer/", views.mission_end, name="mission_end"),
    path("profil/missions/<int:pk>/retirer/", views.mission_withdraw, name="mission_withdraw"),
    *french_account_urls,
    *remaining_account_urls,
    # State SSO (OpenID Connect): routes exist, no provider is offered until configured (README).
    path("sso/", include("allauth.socialaccount.urls")),
    # Same path as allauth's OpenID Connect callback, matched first: ProConnect's checks (proconnect.py).
    path("oidc/<str:provider_id>/login/callback/", proconnect.callback, name="proconnect_callback"),
    *build_provider_urlpatterns(),
]

urlpatterns = [
    path("compte/", include(account_urlpatterns)),
    path("membres/", views.directory, name="member_directory"),
    # Imported beta.gouv.fr identifiers contain dots (prenom.nom): not a strict slug.
    path("membres/<str:slug>/", views.member_detail, name="member_detail"),
]
