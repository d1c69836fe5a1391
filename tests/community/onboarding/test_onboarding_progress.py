"""Ticking steps: stored per user and step, refused for anonymous or forged requests, stable across edits."""

from html import unescape

from django.conf import settings
from django.test import Client, override_settings

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from community.members.models import User
from community.onboarding.models import OnboardingPathPage, OnboardingProgress
from community.onboarding.progress import progress_for
from community.onboarding.summaries import progress_summary
from tests.community.members.factories import MemberFactory, UserFactory
from tests.community.onboarding.factories import OnboardingIndexPageFactory, make_path, step
from tests.core.taxonomy.factories import RoleFactory

pytestmark = pytest.mark.django_db

STEPS = [
    ("jour", "Créer mon compte", True),
    ("jour", "Rejoindre la messagerie", True),
    ("semaine", "Rencontrer mon coach", False),
]


@pytest.fixture
def index(home):
    return OnboardingIndexPageFactory(parent=home)


@pytest.fixture
def path(index):
    return make_path(index, "Arrivée des développeurs", roles=[RoleFactory(slug="developpeur")], steps=STEPS)


@pytest.fixture
def user():
    return UserFactory(username="camille")


@pytest.fixture
def member_client(client, user):
    client.force_login(user)
    return client


def toggle_url(path, step_obj):
    return f"{path.url}etape/{step_obj.pk}/"


def tick(client, path, title, done=True, **extra):
    return client.post(toggle_url(path, step(path, title)), {"done": "1" if done else "0"}, **extra)


def done_titles(user, path):
    return {
        p.step.title for p in OnboardingProgress.objects.filter(user=user, path=path).select_related("step")
    }


def test_member_ticks_and_unticks_a_step(member_client, user, path):
    response = tick(member_client, path, "Créer mon compte")
    assert response.status_code == 302
    assert response["Location"].endswith(f"#etape-{step(path, 'Créer mon compte').pk}")
    assert done_titles(user, path) == {"Créer mon compte"}
    html = member_client.get(path.url).content.decode()
    assert "1 étape faite sur 3 (33 %)" in html
    assert 'value="33"' in html
    assert "Remettre « Créer mon compte » à faire" in html

    tick(member_client, path, "Créer mon compte")  # ticking twice keeps one row
    assert OnboardingProgress.objects.count() == 1
    tick(member_client, path, "Créer mon compte", done=False)
    assert done_titles(user, path) == set()
    assert "0 étape faite sur 3 (0 %)" in member_client.get(path.url).content.decode()


def test_finished_means_every_essential_step(member_client, user, path):
    tick(member_client, path, "Créer mon compte")
    tick(member_client, path, "Rejoindre la messagerie")
    progress = progress_for(path, user)
    assert progress.finished and progress.percent == 67
    assert "Parcours terminé" in member_client.get(path.url).content.decode()


def test_json_answer_for_the_script(member_client, path):
    response = tick(member_client, path, "Rencontrer mon coach", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    data = response.json()
    assert data["step_done"] is True
    assert (data["done"], data["total"], data["percent"], data["finished"]) == (1, 3, 33, False)


def steps_form_data(page, steps, kind="arrivee"):
    """The editor's form for the path; `steps` are dicts in display order (id for existing)."""
    existing = [s for s in steps if "id" in s]
    new = [s for s in steps if "id" not in s]
    forms = []
    for s in existing + new:  # Django formsets want existing forms first; ORDER carries the display order
        forms.append(
            {
                **({"id": str(s["id"])} if "id" in s else {}),
                "ORDER": str(steps.index(s)),
                "moment": s["moment"],
                "title": s["title"],
                "what_to_do": rich_text("<p>À faire.</p>"),
                "links": streamfield([]),
                "duration_minutes": "",
                "essential": "on" if s.get("essential", True) else "",
                "DELETE": "1" if s.get("delete") else "",
            }
        )
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "kind": kind,
            "steps": inline_formset(forms, initial=len(existing)),
            "action-publish": "action-publish",
        }
    )
    data["roles"] = [str(r.pk) for r in page.roles.all()]  # a multiple choice: not flattened
    return data


