"""A member proposes a resource: a draft in moderation, invisible until approved, then credited."""

from django.core import mail

from wagtail.models import WorkflowState

import pytest

from resources.library.models import ResourcePage
from tests.admin_helpers import workflow_action
from tests.core.taxonomy.factories import PhaseFactory
from tests.resources.library.factories import ContributionPageFactory, ResourceKindFactory, upload

pytestmark = pytest.mark.django_db

TITLE = "Gabarit Quokka de revue de sprint"


@pytest.fixture
def contribuer(sections, home):
    return ContributionPageFactory(parent=home)


@pytest.fixture
def kind(db):
    return ResourceKindFactory(slug="modele", name="Modèle")


def proposal(kind, **overrides):
    data = {
        "title": TITLE,
        "intro": "Un modèle pour préparer la revue de sprint avec les financeurs.",
        "kind": kind.pk,
        "external_url": "https://beta.gouv.fr/",
    }
    data.update(overrides)
    return data


def reviewers(people):
    return sorted([people["moderator"].email, people["admin"].email])


def reviewers_notified():
    return sorted(address for message in mail.outbox for address in message.to)


def propose(client, contribuer, data):
    return client.post(contribuer.url, data)


def contribution():
    return ResourcePage.objects.get(title=TITLE)


def test_anonymous_visitor_is_sent_to_login(client, contribuer, kind):
    response = client.get(contribuer.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/compte/connexion/?next=/contribuer/"' in html
    assert 'name="title"' not in html
    response = client.post(contribuer.url, proposal(kind))
    assert response.status_code == 302
    assert not ResourcePage.objects.exists()


def test_member_sees_the_form(client, contribuer, people, kind):
    client.force_login(people["member"])
    response = client.get(contribuer.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert "Modèle" in html
    assert 'name="site_web"' in html  # honeypot


def test_contribution_is_a_draft_in_moderation_invisible_until_approved(
    client, contribuer, sections, people, kind
):
    phase = PhaseFactory(slug="construction", name="Construction")
    member = people["member"]
    client.force_login(member)
    mail.outbox.clear()
    response = propose(client, contribuer, proposal(kind, phases=[phase.pk], file=upload(), external_url=""))
    assert response.status_code == 302
    assert response["Location"] == "/compte/contributions/"

    page = contribution()
    assert not page.live
    assert page.contributor == member.member
    assert page.owner == member
    assert page.document is not None and page.document.file_extension == "pdf"
    assert list(page.phases.all()) == [phase]
    assert page.get_parent().pk == sections["ressources"].pk
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.workflow.name == "Modération des contributions"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == member

    # The task's reviewers (Modérateurs and Administrateurs), and only they, get Wagtail's email.
    assert reviewers_notified() == reviewers(people)

    # Invisible to the public and to search.
    client.logout()
    assert client.get(page.url).status_code == 404
    response = client.get("/recherche/", {"q": "Quokka"})
    assert all(entry["page"].pk != page.pk for entry in response.context["entries"])
    assert "Quokka" not in client.get("/recherche/suggestions/", {"q": "quokka"}).content.decode()

    # Listed as "en attente" for the member.
    client.force_login(member)
    html = client.get("/compte/contributions/").content.decode()
    assert TITLE in html and "en attente" in html

    # A moderator approves it in the admin.
    mail.outbox.clear()
    client.force_login(people["moderator"])
    response = workflow_action(client, page, "approve", comment="Merci pour ce modèle.")
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live

    # The contributor is told, nobody else, with a link to the public page (not to the admin).
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert mail.outbox[0].subject == f"[Fabrique] Votre contribution « {TITLE} » est publiée"
    assert f"http://testserver{page.url}" in mail.outbox[0].body
    assert "/admin/" not in mail.outbox[0].body

    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    assert member.member.full_name in response.content.decode()
    response = client.get("/recherche/", {"q": "Quokka"})
    assert [entry["page"].pk for entry in response.context["entries"]] == [page.pk]

    client.force_login(member)
    assert "publiée" in client.get("/compte/contributions/").content.decode()


def test_changes_requested_round_trip(client, contribuer, people, kind, django_capture_on_commit_callbacks):
    member = people["member"]
    client.force_login(member)
    propose(client, contribuer, proposal(kind))
    page = contribution()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the email leaves once the decision commits
        page.current_workflow_task_state.specific.reject(
            user=people["moderator"], comment="Précisez la licence du modèle."
        )
    # The contributor hears back, with the comment.
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "Précisez la licence du modèle." in mail.outbox[0].body
    assert "est à corriger" in mail.outbox[0].subject
    assert "http://testserver/compte/contributions/" in mail.outbox[0].body
    assert "/admin/" not in mail.outbox[0].body

    html = client.get("/compte/contributions/").content.decode()
    assert "à corriger" in html
    assert "Précisez la licence du modèle." in html
    correct_url = f"/compte/contributions/{page.pk}/corriger/"
    assert correct_url in html

    form = client.get(correct_url)
    assert form.status_code == 200
    assert TITLE in form.content.decode()

    mail.outbox.clear()
    response = client.post(correct_url, proposal(kind, title=f"{TITLE} (licence Etalab)"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert not page.live
    assert page.get_latest_revision_as_object().title == f"{TITLE} (licence Etalab)"
    state = WorkflowState.objects.filter(object_id=str(page.pk)).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert reviewers_notified() == reviewers(people)
    assert "en attente" in client.get("/compte/contributions/").content.decode()

    # Not "à corriger" any more: the correction form sends the member back to their list.
    assert client.get(correct_url).status_code == 302

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_task_state.specific.approve(user=people["moderator"])
    page.refresh_from_db()
    assert page.live and page.title == f"{TITLE} (licence Etalab)"
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "(licence Etalab) » est publiée" in mail.outbox[0].subject


def test_moderator_cancelling_the_moderation_refuses_the_contribution(client, contribuer, people, kind):
    client.force_login(people["member"])
    propose(client, contribuer, proposal(kind))
    page = contribution()
    page.current_workflow_state.cancel(user=people["moderator"])
    html = client.get("/compte/contributions/").content.decode()
    assert "refusée" in html
    assert f"/compte/contributions/{page.pk}/corriger/" not in html
    assert client.get(f"/compte/contributions/{page.pk}/corriger/").status_code == 302


def test_a_member_sees_and_corrects_only_their_own_contributions(client, contribuer, people, kind):
    client.force_login(people["member"])
    propose(client, contribuer, proposal(kind))
    page = contribution()
    page.current_workflow_task_state.specific.reject(user=people["moderator"], comment="À reprendre.")

    client.force_login(people["coach"])
    assert TITLE not in client.get("/compte/contributions/").content.decode()
    url = f"/compte/contributions/{page.pk}/corriger/"
    assert client.get(url).status_code == 404
    assert client.post(url, proposal(kind, title="Détourné")).status_code == 404
    assert page.get_latest_revision_as_object().title == TITLE


def test_my_contributions_needs_login(client):
    response = client.get("/compte/contributions/")
    assert response.status_code == 302
    assert response["Location"].startswith("/compte/connexion/")


def test_account_without_contribute_permission_is_refused(client, contribuer, kind):
    from tests.community.members.factories import make_user

    outsider = make_user("sans-droit", member=False)
    client.force_login(outsider)
    response = client.post(contribuer.url, proposal(kind))
    assert response.status_code == 403
    assert "Contribution impossible" in response.content.decode()
    assert not ResourcePage.objects.exists()
