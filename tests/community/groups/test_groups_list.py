"""The group list: facets with counts, « mes groupes », member counts and activity columns."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
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


def order_in(html, names):
    return sorted(names, key=html.index)


def test_sorts_by_activity_recency_and_name_in_a_flat_number_of_queries(client, home, roles, make_group):
    author = roles["membre_du_groupe"]
    busy, lively = make_group("public", name="Bêta Quokka"), make_group("public", name="Delta Quokka")
    dormant, silent = make_group("public", name="Alpha Quokka"), make_group("public", name="Gamma Quokka")
    muted = make_group("public", name="Epsilon Quokka")
    for group, count in ((busy, 3), (lively, 1), (dormant, 1), (muted, 4)):
        thread = make_thread(group, author)
        for _ in range(count - 1):
            Message.objects.create(thread=thread, author=author, body="Encore.")
    Message.objects.filter(thread__group=dormant).update(created_at=timezone.now() - timedelta(days=40))
    Message.objects.filter(thread__group=muted).update(hidden=True)  # moderated: not activity
    for days, group in enumerate((silent, muted, busy, dormant, lively)):
        type(group).objects.filter(pk=group.pk).update(created_at=timezone.now() - timedelta(days=days))
    names = ["Alpha Quokka", "Bêta Quokka", "Delta Quokka", "Epsilon Quokka", "Gamma Quokka"]

    client.force_login(roles["membre"])
    html = client.get("/groupes/").content.decode()  # « les plus actifs » by default
    assert '<option value="actifs" selected>Les plus actifs</option>' in html
    expected = ["Bêta Quokka", "Delta Quokka", "Alpha Quokka", "Epsilon Quokka", "Gamma Quokka"]
    assert order_in(html, names) == expected
    html = client.get("/groupes/", {"tri": "recent"}).content.decode()
    assert order_in(html, names) == [
        "Gamma Quokka",
        "Epsilon Quokka",
        "Bêta Quokka",
        "Alpha Quokka",
        "Delta Quokka",
    ]
    assert order_in(client.get("/groupes/", {"tri": "nom"}).content.decode(), names) == names

    def queries(sort):
        client.get("/groupes/", {"tri": sort})  # warm: menus and fragments re-read after a change
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/groupes/", {"tri": sort}).status_code == 200
        return len(captured)

    before = {sort: queries(sort) for sort in ("actifs", "recent", "nom")}
    for index in range(12):
        group = make_group("public", name=f"Zêta Quokka {index}")
        thread = make_thread(group, author)
        Message.objects.create(thread=thread, author=author, body="Réponse.")
    assert {sort: queries(sort) for sort in ("actifs", "recent", "nom")} == before
