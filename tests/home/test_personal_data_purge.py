"""`manage.py purge_personal_data` applies the retention limits the « Données personnelles » page states:
what is past its period goes, what is recent or still in use stays, and each kind is counted in French."""

import datetime
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django_tasks_db.models import DBTaskResult

from community.feedback.models import PageFeedback
from community.groups.models import Invitation
from community.health.models import NpsAnswer
from community.health.nps import current_period
from community.mentoring.models import MentoringRequest
from resources.search.models import SearchRecord
from tests.community.groups.factories import GroupFactory
from tests.community.members.factories import MemberFactory, UserFactory, make_user
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def days_ago(days):
    return NOW - datetime.timedelta(days=days)


def purge():
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    return out.getvalue()


def login_record(model, days, ip="203.0.113.7", **fields):
    record = model.objects.create(username="lea", ip_address=ip, user_agent="Firefox", **fields)
    model.objects.filter(pk=record.pk).update(attempt_time=days_ago(days))  # auto_now_add on create


def test_login_attempts_go_after_six_months(settings):
    assert settings.FABRIQUE_RETENTION_DAYS["login_attempts"] == 180
    login_record(AccessAttempt, 200, failures_since_start=3, get_data="", post_data="")
    login_record(AccessFailureLog, 200)
    login_record(AccessLog, 200)
    login_record(AccessLog, 10, ip="198.51.100.4")
    output = purge()
    assert "3 tentatives de connexion supprimées" in output
    assert list(AccessLog.objects.values_list("ip_address", flat=True)) == ["198.51.100.4"]
    assert not AccessAttempt.objects.exists() and not AccessFailureLog.objects.exists()


def test_old_feedback_loses_its_comment_and_account_but_keeps_its_answer(home):
    page = ContentPageFactory(parent=home)
    reader = make_user("lecteur")
    old = PageFeedback.objects.create(page=page, useful=False, comment="Jeanne m'a aidé.", user=reader)
    recent = PageFeedback.objects.create(page=page, useful=True, comment="Merci", user=reader)
    PageFeedback.objects.filter(pk=old.pk).update(created_at=days_ago(400))
    assert "1 avis des lecteurs rendus anonymes" in purge()
    old.refresh_from_db(), recent.refresh_from_db()
    assert (old.useful, old.comment, old.user) == (False, "", None)
    assert (recent.comment, recent.user) == ("Merci", reader)
    assert "0 avis des lecteurs rendus anonymes" in purge()  # nothing left to do the second time


def test_only_never_verified_never_used_accounts_are_deleted():
    User = get_user_model()

    def account(username, days, *, verified=False, logged_in=False, **fields):
        user = UserFactory(username=username, **fields)
        EmailAddress.objects.create(user=user, email=user.email, verified=verified, primary=True)
        User.objects.filter(pk=user.pk).update(
            date_joined=days_ago(days), last_login=days_ago(days) if logged_in else None
        )

    account("abandon", 40)
    account("recent", 5)
    account("verifie", 40, verified=True)
    account("utilise", 40, logged_in=True)
    account("editeur", 40, is_staff=True)
    make_user("membre")  # verified and a member
    User.objects.filter(username="membre").update(date_joined=days_ago(400))
    assert "1 comptes jamais vérifiés supprimés" in purge()
    assert set(User.objects.values_list("username", flat=True)) == {
        "recent",
        "verifie",
        "utilise",
        "editeur",
        "membre",
    }


def test_finished_tasks_and_expired_sessions_go(settings):
    def task(status, days):
        DBTaskResult.objects.create(
            task_path="core.mail.deliver",
            args_kwargs={"args": [], "kwargs": {"to": ["lea@beta.gouv.fr"]}},
            status=status,
            run_after=days_ago(days),
            finished_at=days_ago(days) if status != "READY" else None,
            backend_name="default",
            queue_name="default",
            priority=0,
        )

    task("SUCCESSFUL", 40)
    task("FAILED", 40)
    task("SUCCESSFUL", 2)
    task("READY", 40)  # still waiting: never purged
    Session.objects.create(session_key="expiree", session_data="x", expire_date=days_ago(1))
    Session.objects.create(
        session_key="valide", session_data="x", expire_date=NOW + datetime.timedelta(days=3)
    )
    output = purge()
    assert "2 tâches terminées (courriels envoyés) supprimées" in output
    assert "1 sessions expirées supprimées" in output
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == ["READY", "SUCCESSFUL"]
    assert list(Session.objects.values_list("session_key", flat=True)) == ["valide"]


def test_durations_come_from_the_settings(settings):
    settings.FABRIQUE_RETENTION_DAYS = {**settings.FABRIQUE_RETENTION_DAYS, "login_attempts": 5}
    login_record(AccessLog, 10)
    assert "1 tentatives de connexion supprimées" in purge()


def invitation(email, *, sent_days_ago, accepted_days_ago=None):
    group = GroupFactory()
    made = Invitation.objects.create(group=group, email=email)
    Invitation.objects.filter(pk=made.pk).update(
        created_at=days_ago(sent_days_ago),
        accepted_at=days_ago(accepted_days_ago) if accepted_days_ago is not None else None,
    )
    return made


