"""Notification choices per group, the daily digest, the unsubscribe link; never an unreadable email."""

from io import StringIO

from django.core import mail
from django.core.management import call_command

import pytest

from community.discussions.models import Frequency, GroupNotification, PersonalNotification
from community.discussions.notifications import unsubscribe_token
from community.groups.models import GroupVisibility, Membership
from tests.community.discussions.factories import join, make_group, make_person, make_thread

pytestmark = pytest.mark.django_db


def digest(capture):
    mail.outbox.clear()
    with capture(execute=True):
        call_command("send_discussion_digests", stdout=StringIO())
    return {address: email for email in mail.outbox for address in email.to}


def test_each_member_chooses_every_message_digest_or_nothing(client, django_capture_on_commit_callbacks):
    group = make_group()
    author = join(group, make_person("alice"))
    eager, daily, silent = (join(group, make_person(name)) for name in ("eve", "dan", "sam"))
    for user, frequency in ((eager, "chaque"), (silent, "aucun")):
        client.force_login(user)
        response = client.post(
            f"/groupes/{group.slug}/discussions/notifications/",
            {"frequency": frequency, "mentions": "on", "replies": "on"},
        )
        assert response.status_code == 302
    client.force_login(author)
    client.post(
        f"/groupes/{group.slug}/discussions/nouveau/",
        {"title": "Atelier", "kind": "discussion", "body": "Jeudi"},
    )
    assert [email.to for email in mail.outbox] == [[eager.email]]
    sent = digest(django_capture_on_commit_callbacks)
    assert set(sent) == {daily.email}
    assert "Jeudi" in sent[daily.email].body
    assert digest(django_capture_on_commit_callbacks) == {}  # once a day


def test_no_digest_of_a_private_group_after_leaving_it(django_capture_on_commit_callbacks):
    group = make_group("secret", visibility=GroupVisibility.PRIVATE)
    author = join(group, make_person("alice"))
    former = join(group, make_person("bruno"))
    GroupNotification.objects.create(user=former, group=group, frequency=Frequency.DAILY)
    Membership.objects.filter(user=former).delete()
    make_thread(group, author, body="Confidentiel")
    assert former.email not in digest(django_capture_on_commit_callbacks)


def test_replies_notify_unless_turned_off(client):
    group = make_group()
    author, replier = join(group, make_person("alice")), join(group, make_person("bruno"))
    thread = make_thread(group, author)
    PersonalNotification.objects.create(user=author, replies=False)
    client.force_login(replier)
    client.post(thread.get_absolute_url(), {"body": "Réponse"})
    assert mail.outbox == []


def test_the_unsubscribe_link_works_without_login(client):
    group = make_group()
    user = join(group, make_person("alice"))
    token = unsubscribe_token(user, f"groupe:{group.pk}")
    page = client.get(f"/discussions/desabonnement/{token}/")
    assert page.status_code == 200 and "Me désabonner" in page.content.decode()
    response = client.post(f"/discussions/desabonnement/{token}/")
    assert "Vous êtes désabonné" in response.content.decode()
    assert GroupNotification.objects.get(user=user, group=group).frequency == Frequency.NONE
    client.post(f"/discussions/desabonnement/{unsubscribe_token(user, 'mentions')}/")
    assert PersonalNotification.objects.get(user=user).mentions is False
    assert client.get("/discussions/desabonnement/falsifie/").status_code == 404