def edit_steps_in_admin(client, page, steps):
    """Publish the path through the Wagtail editor; `steps` are dicts in display order (id for existing)."""
    response = client.post(f"/admin/pages/{page.pk}/edit/", steps_form_data(page, steps))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return OnboardingPathPage.objects.get(pk=page.pk)


def current_steps(page):
    return [
        {"id": s.pk, "moment": s.moment, "title": s.title, "essential": s.essential}
        for s in page.ordered_steps()
    ]


def test_progress_survives_an_editor_inserting_a_step_before_ticked_ones(
    member_client, user, path, admin_client
):
    tick(member_client, path, "Créer mon compte")
    tick(member_client, path, "Rejoindre la messagerie")
    ticked_ids = set(OnboardingProgress.objects.values_list("step_id", flat=True))

    steps = current_steps(path)
    steps.insert(0, {"moment": "jour", "title": "Lire la charte", "essential": True})
    path = edit_steps_in_admin(admin_client, path, steps)

    assert [s.title for s in path.ordered_steps()] == [
        "Lire la charte",
        "Créer mon compte",
        "Rejoindre la messagerie",
        "Rencontrer mon coach",
    ]
    assert set(OnboardingProgress.objects.values_list("step_id", flat=True)) == ticked_ids
    progress = progress_for(path, user)
    assert (progress.done, progress.total, progress.finished) == (2, 4, False)
    assert progress.next_step.title == "Lire la charte"
    html = member_client.get(path.url).content.decode()
    assert "2 étapes faites sur 4 (50 %)" in html
    assert "Marquer « Lire la charte » comme faite" in html
    assert "Remettre « Créer mon compte » à faire" in html


def test_progress_survives_reordering_and_moving_a_step_to_another_moment(
    member_client, user, path, admin_client
):
    tick(member_client, path, "Rejoindre la messagerie")
    steps = current_steps(path)
    steps.reverse()
    steps[0]["moment"] = "jour"  # "Rencontrer mon coach" moves to day one, first
    path = edit_steps_in_admin(admin_client, path, steps)

    assert [s.title for s in path.ordered_steps()] == [
        "Rencontrer mon coach",
        "Rejoindre la messagerie",
        "Créer mon compte",
    ]
    assert done_titles(user, path) == {"Rejoindre la messagerie"}
    assert "1 étape faite sur 3 (33 %)" in member_client.get(path.url).content.decode()


def test_deleting_a_ticked_step_removes_only_its_tick(member_client, user, path, admin_client):
    tick(member_client, path, "Créer mon compte")
    tick(member_client, path, "Rencontrer mon coach")
    steps = [{**s, "delete": s["title"] == "Créer mon compte"} for s in current_steps(path)]
    path = edit_steps_in_admin(admin_client, path, steps)
    assert done_titles(user, path) == {"Rencontrer mon coach"}
    assert progress_for(path, user).total == 2


def test_anonymous_visitor_reads_the_path_and_is_invited_to_log_in(client, path):
    html = client.get(path.url).content.decode()
    assert "Créer mon compte" in html and "Rencontrer mon coach" in html
    assert f'href="{settings.LOGIN_URL}?next={path.url}"' in html
    assert "data-step-form" not in html


@override_settings(LOGIN_URL="/connexion/")
def test_login_link_follows_the_login_url_setting(client, path):
    assert f'href="/connexion/?next={path.url}"' in client.get(path.url).content.decode()


def test_anonymous_post_is_refused_and_writes_nothing(client, path):
    response = tick(client, path, "Créer mon compte")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{settings.LOGIN_URL}?next=")
    json_response = tick(client, path, "Créer mon compte", HTTP_ACCEPT="application/json")
    assert json_response.status_code == 403
    assert OnboardingProgress.objects.count() == 0


def test_forged_post_without_csrf_token_is_refused(user, path):
    forger = Client(enforce_csrf_checks=True)
    forger.force_login(user)
    response = tick(forger, path, "Créer mon compte")
    assert response.status_code == 403
    assert OnboardingProgress.objects.count() == 0


