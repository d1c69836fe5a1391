"""« Mes courriels » on the account page and the one-click unsubscribe link (RFC 8058)."""

import html

from django.test import Client

import pytest

from community.members.models import MEMBER_DIGEST, ONBOARDING_NUDGE, STAFF_DIGEST, EmailPreferences
from community.members.subscriptions import list_unsubscribe_headers, unsubscribe_token
from tests.community.members.factories import make_user

pytestmark = pytest.mark.django_db


def preferences(user) -> EmailPreferences:
    return EmailPreferences.objects.get(user=user)


def test_the_account_page_offers_the_member_digest_and_reminders(client, home):
    user = make_user("lea")
    client.force_login(user)
    page = html.unescape(client.get("/compte/profil/").content.decode())
    assert "Mes courriels" in page
    assert 'name="member_digest"' in page and 'name="onboarding_reminders"' in page
    assert 'name="staff_digest"' not in page  # only for coaches and moderators
    response = client.post("/compte/profil/courriels/", {"member_digest": "on"})
    assert response.status_code == 302 and response["Location"] == "/compte/profil/"
    saved = preferences(user)
    assert saved.member_digest and not saved.onboarding_reminders and saved.staff_digest


def test_coaches_can_turn_their_weekly_digest_off(client, home):
    coach = make_user("coach", ["Coachs"])
    client.force_login(coach)
    assert 'name="staff_digest"' in client.get("/compte/profil/").content.decode()
    client.post("/compte/profil/courriels/", {"onboarding_reminders": "on"})
    assert not preferences(coach).staff_digest


def test_preferences_need_a_login_and_a_post(client, home):
    response = client.post("/compte/profil/courriels/", {"member_digest": "on"})
    assert response.status_code == 302 and response["Location"].startswith("/compte/connexion/")
    client.force_login(make_user("lea"))
    assert client.get("/compte/profil/courriels/").status_code == 405
    assert not EmailPreferences.objects.exists()


def unsubscribe_path(user, kind):
    return (
        list_unsubscribe_headers(user, kind)["List-Unsubscribe"].strip("<>").removeprefix("http://testserver")
    )


def test_opening_the_link_changes_nothing_and_the_button_unsubscribes(client, home):
    user = make_user("lea")
    EmailPreferences.objects.create(user=user, member_digest=True)
    path = unsubscribe_path(user, MEMBER_DIGEST)
    page = html.unescape(client.get(path).content.decode())  # what a mail scanner does
    assert "Nouveautés pour mon rôle et ma phase" in page and "Me désabonner" in page
    assert preferences(user).member_digest
    response = client.post(path)
    assert response.status_code == 200
    assert "Vous êtes désabonné" in html.unescape(response.content.decode())
    saved = preferences(user)
    assert not saved.member_digest and saved.onboarding_reminders  # only that kind


def test_a_mail_client_one_click_post_needs_no_cookie_nor_csrf_token(home):
    coach = make_user("coach", ["Coachs"])
    mail_client = Client(enforce_csrf_checks=True)
    response = mail_client.post(
        unsubscribe_path(coach, STAFF_DIGEST),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert not preferences(coach).staff_digest
    # Again: still off, still fine.
    assert mail_client.post(unsubscribe_path(coach, STAFF_DIGEST)).status_code == 200
    assert not preferences(coach).staff_digest


def test_an_altered_link_is_refused_in_french_and_changes_nothing(client, home):
    user = make_user("lea")
    token = unsubscribe_token(user, ONBOARDING_NUDGE)
    for bad in (
        token[:-2] + "xx",
        "n-importe-quoi",
        unsubscribe_token(user, ONBOARDING_NUDGE).replace("e", "f", 1),
    ):
        response = client.post(f"/compte/desabonnement/{bad}/")
        assert response.status_code == 404
        assert "Ce lien de désabonnement n'est pas valide" in html.unescape(response.content.decode())
    assert not EmailPreferences.objects.exists()


def test_the_unsubscribe_page_is_never_cached_for_anonymous_visitors(client, home):
    user = make_user("lea")
    path = unsubscribe_path(user, MEMBER_DIGEST)
    client.get(path)
    client.post(path)
    assert "Vous êtes désabonné" not in html.unescape(client.get(path).content.decode())
