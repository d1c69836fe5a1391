"""« Relu, rien à changer »: the signed link of the coaches' digest, over HTTP."""

import datetime
import html
import io
import re

from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest

from resources.guides.models import GuidePage
from resources.guides.reviews import review_url
from tests.community.members.factories import make_user
from tests.core.factories import with_revision
from tests.resources.guides.factories import GuidePageFactory

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2020, 1, 1)


@pytest.fixture
def coach():
    return make_user("coach", ["Coachs"])


@pytest.fixture
def guide(sections, coach):
    return with_revision(
        GuidePageFactory(
            parent=sections["guides"],
            title="Mener un entretien",
            coach=coach,
            last_reviewed_at=LONG_AGO,
            review_interval_days=180,
        )
    )


def path_of(url):
    return url.removeprefix("http://testserver")


def page_text(response):
    return html.unescape(response.content.decode())


def test_opening_the_link_only_asks_for_confirmation(client, guide, coach):
    response = client.get(path_of(review_url(guide, coach)))
    assert response.status_code == 200
    assert "Relu, rien à changer" in page_text(response) and "<form" in page_text(response)
    guide.refresh_from_db()
    assert guide.last_reviewed_at == LONG_AGO
    assert not PageLogEntry.objects.filter(action="guides.reviewed").exists()


def test_confirming_records_the_review_and_its_history(client, guide, coach):
    revisions = guide.revisions.count()
    response = client.post(path_of(review_url(guide, coach)))
    assert response.status_code == 200
    assert "Relecture enregistrée" in page_text(response)
    guide.refresh_from_db()
    today = timezone.localdate()
    assert guide.last_reviewed_at == today
    assert guide.next_review_on == today + datetime.timedelta(days=180)
    assert guide.live and guide.revisions.count() == revisions  # the content did not change
    entry = PageLogEntry.objects.get(action="guides.reviewed", page=guide)
    assert entry.user == coach
    assert not GuidePage.objects.review_overdue().filter(pk=guide.pk).exists()


def test_a_draft_in_progress_stays_a_draft_and_keeps_the_new_review_date(client, guide, coach):
    guide.title = "Titre en cours de rédaction"
    guide.save_revision(user=coach)
    client.post(path_of(review_url(guide, coach)))
    live = GuidePage.objects.get(pk=guide.pk)
    assert live.title == "Mener un entretien" and live.has_unpublished_changes
    live.get_latest_revision().publish()  # the editor publishes their draft later
    published = GuidePage.objects.get(pk=guide.pk)
    assert published.title == "Titre en cours de rédaction"
    assert published.last_reviewed_at == timezone.localdate()


def test_a_coach_who_may_no_longer_edit_the_guide_is_refused(client, guide, coach):
    url = review_url(guide, coach)
    coach.groups.remove(Group.objects.get(name="Coachs"))
    response = client.post(path_of(url))
    assert response.status_code == 400
    assert "Ce compte ne peut plus modifier ce guide" in page_text(response)
    member = make_user("membre")
    assert client.post(path_of(review_url(guide, member))).status_code == 400
    guide.refresh_from_db()
    assert guide.last_reviewed_at == LONG_AGO


def test_an_altered_or_expired_link_is_refused_in_french(client, guide, coach):
    url = review_url(guide, coach)
    response = client.post(path_of(url)[:-3] + "xx/")
    assert response.status_code == 400
    assert "Ce lien de relecture n'est pas valide" in page_text(response)
    with override_settings(FABRIQUE_REVIEW_LINK_DAYS=-1):
        response = client.post(path_of(url))
    assert response.status_code == 400
    assert "Ce lien a expiré" in page_text(response)
    guide.refresh_from_db()
    assert guide.last_reviewed_at == LONG_AGO


def test_the_link_in_the_coaches_digest_records_the_review(
    client, guide, coach, django_capture_on_commit_callbacks
):
    always = override_settings(FABRIQUE_DIGEST_WEEKDAY=0, FABRIQUE_DIGEST_HOUR=0)
    with always, django_capture_on_commit_callbacks(execute=True):
        call_command("send_digests", "--no-publish", stdout=io.StringIO())
    (message,) = [message for message in mail.outbox if message.to == [coach.email]]
    link = re.search(r"Relu, rien à changer : (\S+)", message.body).group(1)
    assert "Relu, rien à changer" in page_text(client.get(path_of(link)))
    client.post(path_of(link))
    guide.refresh_from_db()
    assert guide.last_reviewed_at == timezone.localdate()
