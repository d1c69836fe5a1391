"""`send_digests` is the scheduler's one command: it also publishes scheduled pages and moves
startups to the phase that starts on the day."""

import datetime
import io

from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

import pytest

from community.startups.models import StartupPage
from resources.guides.models import GuidePage
from tests.community.startups.factories import startup
from tests.core.taxonomy.factories import PhaseFactory
from tests.resources.guides.factories import GuidePageFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("send_digests", *args, stdout=out)
    return out.getvalue()


def test_the_run_publishes_the_pages_scheduled_for_now(sections):
    page = GuidePageFactory(parent=sections["guides"], title="Guide programmé", live=False)
    page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    assert not GuidePage.objects.get(pk=page.pk).live
    run()
    assert GuidePage.objects.get(pk=page.pk).live


def test_no_publish_leaves_scheduled_pages_to_another_cron(sections):
    page = GuidePageFactory(parent=sections["guides"], title="Guide programmé", live=False)
    page.save_revision(approved_go_live_at=timezone.now() - datetime.timedelta(minutes=1))
    run("--no-publish")
    page.refresh_from_db()
    assert not page.live


def test_a_startup_moves_to_the_phase_that_starts_on_the_day(home):
    today = timezone.localdate()
    investigation, construction = PhaseFactory(slug="investigation"), PhaseFactory(slug="construction")
    starts = (today + datetime.timedelta(days=3)).isoformat()
    product = startup(home, "Cantine test", phases=[(investigation, "2020-01-01"), (construction, starts)])
    assert StartupPage.objects.get(pk=product.pk).current_phase == investigation
    output = run("--no-publish", "--now", (today + datetime.timedelta(days=7)).isoformat() + "T09:00")
    assert "Phases de startups modifiées : 1." in output
    assert StartupPage.objects.get(pk=product.pk).current_phase == construction


@override_settings(FABRIQUE_DIGEST_WEEKDAY=0, FABRIQUE_DIGEST_HOUR=0)
def test_enqueue_hands_the_run_to_the_task_worker(home):
    today = timezone.localdate()
    phase = PhaseFactory(slug="construction")
    product = startup(
        home, "Cantine test", phases=[(phase, (today - datetime.timedelta(days=1)).isoformat())]
    )
    StartupPage.objects.filter(pk=product.pk).update(current_phase=None, current_phase_start=None)
    assert "Tâche mise en file" in run("--enqueue", "--no-publish")  # tests run tasks at once
    assert StartupPage.objects.get(pk=product.pk).current_phase == phase


def test_a_wrong_date_is_refused_in_french(home):
    with pytest.raises(CommandError, match="Date invalide"):
        run("--now", "lundi prochain")
    with pytest.raises(CommandError, match="ne vont pas ensemble"):
        run("--enqueue", "--now", "2030-12-02T09:00")
