"""A week before the deadline, an unsent draft's author is reminded once; senders and late drafts are not."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

import pytest

from community.calls.models import Application
from community.calls.reminders import send_deadline_reminders
from tests.community.calls.factories import call
from tests.community.members.factories import make_user

pytestmark = pytest.mark.django_db


def test_a_draft_is_reminded_once_a_week_before_the_deadline(home, django_capture_on_commit_callbacks):
    soon = call(home, "bientot-clos", deadline=5, title="Appel bientôt clos")
    later = call(home, "plus-tard", deadline=30)
    drafter, sender, early = make_user("brouillon"), make_user("envoyeur"), make_user("en-avance")
    Application.objects.create(call=soon, applicant=drafter, project_title="Mon idée")
    Application.objects.create(call=soon, applicant=sender, status=Application.RECEIVED)
    Application.objects.create(call=later, applicant=early)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_call_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [message.to for message in mail.outbox] == [[drafter.email]]
    message = mail.outbox[0]
    assert "Appel bientôt clos" in message.subject and soon.url + "candidater/" in message.body

    with django_capture_on_commit_callbacks(execute=True):
        assert send_deadline_reminders() == 0  # a second run (tomorrow's cron) sends nothing more
    assert len(mail.outbox) == 1


def test_the_later_call_is_reminded_when_its_week_comes(home, django_capture_on_commit_callbacks):
    later = call(home, "plus-tard", deadline=30)
    early = make_user("en-avance")
    Application.objects.create(call=later, applicant=early)
    in_23_days = timezone.localdate() + datetime.timedelta(days=23)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_call_reminders", "--date", in_23_days.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [message.to for message in mail.outbox] == [[early.email]]
    assert send_deadline_reminders(timezone.localdate() + datetime.timedelta(days=31)) == 0  # closed


def test_the_task_worker_runs_the_same_reminders(home, django_capture_on_commit_callbacks):
    Application.objects.create(call=call(home, "bientot", deadline=3), applicant=make_user("lent"))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_call_reminders", "--enqueue", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1
