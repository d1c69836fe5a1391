"""Posting in a group: questions with mentions, replies, files, the edit window, the « résolu »
mark, the rate limit and the site-wide ban — through the pages, as members use them."""

from datetime import timedelta

from django.core import mail
from django.test import override_settings

import pytest

from community.discussions.models import Message, PostingBan, Thread
from community.groups.models import GroupVisibility
from tests.community.discussions.factories import join, make_group, make_person, make_thread
from tests.resources.library.factories import EXE, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def group():
    return make_group()


@pytest.fixture
def alice(group):
    return join(group, make_person("alice", "alice.martin"))


@pytest.fixture
def bruno(group):
    return join(group, make_person("bruno", "bruno.leroy"))


def new_thread(client, group, **data):
    fields = {"title": "Qui a déjà recruté en CDD ?", "kind": "question", "body": "Merci @bruno.leroy !"}
    fields.update(data)
    return client.post(f"/groupes/{group.slug}/discussions/nouveau/", fields)


def test_a_member_opens_a_question_mentioning_a_member_who_is_notified(client, group, alice, bruno):
    client.force_login(alice)
    response = new_thread(client, group)
    thread = Thread.objects.get()
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    page = client.get(thread.get_absolute_url()).content.decode()
    assert '<a href="/membres/bruno.leroy/" class="mention" rel="nofollow ugc">@bruno.leroy</a>' in page
    assert [message.to for message in mail.outbox] == [[bruno.email]]
    assert "Vous êtes mentionné·e" in mail.outbox[0].subject
    assert "/discussions/desabonnement/" in mail.outbox[0].body
    assert mail.outbox[0].extra_headers["List-Unsubscribe"].startswith("<http://testserver/discussions/")


def test_no_email_for_a_mention_the_member_may_not_read(client, alice):
    private = make_group("secret", visibility=GroupVisibility.PRIVATE)
    join(private, alice)
    outsider = make_person("olivier", "olivier.dupuis")
    client.force_login(alice)
    new_thread(client, private, body="Qu'en penses-tu @olivier.dupuis ?")
    assert Thread.objects.filter(group=private).exists()
    assert mail.outbox == []
    assert outsider.email not in [address for message in mail.outbox for address in message.to]


def test_a_reply_notifies_the_thread_author_and_links_are_nofollow(client, group, alice, bruno):
    thread = make_thread(group, alice)
    client.force_login(bruno)
    response = client.post(thread.get_absolute_url(), {"body": "Voir [la fiche](https://beta.gouv.fr/)"})
    assert response.status_code == 302 and "#message-" in response["Location"]
    page = client.get(thread.get_absolute_url()).content.decode()
    assert '<a href="https://beta.gouv.fr/" rel="nofollow ugc">la fiche</a>' in page
    assert [message.to for message in mail.outbox] == [[alice.email]]
    assert "Nouvelle réponse" in mail.outbox[0].subject


def test_raw_html_and_remote_images_never_render(client, group, alice):
    client.force_login(alice)
    new_thread(
        client, group, body='<img src="https://pisteur.example/p.png"> ![x](https://pisteur.example/i.png)'
    )
    page = client.get(Thread.objects.get().get_absolute_url()).content.decode()
    assert "<img" not in page.split('class="fr-card__desc discussions-body">', 1)[1].split("</div>", 1)[0]
    assert "&lt;img" in page


def test_attachments_go_through_the_upload_check(client, group, alice, bruno):
    thread = make_thread(group, alice)
    client.force_login(bruno)
    refused = client.post(
        thread.get_absolute_url(), {"body": "Le programme", "attachments": [upload("prog.pdf", EXE)]}
    )
    assert refused.status_code == 400
    assert "ne correspond pas à un fichier .pdf" in refused.content.decode()
    assert thread.messages.count() == 1
    client.post(thread.get_absolute_url(), {"body": "Le modèle", "attachments": [upload("modele.pdf")]})
    attachment = thread.messages.last().attachments.get()
    url = f"/groupes/{group.slug}/discussions/pieces-jointes/{attachment.pk}/"
    assert url in client.get(thread.get_absolute_url()).content.decode()
    assert client.get(url).status_code == 200


