"""Contact requests: sent through the site without any address, accepted or declined, rate-limited."""

import html

from django.core import mail

import pytest

from community.mentoring.models import MentoringRequest
from tests.community.members.factories import make_coach, make_user
from tests.exports import download

pytestmark = pytest.mark.django_db


def ask(client, network, message="Bonjour Léa, je prépare notre passage en accélération."):
    client.force_login(network["seeker"].user)
    return client.post(f"/mentorat/demander/{network['mentor'].slug}/", {"message": message})


def answer(client, network, decision):
    sent = MentoringRequest.objects.get()
    client.force_login(network["mentor"].user)
    return client.post(f"/mentorat/demandes/{sent.pk}/repondre/", {"decision": decision})


def test_the_request_form_shows_no_address(client, network):
    client.force_login(network["seeker"].user)
    response = client.get(f"/mentorat/demander/{network['mentor'].slug}/")
    assert response.status_code == 200
    assert network["mentor"].user.email not in response.content.decode()


def test_a_request_reaches_the_mentor_who_accepts(client, network):
    assert ask(client, network).status_code == 302
    sent = MentoringRequest.objects.get()
    assert (sent.requester, sent.mentor, sent.status) == (network["seeker"], network["mentor"], "en_attente")
    assert "peut aider sur : Recrutement" in sent.reasons
    [notice] = mail.outbox
    assert notice.to == [network["mentor"].user.email]
    assert network["seeker"].user.email not in notice.body  # addresses only after an acceptance
    assert "/mentorat/demandes/" in notice.body

    client.force_login(network["mentor"].user)
    page = html.unescape(client.get("/mentorat/demandes/").content.decode())
    assert 'data-status="en_attente"' in page and "je prépare notre passage" in page
    assert answer(client, network, "accepter").status_code == 302
    sent.refresh_from_db()
    assert sent.status == MentoringRequest.ACCEPTED and sent.answered_at
    reply = mail.outbox[-1]
    assert reply.to == [network["seeker"].user.email]
    assert network["mentor"].user.email in reply.body
    client.force_login(network["seeker"].user)
    page = client.get("/mentorat/demandes/").content.decode()
    assert 'data-status="acceptee"' in page and network["mentor"].user.email in page


def test_a_declined_request_shares_no_address(client, network):
    ask(client, network)
    answer(client, network, "decliner")
    sent = MentoringRequest.objects.get()
    assert sent.status == MentoringRequest.DECLINED
    assert network["mentor"].user.email not in mail.outbox[-1].body
    client.force_login(network["seeker"].user)
    assert network["mentor"].user.email not in client.get("/mentorat/demandes/").content.decode()


def test_only_the_mentor_answers_once(client, network):
    ask(client, network)
    sent = MentoringRequest.objects.get()
    client.force_login(network["teammate"].user)
    assert client.post(f"/mentorat/demandes/{sent.pk}/repondre/", {"decision": "accepter"}).status_code == 404
    answer(client, network, "decliner")
    answer(client, network, "accepter")
    assert MentoringRequest.objects.get().status == MentoringRequest.DECLINED


@pytest.mark.parametrize("person", ["teammate", "newcomer", "hidden"])
def test_no_request_to_someone_not_suggested(client, network, person):
    client.force_login(network["seeker"].user)
    response = client.post(f"/mentorat/demander/{network[person].slug}/", {"message": "Bonjour"})
    assert response.status_code == 404
    assert not MentoringRequest.objects.exists() and not mail.outbox


def test_an_empty_message_is_refused_in_french(client, network):
    response = ask(client, network, message="  ")
    assert response.status_code == 400
    assert "Écrivez un message" in html.unescape(response.content.decode())


def test_requests_are_rate_limited(client, network, settings):
    settings.FABRIQUE_RATE_LIMIT = 2
    assert ask(client, network).status_code == 302
    second = ask(client, network)
    assert second.status_code == 400  # one pending request per pair
    assert "déjà une demande en attente" in html.unescape(second.content.decode())
    third = ask(client, network)
    assert third.status_code == 429
    assert "Trop de tentatives" in html.unescape(third.content.decode())
    assert MentoringRequest.objects.count() == 1


def test_coaches_see_matches_made_and_accepted(client, network):
    ask(client, network)
    answer(client, network, "accepter")
    coach = make_coach("coach-mentorat")
    client.force_login(coach)
    page = client.get("/admin/mentorat/").content.decode()
    assert "data-total-sent>1<" in page and "data-total-accepted>1<" in page
    rows = download(client, "/admin/mentorat/", "csv")
    assert rows[0] == ["Mois", "Demandes envoyées", "Acceptées", "Déclinées", "En attente"]
    assert rows[1][1:] == ["1", "1", "0", "0"]
    assert "je prépare" not in str(rows)  # message texts are never reported
    client.force_login(make_user("simple-membre"))
    assert client.get("/admin/mentorat/").status_code in (302, 403)
