"""The demo shows « Grandir » at work: a member looking for a mentor gets suggestions, offers are listed."""

import html

from django.contrib.auth import get_user_model

import pytest

from community.mentoring import demo
from community.mentoring.models import MentoringProfile, MissionOffer

pytestmark = pytest.mark.django_db


def test_the_demo_seeker_gets_suggestions_and_sees_the_offer_and_a_rerun_adds_nothing(client, demo_site):
    client.force_login(get_user_model().objects.get(username="thomas.nguyen"))
    suggestions = html.unescape(client.get("/mentorat/").content.decode())
    assert "Léa Fontaine" in suggestions or "Karim Benali" in suggestions
    offers = html.unescape(client.get("/mobilite/").content.decode())
    assert "Développeur·se full-stack pour la Cantine locale" in offers
    counts = MentoringProfile.objects.count(), MissionOffer.objects.count()
    demo.load(None, lambda message: None)
    assert (MentoringProfile.objects.count(), MissionOffer.objects.count()) == counts
