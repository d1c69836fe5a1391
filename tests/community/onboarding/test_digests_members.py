"""Members' opt-in digest (new for their role and phase) and the arrival-path reminder."""

import datetime
import io
from zoneinfo import ZoneInfo

from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Page, PageViewRestriction

import pytest

from community.members.models import EmailPreferences, Mission
from community.onboarding.models import OnboardingProgress
from tests.community.members.factories import make_user
from tests.community.onboarding.factories import OnboardingIndexPageFactory, make_path, step
from tests.community.startups.factories import startup
from tests.core.taxonomy.factories import PhaseFactory, RoleFactory
from tests.resources.guides.factories import GuidePageFactory
from tests.resources.library.factories import ResourcePageFactory
from tests.visibility import restrict

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
MONDAY_9AM = datetime.datetime(2030, 12, 2, 9, 0, tzinfo=PARIS)
LAST_WEEK = MONDAY_9AM - datetime.timedelta(days=3)
LONG_AGO = MONDAY_9AM - datetime.timedelta(days=60)


def send_digests(now, capture):
    before = len(mail.outbox)
    with capture(execute=True):
        call_command("send_digests", "--now", now.isoformat(), "--no-publish", stdout=io.StringIO())
    return mail.outbox[before:]


def published_on(page, moment):
    Page.objects.filter(pk=page.pk).update(first_published_at=moment)
    return page


@pytest.fixture
def network(sections, home):
    designer = RoleFactory(slug="designer", name="Designer")
    developer = RoleFactory(slug="developpeur", name="Développeur")
    construction = PhaseFactory(slug="construction", name="Construction")
    investigation = PhaseFactory(slug="investigation", name="Investigation")
    lea = make_user("lea", first_name="Léa")
    lea.member.roles.set([designer])
    lea.member.save()
    product = startup(home, "Cantine test", phases=[(construction, "2020-01-01")])
    Mission.objects.create(member=lea.member, startup=product, start=datetime.date(2020, 1, 1))
    EmailPreferences.objects.create(user=lea, member_digest=True)
    return {
        "lea": lea,
        "designer": designer,
        "developer": developer,
        "construction": construction,
        "investigation": investigation,
        "guides": sections["guides"],
        "ressources": sections["ressources"],
    }


def guide(network, title, roles=(), phases=(), moment=LAST_WEEK, **fields):
    page = GuidePageFactory(parent=network["guides"], title=title, **fields)
    page.roles.set(roles)
    page.phases.set(phases)
    page.save()
    return published_on(page, moment)


def test_an_opted_in_member_gets_what_is_new_for_their_role_and_phase(
    network, django_capture_on_commit_callbacks
):
    designer, construction = network["designer"], network["construction"]
    guide(network, "Tester une maquette", roles=[designer])
    guide(network, "Construire avec les usagers", phases=[construction])
    guide(network, "Designer en construction", roles=[designer], phases=[construction])
    guide(network, "Pour les développeurs", roles=[network["developer"]])
    guide(network, "Designer en investigation", roles=[designer], phases=[network["investigation"]])
    guide(network, "Pour tout le monde")  # tagged for nobody in particular: not news for her
    guide(network, "Ancien guide design", roles=[designer], moment=LONG_AGO)
    published_on(
        ResourcePageFactory(
            parent=network["ressources"], title="Kit de design", taxonomies={"roles": [designer]}
        ),
        LAST_WEEK,
    )
    (message,) = send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)
    assert message.to == [network["lea"].email]
    assert message.subject == "[Fabrique] Les nouveautés de la semaine pour vous"
    body = message.body
    for title in (
        "Tester une maquette",
        "Construire avec les usagers",
        "Designer en construction",
        "Kit de design",
    ):
        assert title in body
    for title in ("Pour les développeurs", "Designer en investigation", "Pour tout le monde", "Ancien guide"):
        assert title not in body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_drafts_and_restricted_pages_never_reach_the_digest(network, django_capture_on_commit_callbacks):
    designer = network["designer"]
    guide(network, "Guide public", roles=[designer])
    guide(network, "Guide réservé aux membres connectés", roles=[designer])
    restrict(Page.objects.get(title="Guide réservé aux membres connectés"), PageViewRestriction.LOGIN)
    restrict(guide(network, "Zanzibar coachs", roles=[designer]), PageViewRestriction.GROUPS)
    restrict(
        guide(network, "Zanzibar mot de passe", roles=[designer]), PageViewRestriction.PASSWORD, password="x"
    )
    secret = guide(network, "Section Zanzibar", roles=[designer])
    restrict(secret, PageViewRestriction.GROUPS)
    published_on(GuidePageFactory(parent=secret, title="Zanzibar sous-page"), LAST_WEEK).roles.set([designer])
    draft = guide(network, "Zanzibar brouillon", roles=[designer], live=False)
    assert not draft.live
    (message,) = send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)
    assert "Guide public" in message.body
    assert "Guide réservé aux membres connectés" in message.body  # members may read it once logged in
    assert "Zanzibar" not in message.body


