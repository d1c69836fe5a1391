"""'Proposer une amélioration' on a guide page reaches the guide's coach: admin listing and email."""

from django.core import mail
from django.test import Client

import pytest

from resources.guides.models import CorrectionProposal
from tests.exports import download
from tests.resources.guides.factories import GuidePageFactory

pytestmark = pytest.mark.django_db

TEXT = "La section sur le financement devrait citer le fonds d'accélération."


@pytest.fixture
def guide(sections, people):
    return GuidePageFactory(parent=sections["guides"], title="Financer sa startup", coach=people["coach"])


def improve_url(page):
    return f"/ameliorer/{page.pk}/"


def test_guide_page_offers_the_form_to_members_and_login_to_visitors(client, guide, people):
    html = client.get(guide.url).content.decode()
    assert "Proposer une amélioration" in html
    assert "Connectez-vous" in html
    assert f'action="{improve_url(guide)}"' not in html
    client.force_login(people["member"])
    html = client.get(guide.url).content.decode()
    assert f'action="{improve_url(guide)}"' in html


def test_proposal_reaches_the_guide_coach_only(client, guide, people):
    client.force_login(people["member"])
    mail.outbox.clear()
    response = client.post(improve_url(guide), {"text": TEXT})
    assert response.status_code == 302
    assert response["Location"] == guide.url

    proposal = CorrectionProposal.objects.get()
    assert (proposal.page_id, proposal.author, proposal.assignee) == (
        guide.pk,
        people["member"],
        people["coach"],
    )
    assert [message.to for message in mail.outbox] == [[people["coach"].email]]
    assert TEXT in mail.outbox[0].body and "Financer sa startup" in mail.outbox[0].subject
    assert guide.url in mail.outbox[0].body

    # In the admin: the coach sees it with the text and a link to the page; the other coach does not.
    client.force_login(people["coach"])
    response = client.get("/admin/propositions/")
    assert response.status_code == 200
    html = response.content.decode()
    assert TEXT.replace("'", "&#x27;") in html and guide.url in html
    client.force_login(people["coach2"])
    assert TEXT.replace("'", "&#x27;") not in client.get("/admin/propositions/").content.decode()
    # Administrators see every proposal; members and moderators have no access.
    client.force_login(people["admin"])
    assert "Financer sa startup" in client.get("/admin/propositions/").content.decode()
    for who in ("member", "moderator"):
        client.force_login(people[who])
        assert client.get("/admin/propositions/").status_code in (302, 403)

    # The coach marks it as dealt with.
    client.force_login(people["coach"])
    client.post("/admin/propositions/", {"proposal": proposal.pk, "done": "1"})
    proposal.refresh_from_db()
    assert proposal.done


def test_guide_without_coach_reaches_the_coachs_group(client, sections, people):
    orphan = GuidePageFactory(parent=sections["guides"], title="Guide sans coach")
    client.force_login(people["member"])
    mail.outbox.clear()
    client.post(improve_url(orphan), {"text": TEXT})
    assert sorted(mail.outbox[0].to) == sorted([people["coach"].email, people["coach2"].email])
    client.force_login(people["coach2"])
    assert "Guide sans coach" in client.get("/admin/propositions/").content.decode()


def test_bad_proposals_are_refused_without_writing(client, guide, people):
    assert client.post(improve_url(guide), {"text": TEXT}).status_code == 302  # anonymous -> login
    client.force_login(people["member"])
    response = client.post(improve_url(guide), {"text": ""})
    assert response.status_code == 400
    assert "Champ requis." in response.content.decode()
    assert client.post(improve_url(guide), {"text": TEXT, "site_web": "x"}).status_code == 302  # honeypot
    assert client.post("/ameliorer/999999/", {"text": TEXT}).status_code == 404
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(people["member"])
    assert csrf_client.post(improve_url(guide), {"text": TEXT}).status_code == 403
    assert not CorrectionProposal.objects.exists()
    assert mail.outbox == []


@pytest.mark.parametrize("export_format", ["csv", "xlsx"])
def test_a_coach_downloads_the_proposals_they_see(client, guide, sections, people, export_format):
    CorrectionProposal.objects.create(
        page=guide, author=people["member"], assignee=people["coach"], text=TEXT
    )
    other = GuidePageFactory(
        parent=sections["guides"], title="Guide d'un autre coach", coach=people["coach2"]
    )
    CorrectionProposal.objects.create(
        page=other, author=people["member"], assignee=people["coach2"], text="-1"
    )
    client.force_login(people["coach"])
    heading, *rows = download(client, "/admin/propositions/", export_format)
    assert heading == ["Page", "Chemin de la page", "Proposition", "Proposé par", "Reçue le", "État"]
    assert len(rows) == 1  # the other coach's guide stays out
    assert rows[0][:4] == ["Financer sa startup", guide.url_path, TEXT, "membre (membre@beta.gouv.fr)"]
    assert rows[0][5] == "à traiter"
    client.force_login(people["admin"])
    rows = download(client, "/admin/propositions/", "csv")[1:]
    assert sorted(row[2] for row in rows) == ["'-1", TEXT]  # a formula-like text stays text


def test_members_and_moderators_cannot_download_proposals(client, guide, people):
    CorrectionProposal.objects.create(page=guide, author=people["member"], text=TEXT)
    assert client.get("/admin/propositions/", {"export": "csv"}).status_code == 302
    for who in ("member", "moderator"):
        client.force_login(people[who])
        response = client.get("/admin/propositions/", {"export": "csv"})
        assert response.status_code in (302, 403)
        assert not response.get("Content-Disposition")
