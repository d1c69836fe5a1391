"""`manage.py purge_personal_data` applies the retention limits the « Données personnelles » page states."""

import datetime
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django_tasks_db.models import DBTaskResult

from community.feedback.models import PageFeedback
from tests.community.members.factories import UserFactory, make_user
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
