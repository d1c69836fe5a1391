"""Admin features the editorial process relies on: locking, revisions, scheduling, comments."""

from datetime import timedelta

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from tests.admin_helpers import edit_data, edit_url
from tests.home.factories import make_guide

pytestmark = pytest.mark.django_db


def test_a_locked_guide_cannot_be_edited_by_another_coach(client, sections, people):
    guide = make_guide(sections, title="Titre d'origine")
    client.force_login(people["coach"])
    response = client.post(reverse("wagtailadmin_pages:lock", args=[guide.pk]))
    assert response.status_code == 302
    guide.refresh_from_db()
    assert guide.locked and guide.locked_by == people["coach"]

    client.force_login(people["coach2"])
    page = client.get(edit_url(guide))
    assert "verrouillée" in page.content.decode()
    response = client.post(
        edit_url(guide), {**edit_data(guide, title="Titre modifié"), "action-publish": "1"}
    )
    assert response.status_code in (200, 302)
    guide.refresh_from_db()
    assert guide.title == "Titre d'origine"
    assert guide.get_latest_revision().content["title"] == "Titre d'origine"

    # The coach who locked it still can.
    client.force_login(people["coach"])
    client.post(edit_url(guide), edit_data(guide, title="Titre modifié"))
    guide.refresh_from_db()
    assert guide.get_latest_revision().content["title"] == "Titre modifié"


def test_revisions_can_be_compared(client, sections, people):
    guide = make_guide(sections, title="Version 1")
    client.force_login(people["coach"])
    client.post(edit_url(guide), edit_data(guide, title="Version 2"))
    first, second = guide.revisions.order_by("created_at", "pk")[:2]
    url = reverse("wagtailadmin_pages:revisions_compare", args=[guide.pk, first.pk, second.pk])
    html = client.get(url).content.decode()
    assert '<span class="deletion">1</span><span class="addition">2</span>' in html


def test_scheduled_publishing(client, sections, people):
    guide = make_guide(sections, title="Bientôt", live=False)
    client.force_login(people["coach"])
    go_live = timezone.localtime(timezone.now() + timedelta(hours=1)).strftime(
        settings.WAGTAIL_DATETIME_FORMAT
    )
    response = client.post(edit_url(guide), {**edit_data(guide, go_live_at=go_live), "action-publish": "1"})
    assert response.status_code == 302
    guide.refresh_from_db()
    assert not guide.live
    revision = guide.get_latest_revision()
    assert revision.approved_go_live_at is not None
    # An hour later: move the schedule into the past rather than waiting.
    past = timezone.now() - timedelta(seconds=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save()
    call_command("publish_scheduled", stdout=open("/dev/null", "w"))  # noqa: SIM115
    guide.refresh_from_db()
    assert guide.live


def test_comments_are_enabled_in_the_editor(client, sections, people):
    assert settings.WAGTAILADMIN_COMMENTS_ENABLED
    guide = make_guide(sections)
    client.force_login(people["coach"])
    assert 'id="comments-data"' in client.get(edit_url(guide)).content.decode()