def test_members_who_did_not_opt_in_get_no_digest(network, django_capture_on_commit_callbacks):
    guide(network, "Tester une maquette", roles=[network["designer"]])
    EmailPreferences.objects.filter(user=network["lea"]).update(member_digest=False)
    assert send_digests(MONDAY_9AM, django_capture_on_commit_callbacks) == []


def test_the_next_digest_only_has_what_was_published_since_the_last_one(
    network, django_capture_on_commit_callbacks
):
    designer = network["designer"]
    guide(network, "Premier guide", roles=[designer])
    (first,) = send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)
    assert "Premier guide" in first.body
    assert send_digests(MONDAY_9AM + datetime.timedelta(hours=2), django_capture_on_commit_callbacks) == []
    guide(network, "Second guide", roles=[designer], moment=MONDAY_9AM + datetime.timedelta(days=2))
    (second,) = send_digests(MONDAY_9AM + datetime.timedelta(days=7), django_capture_on_commit_callbacks)
    assert "Second guide" in second.body and "Premier guide" not in second.body


def test_a_pending_mission_does_not_give_its_startup_phase(network, django_capture_on_commit_callbacks):
    guide(network, "Investiguer un problème", phases=[network["investigation"]])
    other = startup(
        network["guides"].get_parent(), "Autre test", phases=[(network["investigation"], "2020-01-01")]
    )
    Mission.objects.create(member=network["lea"].member, startup=other, validation=Mission.PENDING)
    assert send_digests(MONDAY_9AM, django_capture_on_commit_callbacks) == []


# --- Arrival reminders ---------------------------------------------------------------------------------


@pytest.fixture
def arrival(home):
    role = RoleFactory(slug="intrapreneur", name="Intrapreneur")
    path = make_path(
        OnboardingIndexPageFactory(parent=home),
        "Arriver comme intrapreneur",
        roles=[role],
        steps=[("jour", "Rencontrer son coach", True), ("semaine", "Lire la méthode", True)],
    )
    newcomer = make_user("nouveau")
    newcomer.member.roles.set([role])
    newcomer.member.save()
    return {"path": path, "newcomer": newcomer}


def tick(user, path, title, when):
    progress = OnboardingProgress.objects.create(user=user, path=path, step=step(path, title))
    OnboardingProgress.objects.filter(pk=progress.pk).update(done_at=when)


def nudges(messages):
    return [
        message
        for message in messages
        if message.subject == "[Fabrique] Votre parcours d'arrivée vous attend"
    ]


def test_a_stalled_arrival_path_gets_one_reminder(arrival, django_capture_on_commit_callbacks):
    now = MONDAY_9AM
    tick(arrival["newcomer"], arrival["path"], "Rencontrer son coach", now - datetime.timedelta(days=20))
    (message,) = nudges(send_digests(now, django_capture_on_commit_callbacks))
    assert message.to == [arrival["newcomer"].email]
    assert "Arriver comme intrapreneur : 1 étape faite sur 2" in message.body
    assert "prochaine étape : « Lire la méthode »" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    for days in (1, 2, 9):  # the same stall is never reminded twice
        assert (
            nudges(send_digests(now + datetime.timedelta(days=days), django_capture_on_commit_callbacks))
            == []
        )


def test_recent_progress_or_a_finished_path_gets_no_reminder(arrival, django_capture_on_commit_callbacks):
    newcomer, path = arrival["newcomer"], arrival["path"]
    tick(newcomer, path, "Rencontrer son coach", MONDAY_9AM - datetime.timedelta(days=20))
    tick(newcomer, path, "Lire la méthode", MONDAY_9AM - datetime.timedelta(days=3))
    assert nudges(send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)) == []
    # Finished: nothing to remind, however long ago.
    assert (
        nudges(send_digests(MONDAY_9AM + datetime.timedelta(days=30), django_capture_on_commit_callbacks))
        == []
    )


def test_a_newcomer_who_never_started_is_reminded_once(arrival, django_capture_on_commit_callbacks):
    newcomer = arrival["newcomer"]
    type(newcomer).objects.filter(pk=newcomer.pk).update(date_joined=MONDAY_9AM - datetime.timedelta(days=15))
    (message,) = nudges(send_digests(MONDAY_9AM, django_capture_on_commit_callbacks))
    assert "Arriver comme intrapreneur : pas encore commencé (2 étapes)" in message.body
    assert (
        nudges(send_digests(MONDAY_9AM + datetime.timedelta(days=7), django_capture_on_commit_callbacks))
        == []
    )


@override_settings(FABRIQUE_ONBOARDING_NUDGE_DAYS=30)
def test_the_delay_is_a_setting_and_reminders_can_be_turned_off(arrival, django_capture_on_commit_callbacks):
    newcomer, path = arrival["newcomer"], arrival["path"]
    tick(newcomer, path, "Rencontrer son coach", MONDAY_9AM - datetime.timedelta(days=20))
    assert nudges(send_digests(MONDAY_9AM, django_capture_on_commit_callbacks)) == []
    EmailPreferences.objects.create(user=newcomer, onboarding_reminders=False)
    assert (
        nudges(send_digests(MONDAY_9AM + datetime.timedelta(days=15), django_capture_on_commit_callbacks))
        == []
    )
