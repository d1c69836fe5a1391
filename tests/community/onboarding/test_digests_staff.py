"""The coaches' and moderators' weekly digest, through `manage.py send_digests` and the outbox."""

import datetime
import io
import re
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from django.test import override_settings

import pytest

from community.members.models import STAFF_DIGEST, DigestDelivery
from resources.guides.models import CorrectionProposal
from resources.library.contributions import create_contribution
from tests.community.members.factories import make_user
from tests.resources.guides.factories import GuidePageFactory
from tests.resources.library.factories import ResourceKindFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
MONDAY_9AM = datetime.datetime(2030, 12, 2, 9, 0, tzinfo=PARIS)  # FABRIQUE_DIGEST_WEEKDAY 0, HOUR 8
LONG_AGO = datetime.date(2028, 1, 1)


def send_digests(now, capture, *extra):
    """The scheduler's run at `now`; returns the emails it queued (delivered once it commits)."""
    out = io.StringIO()
    before = len(mail.outbox)
    with capture(execute=True):
        call_command("send_digests", "--now", now.isoformat(), "--no-publish", *extra, stdout=out)
    return mail.outbox[before:], out.getvalue()


@pytest.fixture
def editorial(sections):
    coach = make_user("coach", ["Coachs"], first_name="Chloé")
    other_coach = make_user("autre-coach", ["Coachs"])
    moderator = make_user("moderatrice", ["Modérateurs"])
    guides = sections["guides"]

    def guide(title, **fields):
        return GuidePageFactory(parent=guides, title=title, **fields)

    mine = guide("Mener un entretien utilisateur", coach=coach, last_reviewed_at=LONG_AGO)
    guide("Écrire une fiche produit", coach=coach, last_reviewed_at=MONDAY_9AM.date())  # fresh
    guide("Recruter un intrapreneur", coach=other_coach, last_reviewed_at=LONG_AGO)  # someone else's
    guide("Guide sans coach", last_reviewed_at=LONG_AGO)  # nobody's: every coach sees it
    guide("Brouillon en retard", coach=coach, last_reviewed_at=LONG_AGO, live=False)
    author = make_user("auteur")
    CorrectionProposal.objects.create(page=mine, author=author, assignee=coach, text="Ajouter un exemple.")
    CorrectionProposal.objects.create(page=mine, author=author, assignee=coach, text="Déjà faite.", done=True)
    create_contribution(
        sections["ressources"],
        author.member,
        author,
        {
            "title": "Modèle de feuille de route",
            "intro": "Pour cadrer.",
            "kind": ResourceKindFactory(),
            "external_url": "https://exemple.fr/",
        },
    )
    return {"coach": coach, "other_coach": other_coach, "moderator": moderator, "mine": mine}


def message_to(messages, user):
    found = [message for message in messages if message.to == [user.email]]
    assert len(found) <= 1
    return found[0] if found else None


def test_a_coach_gets_their_due_guides_with_a_reviewed_link_and_pending_proposals(
    editorial, django_capture_on_commit_callbacks
):
    messages, output = send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)
    message = message_to(messages, editorial["coach"])
    body = message.body
    assert message.subject == "[Fabrique] Votre récapitulatif de la semaine : relectures et propositions"
    assert "Mener un entretien utilisateur (vous en êtes le coach)" in body
    assert "Guide sans coach" in body
    assert "Écrire une fiche produit" not in body  # reviewed today: not due
    assert "Recruter un intrapreneur" not in body  # another coach's guide
    assert "Brouillon en retard" not in body  # a draft is not reviewed from the digest
    assert body.count("Relu, rien à changer : http://testserver/ameliorer/relu/") == 2
    assert "Ajouter un exemple." in body and "Déjà faite." not in body
    assert "Modèle de feuille de route" not in body  # contributions go to the moderators
    assert "recapitulatif-equipe : " in output