def test_unknown_step_or_other_paths_step_is_refused(member_client, index, path):
    other = make_path(index, "Autre parcours", steps=[("jour", "Étape ailleurs", True)])
    foreign = step(other, "Étape ailleurs")
    assert member_client.post(f"{path.url}etape/{foreign.pk}/", {"done": "1"}).status_code == 404
    assert member_client.post(f"{path.url}etape/999999/", {"done": "1"}).status_code == 404
    assert member_client.post(f"{path.url}etape/abc/", {"done": "1"}).status_code == 404
    assert member_client.get(toggle_url(path, step(path, "Créer mon compte"))).status_code == 405
    assert OnboardingProgress.objects.count() == 0


def test_my_paths_page_requires_login_and_summarises_progress(client, user, index, path):
    response = client.get("/parcours/mes-parcours/")
    assert response.status_code == 302 and "next=/parcours/mes-parcours/" in response["Location"]

    client.force_login(user)
    assert "Aucun parcours commencé" in client.get("/parcours/mes-parcours/").content.decode()
    tick(client, path, "Créer mon compte")
    html = client.get("/parcours/mes-parcours/").content.decode()
    assert path.title in html
    assert "1 étape faite sur 3 (33 %)" in html
    assert "Prochaine étape : Rejoindre la messagerie" in html


def test_summary_includes_the_paths_of_the_members_roles(user, index, path):
    member = MemberFactory(user=user)
    member.roles.set(path.roles.all())
    member.save()
    make_path(index, "Sans rapport", roles=[RoleFactory(slug="coach")], steps=[("jour", "X", True)])
    assert [p.path.pk for p in progress_summary(user)] == [path.pk]


def test_summary_query_count_does_not_grow_with_paths(user, index, django_assert_num_queries):
    def tick_first_of_new_path(n):
        page = make_path(index, f"Parcours {n}", steps=STEPS)
        OnboardingProgress.objects.create(user=user, path=page, step=page.ordered_steps()[0])

    tick_first_of_new_path(0)
    fresh = User.objects.get(pk=user.pk)  # no cached member
    with django_assert_num_queries(5):
        assert len(progress_summary(fresh)) == 1
    for n in range(1, 5):
        tick_first_of_new_path(n)
    fresh = User.objects.get(pk=user.pk)  # no cached member
    with django_assert_num_queries(5):
        assert len(progress_summary(fresh)) == 5


def test_summary_tag_renders_for_another_page(user, index, path):
    from django.template import Context, Template

    OnboardingProgress.objects.create(user=user, path=path, step=step(path, "Créer mon compte"))
    template = Template("{% load onboarding_tags %}{% onboarding_progress user %}")
    html = template.render(Context({"user": user}))
    assert f'<h3 class="fr-h5 fr-mb-1w"><a href="{path.url}">{path.title}</a></h3>' in html
    assert 'value="33"' in html


def test_editors_can_preview_a_path_not_saved_yet(admin_user, index):
    from community.onboarding.models import OnboardingStep

    page = OnboardingPathPage(
        title="Nouveau parcours",
        slug="nouveau",
        steps=[
            OnboardingStep(moment="mois", title="Étape en préparation", sort_order=0),
            OnboardingStep(moment="mois", title="Autre étape", sort_order=0),
        ],
    )
    page.set_url_path(index)
    response = page.make_preview_request(extra_request_attrs={"user": admin_user})
    assert response.status_code == 200
    assert "Étape en préparation" in response.rendered_content


def test_a_departure_path_refuses_arrival_moments_with_a_french_message(admin_client, path):
    steps = [{"moment": "jour", "title": "Rendre les accès"}, {"moment": "j-30", "title": "Passation"}]
    response = admin_client.post(f"/admin/pages/{path.pk}/edit/", steps_form_data(path, steps, kind="depart"))
    assert response.status_code == 200
    html = unescape(response.content.decode())
    assert "Ce moment ne convient pas à un parcours de départ" in html
    assert "« J-30 », « Dernière semaine », « Dernier jour », « Après »" in html
    assert OnboardingPathPage.objects.get(pk=path.pk).kind == "arrivee"  # nothing saved