def test_group_invitations_go_once_accepted_or_expired_past_the_period(settings):
    assert settings.FABRIQUE_RETENTION_DAYS["group_invitations"] == 90
    settings.FABRIQUE_GROUP_INVITATION_DAYS = 14
    invitation("acceptee-ancienne@beta.gouv.fr", sent_days_ago=200, accepted_days_ago=100)
    invitation("expiree-ancienne@beta.gouv.fr", sent_days_ago=110)  # expired 96 days ago
    invitation("acceptee-recente@beta.gouv.fr", sent_days_ago=200, accepted_days_ago=80)
    invitation("expiree-recente@beta.gouv.fr", sent_days_ago=100)  # expired 86 days ago
    invitation("en-cours@beta.gouv.fr", sent_days_ago=3)  # its link still opens the group
    assert "2 invitations à un groupe (acceptées ou expirées) supprimées" in purge()
    assert sorted(Invitation.objects.values_list("email", flat=True)) == [
        "acceptee-recente@beta.gouv.fr",
        "en-cours@beta.gouv.fr",
        "expiree-recente@beta.gouv.fr",
    ]


def test_invitation_still_opens_after_the_purge():
    kept = invitation("en-cours@beta.gouv.fr", sent_days_ago=3)
    purge()
    response = Client().get(kept.get_absolute_url())
    assert response.status_code == 200


def mentoring_request(message, status, *, sent_days_ago, answered_days_ago=None):
    return MentoringRequest.objects.create(
        requester=MemberFactory(),
        mentor=MemberFactory(),
        message=message,
        status=status,
        created_at=days_ago(sent_days_ago),
        answered_at=days_ago(answered_days_ago) if answered_days_ago is not None else None,
    )


def test_mentoring_requests_go_a_year_after_their_answer_or_unanswered(settings):
    assert settings.FABRIQUE_RETENTION_DAYS["mentoring_requests"] == 365
    mentoring_request("acceptée il y a longtemps", "acceptee", sent_days_ago=500, answered_days_ago=400)
    mentoring_request("déclinée il y a longtemps", "refusee", sent_days_ago=380, answered_days_ago=370)
    mentoring_request("jamais répondue", "en_attente", sent_days_ago=400)
    mentoring_request("envoyée tôt, répondue tard", "acceptee", sent_days_ago=400, answered_days_ago=100)
    mentoring_request("déclinée récemment", "refusee", sent_days_ago=30, answered_days_ago=20)
    mentoring_request("en attente", "en_attente", sent_days_ago=10)
    assert "3 demandes de mentorat (répondues ou restées sans réponse) supprimées" in purge()
    assert sorted(MentoringRequest.objects.values_list("message", flat=True)) == [
        "déclinée récemment",
        "en attente",
        "envoyée tôt, répondue tard",
    ]


def nps_answer(username, period, days):
    answer = NpsAnswer.objects.create(user=make_user(username, member=False), period=period, score=9)
    NpsAnswer.objects.filter(pk=answer.pk).update(created_at=days_ago(days))


def test_nps_answers_go_after_three_years_but_never_the_current_quarter(settings):
    assert settings.FABRIQUE_RETENTION_DAYS["nps_answers"] == 1095
    nps_answer("ancienne", "2022-T1", 1200)
    nps_answer("recente", "2025-T1", 600)
    assert "1 réponses à la question de recommandation supprimées" in purge()
    assert list(NpsAnswer.objects.values_list("user__username", flat=True)) == ["recente"]
    # A retention shorter than a quarter would let the question come back: this quarter's stay.
    settings.FABRIQUE_RETENTION_DAYS = {**settings.FABRIQUE_RETENTION_DAYS, "nps_answers": 1}
    nps_answer("ce-trimestre", current_period(), 2)
    assert "1 réponses à la question de recommandation supprimées" in purge()
    assert list(NpsAnswer.objects.values_list("user__username", flat=True)) == ["ce-trimestre"]


def test_the_search_log_goes_after_its_own_period(settings):
    settings.FABRIQUE_SEARCH_LOG_DAYS = 180
    old = SearchRecord.objects.create(query="ancienne", result_count=0)
    SearchRecord.objects.create(query="recente", result_count=0)
    SearchRecord.objects.filter(pk=old.pk).update(created_at=days_ago(181))
    output = purge()
    assert "1 recherches du journal des recherches supprimées" in output
    assert list(SearchRecord.objects.values_list("query", flat=True)) == ["recente"]


def test_every_kind_is_counted_in_french_even_when_nothing_goes():
    output = purge()
    for label in (
        "0 invitations à un groupe (acceptées ou expirées) supprimées",
        "0 demandes de mentorat (répondues ou restées sans réponse) supprimées",
        "0 réponses à la question de recommandation supprimées",
        "0 recherches du journal des recherches supprimées",
    ):
        assert label in output
    assert "Purge des données personnelles terminée." in output
