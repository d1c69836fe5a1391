"""Coaches maintain the situations as snippets in the admin; the demo seeds the eight situations."""

import pytest

from community.help.demo import SITUATIONS
from community.help.demo import load as load_help_demo
from community.help.models import HelpSituation
from tests.community.help.factories import HelpSituationFactory

pytestmark = pytest.mark.django_db

SNIPPETS = "/admin/snippets/help/helpsituation/"


def test_coaches_list_and_create_situations_in_the_admin(client, people):
    HelpSituationFactory(title="Recruter", slug="recruter")
    client.force_login(people["coach"])
    response = client.get(SNIPPETS)
    assert response.status_code == 200 and "Recruter" in response.content.decode()
    data = {
        "title": "Financer",
        "slug": "financer",
        "description": "Budget de la prochaine phase.",
        "sort_order": "1",
        "channel_label": "Canal ~financement",
        "channel_url": "mailto:financement@example.org",
    }
    for prefix in ("help_numbers", "resources", "contacts"):
        data.update(
            {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MIN_NUM_FORMS": "0"}
        )
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    response = client.post(f"{SNIPPETS}add/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert HelpSituation.objects.get(slug="financer").channel_url == "mailto:financement@example.org"


def test_a_channel_address_must_be_a_web_or_mail_address(client, people):
    client.force_login(people["coach"])
    data = {"title": "Financer", "slug": "financer", "sort_order": "0", "channel_url": "javascript:alert(1)"}
    for prefix in ("help_numbers", "resources", "contacts"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post(f"{SNIPPETS}add/", data)
    assert response.status_code == 200
    assert "Saisissez une adresse web" in response.content.decode()
    assert not HelpSituation.objects.exists()


def test_members_cannot_edit_situations(client, people):
    client.force_login(people["member"])
    assert client.get(SNIPPETS).status_code in (302, 403)


def test_demo_seeds_the_situations_once(home):
    load_help_demo(home, log=lambda message: None)
    load_help_demo(home, log=lambda message: None)
    assert HelpSituation.objects.count() == len(SITUATIONS) == 8
    confidential = set(HelpSituation.objects.confidential().values_list("slug", flat=True))
    assert confidential == {"epuisement", "violence-harcelement"}
    burnout = HelpSituation.objects.get(slug="epuisement")
    assert burnout.help_numbers.filter(number="3114").exists()
    assert burnout.help_numbers.filter(to_configure=True).exists()
