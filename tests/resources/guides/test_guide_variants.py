"""Incubator variants of a guide page: who sees which version, the switch, drafts, restrictions,
the review queue when the shared page changes, and one search result per guide with badges."""

import datetime
import html
import json

from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from community.members.models import Mission
from resources.guides.models import GuidePage, GuideVariantPage
from tests.community.members.factories import make_user
from tests.community.startups.factories import incubator, startup
from tests.core.factories import published_child, with_revision
from tests.resources.guides.factories import GuidePageFactory

pytestmark = pytest.mark.django_db

COMMON_TEXT = "Le marché public se prépare avec la direction des achats."
MI_TEXT = "À la Fabrique du MI, le marché passe par l'UGAP et le bureau des achats du ministère."


def body(text):
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"}])


@pytest.fixture
def mi(home):
    return incubator(home, "fabrique-mi", "Fabrique du MI")


@pytest.fixture
def other_incubator(home):
    return incubator(home, "autre-incubateur", "Autre incubateur")


@pytest.fixture
def guide(sections):
    return with_revision(
        GuidePageFactory(
            parent=sections["guides"], title="Passer un marché", slug="marche", body=body(COMMON_TEXT)
        )
    )


@pytest.fixture
def variant(guide, mi):
    return published_child(
        guide,
        GuideVariantPage(
            title="Version Fabrique du MI",
            slug="version-fabrique-du-mi",
            incubator=mi,
            body=body(MI_TEXT),
            contact="achats-fabrique@example.org",
        ),
    )


def member_of(home, incubator_page, username, end=None):
    """A member whose mission is on a startup of `incubator_page`."""
    user = make_user(username)
    product = startup(home, f"Démarche {username.replace('.', ' ')}", incubator=incubator_page)
    Mission.objects.create(member=user.member, startup=product, start=datetime.date(2026, 1, 1), end=end)
    return user