def test_moderators_get_the_contributions_waiting_for_them(editorial, django_capture_on_commit_callbacks):
    messages, _ = send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)
    body = message_to(messages, editorial["moderator"]).body
    assert "EN ATTENTE DE VOTRE RELECTURE (1)" in body
    assert "Modèle de feuille de route : http://testserver/admin/pages/" in body
    assert "GUIDES À RELIRE" not in body


def test_members_without_an_editorial_group_get_no_staff_digest(
    editorial, django_capture_on_commit_callbacks
):
    messages, _ = send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)
    assert {address for message in messages for address in message.to} == {
        editorial["coach"].email,
        editorial["other_coach"].email,
        editorial["moderator"].email,
    }


def test_the_digest_carries_one_click_unsubscribe_headers(editorial, django_capture_on_commit_callbacks):
    messages, _ = send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)
    message = message_to(messages, editorial["coach"])
    link = re.fullmatch(
        r"<(http://testserver/compte/desabonnement/[^/>]+/)>", message.extra_headers["List-Unsubscribe"]
    )
    assert link is not None
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f"Ne plus le recevoir : {link.group(1)}" in message.body


def test_running_twice_in_the_same_week_sends_nothing_new(editorial, django_capture_on_commit_callbacks):
    first, _ = send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)
    assert len(first) == 3
    again, _ = send_digests(MONDAY_9AM + datetime.timedelta(hours=1), django_capture_on_commit_callbacks)
    later, _ = send_digests(MONDAY_9AM + datetime.timedelta(days=4), django_capture_on_commit_callbacks)
    assert again == [] and later == []
    assert DigestDelivery.objects.filter(kind=STAFF_DIGEST).count() == 3
    next_week, _ = send_digests(MONDAY_9AM + datetime.timedelta(days=7), django_capture_on_commit_callbacks)
    assert len(next_week) == 3


def test_no_weekly_digest_before_the_configured_day_and_hour(editorial, django_capture_on_commit_callbacks):
    messages, _ = send_digests(MONDAY_9AM.replace(hour=7), django_capture_on_commit_callbacks)
    assert messages == []
    with override_settings(FABRIQUE_DIGEST_WEEKDAY=3):  # Thursday
        messages, _ = send_digests(
            MONDAY_9AM + datetime.timedelta(days=2), django_capture_on_commit_callbacks
        )
        assert messages == []
        messages, _ = send_digests(
            MONDAY_9AM + datetime.timedelta(days=3), django_capture_on_commit_callbacks
        )
        assert len(messages) == 3


def test_a_coach_with_nothing_to_do_gets_nothing(sections, django_capture_on_commit_callbacks):
    coach = make_user("coach-tranquille", ["Coachs"])
    GuidePageFactory(parent=sections["guides"], coach=coach, last_reviewed_at=MONDAY_9AM.date())
    messages, _ = send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)
    assert messages == []
    assert not DigestDelivery.objects.exists()


def test_a_coach_who_turned_the_digest_off_gets_nothing(
    editorial, django_capture_on_commit_callbacks, client
):
    client.force_login(editorial["coach"])
    response = client.post("/compte/profil/courriels/", {"onboarding_reminders": "on"})
    assert response.status_code == 302
    messages, _ = send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)
    assert message_to(messages, editorial["coach"]) is None
    assert message_to(messages, editorial["other_coach"]) is not None


def test_unsubscribing_from_the_email_stops_the_next_digests(
    editorial, client, django_capture_on_commit_callbacks
):
    messages, _ = send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)
    link = message_to(messages, editorial["coach"]).extra_headers["List-Unsubscribe"].strip("<>")
    response = client.post(
        link.removeprefix("http://testserver"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    next_week, _ = send_digests(MONDAY_9AM + datetime.timedelta(days=7), django_capture_on_commit_callbacks)
    assert message_to(next_week, editorial["coach"]) is None
    assert message_to(next_week, editorial["other_coach"]) is not None
