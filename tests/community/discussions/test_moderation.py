"""Reports and moderation: a hidden message leaves the page, search and digests; the history stays."""

from io import StringIO

from django.core import mail
from django.core.management import call_command

import pytest

from community.discussions import moderation, posting
from community.discussions.models import ModerationAction, Report
from community.health.contributions import group_messages
from tests.community.discussions.factories import join, make_group, make_person, make_thread

pytestmark = pytest.mark.django_db

INSULT = "Propos injurieux zygomorphe"


@pytest.fixture
def setting():
    group = make_group()
    author = join(group, make_person("alice"))
    reader = join(group, make_person("bruno"))
    coordinator = join(group, make_person("coline"), coordinator=True)
    thread = make_thread(group, author, title="Organisation du séminaire", body=INSULT)
    return group, thread, thread.messages.get(), author, reader, coordinator


def test_a_member_reports_and_a_coordinator_hides_then_restores(client, setting):
    group, thread, message, author, reader, coordinator = setting
    base = f"/groupes/{group.slug}/discussions/messages/{message.pk}/"
    client.force_login(reader)
    assert client.post(base + "signaler/", {"reason": ""}).status_code == 400
    client.post(base + "signaler/", {"reason": "Insulte"})
    assert Report.objects.get().reason == "Insulte"
    assert client.post(base + "moderer/", {"masquer": "1", "reason": "x"}).status_code == 403

    client.force_login(coordinator)
    client.post(base + "moderer/", {"masquer": "1", "reason": "Insulte envers un membre"})
    message.refresh_from_db()
    assert message.hidden and Report.objects.get().handled_at is not None

    for who in (None, reader, author):
        client.logout() if who is None else client.force_login(who)
        # The opening message is hidden: the whole thread, title included, leaves non-moderators.
        response = client.get(thread.get_absolute_url())
        assert response.status_code == 404 and INSULT not in response.content.decode()
        assert INSULT not in client.get("/recherche/", {"q": "zygomorphe"}).content.decode()

    client.force_login(coordinator)
    client.post(base + "moderer/", {"masquer": "0", "reason": "Erreur de ma part"})
    assert INSULT in client.get(thread.get_absolute_url()).content.decode()
    history = list(ModerationAction.objects.values_list("action", "reason"))
    assert history == [("masquage", "Insulte envers un membre"), ("restauration", "Erreur de ma part")]


def test_site_moderators_moderate_every_group(client, setting):
    group, thread, message, *_ = setting
    client.force_login(make_person("moderatrice", groups=["Modérateurs"]))
    client.post(
        f"/groupes/{group.slug}/discussions/messages/{message.pk}/moderer/",
        {"masquer": "1", "reason": "Spam"},
    )
    message.refresh_from_db()
    assert message.hidden and message.hidden_reason == "Spam"


def test_a_hidden_message_is_left_out_of_the_digest(setting, django_capture_on_commit_callbacks):
    group, thread, message, author, reader, coordinator = setting
    make_thread(group, author, title="Ordre du jour", body="Le programme visible")
    message.hidden = True
    message.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_discussion_digests", stdout=StringIO())
    bodies = {tuple(email.to): email.body for email in mail.outbox}
    assert set(bodies) == {(reader.email,), (coordinator.email,)}
    for body in bodies.values():
        assert "Le programme visible" in body and INSULT not in body


def test_hiding_the_opening_message_hides_the_thread_title_except_from_its_moderators(client, setting):
    group, thread, message, author, reader, coordinator = setting
    reply = posting.reply(thread, reader, body="Une réponse correcte")
    moderation.set_hidden(message, coordinator, hidden=True, reason="Titre injurieux")
    title, url = "Organisation du séminaire", f"/groupes/{group.slug}/discussions/{thread.pk}/"
    client.force_login(reader)
    for page in (f"/groupes/{group.slug}/", f"/groupes/{group.slug}/discussions/"):
        assert title not in client.get(page).content.decode()
    assert client.get(url).status_code == 404
    assert title not in client.get("/recherche/", {"q": "séminaire"}).content.decode()
    assert [c.title for c in group_messages(None, [reader.member.pk])] == []
    client.force_login(coordinator)
    assert title in client.get(f"/groupes/{group.slug}/discussions/").content.decode()
    assert client.get(url).status_code == 200
    moderation.set_hidden(message, coordinator, hidden=False, reason="Rétabli après relecture")
    client.force_login(reader)
    assert client.get(url).status_code == 200 and reply.body in client.get(url).content.decode()
