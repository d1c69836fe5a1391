"""The group list: facets with counts, « mes groupes », member counts and activity columns."""

from datetime import timedelta

from django.utils import timezone

import pytest

from community.discussions.models import Message
from tests.community.discussions.factories import make_thread
from tests.community.groups.factories import GroupFactory, join
from tests.core.taxonomy.factories import ThematiqueFactory

pytestmark = pytest.mark.django_db


def card_of(html, name):
    start = html.index(name)
    end = html.find('class="fr-card__title"', start)
    return html[start : end if end > 0 else len(html)]


def test_facets_count_readable_groups_and_filter(client, home, roles, make_group):
    sante = ThematiqueFactory(slug="sante", name="Santé")
    open_group = make_group("public", name="Club Quokka santé", kind="club-metier")
    open_group.thematiques.add(sante)
    hidden = make_group("prive", name="Cercle Quokka caché", kind="club-metier")
    hidden.thematiques.add(sante)
    make_group("membres", name="Projet Quokka transverse", kind="projet-transverse")

    html = client.get("/groupes/").content.decode()
    assert "Club métier (1)" in html  # the private group is not counted for the visitor
    assert "Santé (1)" in html
    html = client.get("/groupes/", {"type": "club-metier"}).content.decode()
    assert "Club Quokka santé" in html and "Projet Quokka" not in html and "Cercle Quokka" not in html

    client.force_login(roles["coordination"])
    html = client.get("/groupes/", {"mes": "oui"}).content.decode()
    assert "Club métier (2)" in html
    assert "Seulement mes groupes (3)" in html


def test_member_counts_and_activity(client, home, roles, make_group):
    group = make_group("public", name="Club Quokka actif")
    quiet = GroupFactory(name="Club Quokka calme")
    join(quiet, roles["membre"], status="demande")  # a request is not a member
    thread = make_thread(group, roles["membre_du_groupe"])
    reply = Message.objects.create(thread=thread, author=roles["coordination"], body="Une réponse.")
    Message.objects.create(thread=thread, author=roles["coordination"], body="Masqué.", hidden=True)
    old = Message.objects.create(thread=thread, author=roles["coordination"], body="Ancien.")
    Message.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=40))

    html = client.get("/groupes/").content.decode()
    active, calm = card_of(html, "Club Quokka actif"), card_of(html, "Club Quokka calme")
    assert "2 membres" in active and "0 membre" in calm
    # The opening message and the reply; neither the hidden one nor last month's.
    assert "2 messages ce mois-ci" in active
    assert reply.created_at.astimezone(timezone.get_current_timezone()).strftime("%Y") in active
    assert "Aucun message pour l'instant" in calm.replace("&#x27;", "'")
