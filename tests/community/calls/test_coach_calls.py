"""Coaches write and publish calls for applications in the admin (home/editorial.py SECTION_PERMISSIONS,
data migration calls/0003_coach_call_pages); plain members cannot."""

import importlib

from django.apps import apps
from django.urls import reverse

from wagtail.models import GroupPagePermission

import pytest

from community.calls.models import CallPage
from tests.community.calls.factories import call_form_data, call_index

pytestmark = pytest.mark.django_db


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("calls", "callpage", parent.pk))


@pytest.fixture
def calls(home, sections):
    """The calls section on a site whose guide and resource sections exist: coaches lose their
    site-wide page permissions there, so only the per-section ones count."""
    return call_index(home)


def test_a_coach_opens_the_add_form_and_publishes_a_call(client, calls, people):
    client.force_login(people["coach"])
    assert client.get(add_url(calls)).status_code == 200
    data = {**call_form_data(), "action-publish": "action-publish"}
    response = client.post(add_url(calls), data)
    assert response.status_code == 302
    created = CallPage.objects.child_of(calls).get(slug="appel-automne")
    assert created.live and created.owner == people["coach"]


def test_a_coach_still_adds_no_page_outside_their_sections(client, home, calls, people):
    client.force_login(people["coach"])
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=(home.pk,)))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize("who", ["member", "moderator"])
def test_members_and_moderators_cannot_add_a_call(client, calls, people, who):
    client.force_login(people[who])
    assert client.get(add_url(calls)).status_code in (302, 403)
    response = client.post(add_url(calls), {**call_form_data(), "action-publish": "action-publish"})
    assert response.status_code in (302, 403)
    assert not CallPage.objects.exists()


def test_the_data_migration_grants_coaches_the_existing_calls_section(client, calls, people):
    GroupPagePermission.objects.filter(page=calls).delete()
    client.force_login(people["coach"])
    assert client.get(add_url(calls)).status_code in (302, 403)
    migration = importlib.import_module("community.calls.migrations.0003_coach_call_pages")
    migration.forwards(apps, None)
    migration.forwards(apps, None)  # idempotent
    assert client.get(add_url(calls)).status_code == 200
    assert GroupPagePermission.objects.filter(page=calls, group__name="Coachs").count() == 5
