"""Page feedback: stored, escaped, bounded, rate-limited, honeypot; admin report and overall rate."""

from django.test import Client

import pytest

from community.feedback.models import PageFeedback
from community.feedback.satisfaction import overall_satisfaction
from core.security.ratelimit import RATE_LIMIT_MESSAGE
from tests.community.members.factories import make_user
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

FEEDBACK = "/avis/"
REPORT = "/admin/avis/"


@pytest.fixture
def page(home):
    return ContentPageFactory(parent=home, title="Page évaluée", slug="page-evaluee")


def test_content_pages_show_the_feedback_component(client, page):
    html = client.get(page.url).content.decode()
    assert "Cette page vous a-t-elle été utile ?" in html
    assert f'<input type="hidden" name="page" value="{page.pk}">' in html
    assert 'name="csrfmiddlewaretoken"' in html.split('id="avis"')[1]


def test_an_answer_is_stored_and_thanked(client, page):
    response = client.post(FEEDBACK, {"page": page.pk, "useful": "oui", "comment": "  Très utile.  "})
    assert response.status_code == 302
    assert response.url == f"{page.url}#avis"
    feedback = PageFeedback.objects.get()
    assert feedback.page_id == page.pk and feedback.useful is True
    assert feedback.comment == "Très utile."
    assert feedback.user is None
    assert "Merci, votre avis a été enregistré" in client.get(page.url).content.decode()


def test_a_logged_in_answer_keeps_its_author(client, page):
    user = make_user("camille")
    client.force_login(user)
    client.post(FEEDBACK, {"page": page.pk, "useful": "non"})
    assert PageFeedback.objects.get().user == user


def test_missing_answer_and_long_comment_are_explained_and_kept(client, page):
    response = client.post(FEEDBACK, {"page": page.pk, "comment": "x" * 1001})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Répondez par oui ou par non." in html
    assert 'id="avis-commentaire-erreur"' in html
    assert "1000 caractères" in html
    assert "x" * 1001 in html  # what was typed is kept
    assert not PageFeedback.objects.exists()


@pytest.mark.parametrize("page_value", ["999999", "abc", ""])
def test_unknown_page_is_refused_without_error(client, home, page_value):
    response = client.post(FEEDBACK, {"page": page_value, "useful": "oui"})
    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_unpublished_page_is_refused(client, home):
    draft = ContentPageFactory(parent=home, live=False)
    response = client.post(FEEDBACK, {"page": draft.pk, "useful": "oui"})
    assert response.status_code == 400
    assert "pas publiée" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_honeypot_answers_thanks_and_stores_nothing(client, page):
    response = client.post(FEEDBACK, {"page": page.pk, "useful": "oui", "site_web": "http://spam"})
    assert response.status_code == 302
    assert not PageFeedback.objects.exists()


def test_missing_csrf_token_is_refused(page):
    response = Client(enforce_csrf_checks=True).post(FEEDBACK, {"page": page.pk, "useful": "oui"})
    assert response.status_code == 403
    assert not PageFeedback.objects.exists()


def test_get_is_not_allowed(client, page):
    assert client.get(FEEDBACK).status_code == 405


def test_eleventh_answer_in_a_minute_is_refused(client, page):
    for _ in range(10):
        assert client.post(FEEDBACK, {"page": page.pk, "useful": "oui"}).status_code == 302
    response = client.post(FEEDBACK, {"page": page.pk, "useful": "non", "comment": "Mon commentaire"})
    html = response.content.decode()
    assert response.status_code == 429
    assert RATE_LIMIT_MESSAGE in html
    assert "Mon commentaire" in html
    assert PageFeedback.objects.count() == 10


def test_overall_satisfaction(page):
    assert overall_satisfaction() == {"total": 0, "useful": 0, "rate": None}
    for useful in (True, True, True, False):
        PageFeedback.objects.create(page=page, useful=useful)
    assert overall_satisfaction() == {"total": 4, "useful": 3, "rate": 75}


def test_admin_report_shows_rate_and_escaped_comments(client, page):
    PageFeedback.objects.create(page=page, useful=True, comment="<script>alert('x')</script>")
    PageFeedback.objects.create(page=page, useful=False, comment="Il manque un exemple.")
    client.force_login(make_user("coach", ["Coachs"]))
    report = client.get(REPORT)
    html = report.content.decode()
    assert report.status_code == 200
    assert "Page évaluée" in html
    assert "50 %" in html
    detail = client.get(f"{REPORT}{page.pk}/").content.decode()
    assert "Il manque un exemple." in detail
    assert "<script>alert('x')</script>" not in detail
    assert "&lt;script&gt;" in detail


def test_report_appears_in_the_reports_menu_for_readers_only(client, page):
    client.force_login(make_user("coach", ["Coachs"]))
    assert "Avis des lecteurs" in client.get("/admin/").content.decode()
    client.force_login(make_user("administratrice", ["Administrateurs"]))
    assert "Avis des lecteurs" in client.get("/admin/").content.decode()
