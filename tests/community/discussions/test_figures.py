"""The discussions' figures: active groups, messages a day, posters, resolved questions."""

from datetime import timedelta

from django.utils import timezone

import pytest

from community.discussions.figures import discussion_figures, resolved_problems
from community.discussions.models import Message
from tests.community.discussions.factories import join, make_group, make_person, make_thread
from tests.home.factories import KeyFiguresPageFactory

pytestmark = pytest.mark.django_db


def test_figures_count_visible_activity_and_resolved_questions():
    active, quiet = make_group("actif"), make_group("calme")
    alice, bruno = join(active, make_person("alice")), join(quiet, make_person("bruno"))
    thread = make_thread(active, alice)
    make_thread(active, alice, title="Deuxième").messages.update(hidden=True)
    make_thread(quiet, bruno).messages.update(created_at=timezone.now() - timedelta(days=45))
    thread.resolved_at = timezone.now()
    thread.save()
    overall = {figure.label.split(" (")[0]: figure for figure in discussion_figures()["overall"]}
    assert overall["Groupes actifs"].value == 1 and overall["Groupes actifs"].target == 200
    assert overall["Groupes actifs"].previous == 1 and overall["Groupes actifs"].trend == "stable"
    assert overall["Messages par jour"].value == round(1 / 30, 1)
    assert overall["Membres qui ont écrit ces 30 derniers jours"].value == 1
    assert resolved_problems() == 1
    assert resolved_problems(since=timezone.now() + timedelta(minutes=1)) == 0
    assert Message.objects.count() == 3


def test_key_figures_page_shows_the_discussions(client, home):
    KeyFiguresPageFactory(parent=home, title="Chiffres", slug="chiffres")
    group = make_group()
    make_thread(group, join(group, make_person("alice")))
    page = client.get("/chiffres/").content.decode()
    assert "Les discussions des groupes" in page and "Groupes actifs" in page and "5000" in page
