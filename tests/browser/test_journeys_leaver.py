"""Leaver journey: a member whose mission ends soon finds « Votre départ approche » on « Pour moi »,
follows the departure path and ticks a step."""

import datetime
import re

from django.utils import timezone

import pytest
from playwright.sync_api import expect

from community.members.models import Mission
from community.onboarding.models import OnboardingProgress
from core.taxonomy.models import Role
from tests.browser.helpers import log_in, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PATH_TITLE = "Partir bien : développeur·ses et designers"
STEP = "Prévenir l'équipe et fixer la date de passation"


def test_member_about_to_leave_follows_the_departure_path(page, site_url, console_log):
    user = make_user("partante", email="partante@beta.gouv.fr")
    Mission.objects.create(
        member=user.member,
        role=Role.objects.get(slug="developpeur"),
        start=timezone.localdate() - datetime.timedelta(days=400),
        end=timezone.localdate() + datetime.timedelta(days=10),
    )
    page.goto(site_url + "/pour-moi/")
    page.get_by_role("link", name="Connectez-vous").click()
    log_in(page, user)
    expect(page.locator("h1")).to_have_text("Pour moi, maintenant")
    callout = page.locator("[data-departure]")
    expect(callout.get_by_role("heading", name="Votre départ approche")).to_be_visible()
    expect(callout).to_contain_text("dans 10 jours")
    expect(callout.locator("[data-progress-text]")).to_contain_text("0 étape faite sur 6")

    callout.get_by_role("link", name="Voir mon parcours de départ").click()
    expect(page.locator("h1")).to_have_text(PATH_TITLE)
    expect(page.get_by_role("heading", name="J-30")).to_be_visible()
    page.get_by_role("button", name=re.compile(f"Marquer « {STEP} »")).click()
    item = page.locator("li[data-step]", has_text=STEP)
    expect(item).to_have_class(re.compile(r"\bis-done\b"))
    expect(page.locator("[data-progress-text]").first).to_contain_text("1 étape faite sur 6")

    page.goto(site_url + "/pour-moi/")  # the tick was saved and « Pour moi » follows it
    expect(page.locator("[data-departure] [data-progress-text]")).to_contain_text("1 étape faite sur 6")
    assert list(OnboardingProgress.objects.filter(user=user).values_list("step__title", flat=True)) == [STEP]
    assert not [m for m in console_log if m.startswith("[pageerror]")]