def test_attachments_of_a_private_group_stay_private(client, alice):
    private = make_group("secret", visibility=GroupVisibility.PRIVATE)
    join(private, alice)
    client.force_login(alice)
    new_thread(client, private, body="Le budget", attachments=[upload("budget.pdf")])
    attachment = Message.objects.get().attachments.get()
    url = f"/groupes/secret/discussions/pieces-jointes/{attachment.pk}/"
    assert client.get(url).status_code == 200
    client.force_login(make_person("olivier"))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 404


def test_edit_within_the_window_marks_the_message_modified(client, group, alice, bruno):
    thread = make_thread(group, alice, body="Premier jet")
    message = thread.messages.get()
    edit_url = f"/groupes/{group.slug}/discussions/messages/{message.pk}/modifier/"
    client.force_login(bruno)
    assert client.get(edit_url).status_code == 403
    client.force_login(alice)
    assert client.post(edit_url, {"body": "Version corrigée"}).status_code == 302
    page = client.get(thread.get_absolute_url()).content.decode()
    assert "Version corrigée" in page and "Premier jet" not in page and ">modifié</span>" in page
    Message.objects.filter(pk=message.pk).update(created_at=message.created_at - timedelta(minutes=16))
    assert client.post(edit_url, {"body": "Trop tard"}).status_code == 403
    assert Message.objects.get(pk=message.pk).body == "Version corrigée"


def test_resolved_by_the_author_or_a_coordinator_only(client, group, alice, bruno):
    coordinator = join(group, make_person("coline"), coordinator=True)
    thread = make_thread(group, alice)
    url = f"/groupes/{group.slug}/discussions/{thread.pk}/resolu/"
    client.force_login(bruno)
    assert client.post(url, {"resolu": "1"}).status_code == 403
    assert Thread.objects.get().resolved_at is None
    client.force_login(alice)
    client.post(url, {"resolu": "1"})
    assert Thread.objects.get().resolved_by == alice
    assert 'id="resolu"' in client.get(thread.get_absolute_url()).content.decode()
    client.force_login(coordinator)
    client.post(url, {"resolu": "0"})
    assert Thread.objects.get().resolved_at is None
    client.post(url, {"resolu": "1"})
    assert Thread.objects.get().resolved_by == coordinator


@override_settings(FABRIQUE_RATE_LIMIT=2)
def test_posting_too_fast_is_refused_in_french(client, group, alice):
    thread = make_thread(group, alice)
    client.force_login(alice)
    for body in ("un", "deux"):
        assert client.post(thread.get_absolute_url(), {"body": body}).status_code == 302
    response = client.post(thread.get_absolute_url(), {"body": "trois"})
    assert response.status_code == 429
    assert "Trop de tentatives en peu de temps" in response.content.decode()
    assert "trois" in response.content.decode()  # the text typed is given back, not lost
    assert thread.messages.count() == 3


def test_a_banned_member_cannot_post_anywhere(client, group, alice):
    other = make_group("autre-groupe")
    join(other, alice)
    thread = make_thread(group, alice)
    PostingBan.objects.create(user=alice, reason="Messages injurieux répétés")
    client.force_login(alice)
    assert client.post(thread.get_absolute_url(), {"body": "encore"}).status_code == 403
    assert new_thread(client, other).status_code == 403
    assert "ne peut plus publier" in client.get(thread.get_absolute_url()).content.decode()
    assert Message.objects.count() == 1


def test_site_moderators_ban_in_the_admin(client, alice):
    moderator = make_person("moderatrice", groups=["Modérateurs"])
    client.force_login(moderator)
    response = client.post("/admin/posting_bans/new/", {"user": alice.pk, "reason": "Spam", "until": ""})
    assert response.status_code == 302, response.content.decode()[:2000]
    ban = PostingBan.objects.get()
    assert ban.user == alice and ban.created_by == moderator
    client.force_login(make_person("simple"))
    assert client.get("/admin/posting_bans/").status_code in (302, 403)