def text(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_a_member_of_the_incubator_reads_its_variant_by_default(client, home, guide, variant, mi):
    client.force_login(member_of(home, mi, "agent.mi"))
    page = text(client.get(guide.url))
    assert MI_TEXT in page and COMMON_TEXT not in page
    assert "celle de l'incubateur de vos missions" in page
    assert 'data-version="fabrique-mi"' in page
    assert 'href="mailto:achats-fabrique@example.org"' in page


def test_an_ended_mission_no_longer_chooses_the_variant(client, home, guide, variant, mi):
    client.force_login(member_of(home, mi, "ancien.mi", end=datetime.date(2020, 1, 1)))
    page = text(client.get(guide.url))
    assert COMMON_TEXT in page and MI_TEXT not in page


def test_the_url_parameter_selects_a_version_for_anyone(client, home, guide, variant, mi):
    page = text(client.get(guide.url, {"incubateur": "fabrique-mi"}))
    assert MI_TEXT in page and COMMON_TEXT not in page
    client.force_login(member_of(home, mi, "agent.mi"))
    page = text(client.get(guide.url, {"incubateur": "commune"}))
    assert COMMON_TEXT in page and MI_TEXT not in page


def test_an_unknown_incubator_falls_back_to_the_shared_page(client, guide, variant):
    page = text(client.get(guide.url, {"incubateur": "inconnu"}))
    assert COMMON_TEXT in page and "pas de version propre à cet incubateur" in page


def test_others_see_the_shared_page_and_a_switch_listing_the_variants(
    client, home, guide, variant, other_incubator
):
    client.force_login(member_of(home, other_incubator, "agent.autre"))
    page = text(client.get(guide.url))
    assert COMMON_TEXT in page and MI_TEXT not in page
    assert 'aria-label="Versions de cette page"' in page
    assert (
        '<a class="fr-tag" href="/guides/marche/?incubateur=commune" aria-current="page">Version commune</a>'
        in page
    )
    assert (
        '<a class="fr-tag" href="/guides/marche/?incubateur=fabrique-mi">Version Fabrique du MI</a>' in page
    )


def test_a_guide_without_variants_shows_no_switch(client, guide):
    assert "Versions de cette page" not in text(client.get(guide.url))


def test_the_variant_address_shows_the_guide_with_its_version(client, guide, variant):
    page = text(client.get(variant.url))
    assert MI_TEXT in page and COMMON_TEXT not in page
    assert 'data-version="fabrique-mi"' in page


def test_a_draft_variant_is_shown_to_nobody(client, home, guide, other_incubator):
    draft = GuideVariantPage(
        title="Version Autre incubateur",
        slug="version-autre",
        incubator=other_incubator,
        body=body("Brouillon"),
    )
    guide.add_child(instance=draft)
    draft.unpublish()
    draft.save_revision()
    for user in (None, member_of(home, other_incubator, "agent.autre")):
        if user:
            client.force_login(user)
        page = text(client.get(guide.url, {"incubateur": "autre-incubateur"}))
        assert "Brouillon" not in page and "Version Autre incubateur" not in page
        assert COMMON_TEXT in page
    client.logout()
    assert client.get(draft.url_path.removeprefix("/accueil-test")).status_code == 404


def test_a_members_only_variant_is_hidden_from_anonymous_readers(client, home, guide, variant, mi):
    restriction = PageViewRestriction.objects.create(page=variant, restriction_type=PageViewRestriction.LOGIN)
    assert restriction.pk
    page = text(client.get(guide.url, {"incubateur": "fabrique-mi"}))
    assert MI_TEXT not in page and "Version Fabrique du MI" not in page
    client.force_login(make_user("membre"))
    assert MI_TEXT in text(client.get(guide.url, {"incubateur": "fabrique-mi"}))


def publish_with_body(guide, new_text):
    guide = GuidePage.objects.get(pk=guide.pk)
    guide.body = body(new_text)
    guide.save_revision().publish()


def test_publishing_a_change_to_the_shared_page_puts_its_variants_in_the_review_queue(client, guide, variant):
    variant.refresh_from_db()
    assert not variant.needs_review and variant.common_fingerprint
    publish_with_body(guide, COMMON_TEXT)  # published again, unchanged: nothing to review
    variant.refresh_from_db()
    assert not variant.needs_review

    publish_with_body(guide, "Le marché passe désormais par la plateforme des achats de l'État.")
    variant.refresh_from_db()
    assert variant.needs_review and variant.common_changed_at is not None

    client.force_login(make_user("coach", ["Coachs"], is_staff=True))
    report = text(client.get(reverse("guides_variants_report")))
    assert "Version Fabrique du MI" in report
    assert "La page commune a changé depuis votre dernière relecture" in report

    edit = text(client.get(reverse("wagtailadmin_pages:edit", args=[variant.pk])))
    assert "La page commune a changé depuis votre dernière relecture" in edit

    variant.save_revision().publish()  # the incubator's editor read it again and published
    variant.refresh_from_db()
    assert not variant.needs_review
    assert "Version Fabrique du MI" not in text(client.get(reverse("guides_variants_report")))
    edit = text(client.get(reverse("wagtailadmin_pages:edit", args=[variant.pk])))
    assert "La page commune a changé" not in edit


def test_the_review_queue_is_for_editors_only(client, guide, variant):
    client.force_login(make_user("membre"))
    response = client.get(reverse("guides_variants_report"))
    assert response.status_code in (302, 403)


def test_search_shows_one_result_per_guide_with_variant_badges(client, guide, variant):
    response = client.get("/recherche/", {"q": "marché"})
    assert [entry["page"].title for entry in response.context["entries"]] == ["Passer un marché"]
    page = text(response)
    badge = '<a class="fr-tag fr-tag--sm" href="/guides/marche/?incubateur=fabrique-mi">'
    assert badge + "Version Fabrique du MI</a>" in page


def test_a_version_chosen_in_the_address_is_kept_while_reading_on(client, guide, variant):
    GuidePageFactory(parent=guide, title="Le cahier des charges", slug="cahier")
    page = text(client.get(guide.url, {"incubateur": "fabrique-mi"}))
    menu, pager = page.split('class="guide-pager')
    assert 'href="/guides/marche/cahier/?incubateur=fabrique-mi"' in menu
    assert 'rel="next" href="/guides/marche/cahier/?incubateur=fabrique-mi"' in pager
    page = text(client.get("/guides/marche/cahier/", {"incubateur": "fabrique-mi"}))
    assert "pas de version propre à cet incubateur" in page
    assert 'rel="prev" href="/guides/marche/?incubateur=fabrique-mi"' in page
    assert 'rel="next" href="/guides/marche/cahier/"' in text(client.get(guide.url))  # nothing chosen
