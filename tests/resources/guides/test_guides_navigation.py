"""Reading a guide on a three-level tree: side menu, table of contents, previous/next, editor tools."""

import datetime
import json
import re

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from tests.community.members.factories import UserFactory
from tests.resources.guides.factories import GuideIndexPageFactory, GuidePageFactory

TODAY = datetime.date.today()


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level, "anchor": ""}}


@pytest.fixture
def tree(home):
    """index → A (→ A1 (→ A1a), A2), B — reading order A, A1, A1a, A2, B."""
    index = GuideIndexPageFactory(parent=home)
    a = GuidePageFactory(
        parent=index,
        title="Alpha",
        slug="alpha",
        body=json.dumps(
            [
                heading("Pourquoi une investigation"),
                {"type": "paragraph", "value": "<p>" + "mot " * 450 + "</p>"},
                heading("Les entretiens", "h3"),
            ]
        ),
        last_reviewed_at=TODAY,
    )
    a1 = GuidePageFactory(parent=a, title="Alpha un", slug="alpha-un", last_reviewed_at=TODAY)
    a1a = GuidePageFactory(parent=a1, title="Alpha un a", slug="alpha-un-a", last_reviewed_at=TODAY)
    a2 = GuidePageFactory(parent=a, title="Alpha deux", slug="alpha-deux", last_reviewed_at=TODAY)
    b = GuidePageFactory(
        parent=index, title="Bêta", slug="beta", last_reviewed_at=TODAY - datetime.timedelta(400)
    )
    return {"index": index, "a": a, "a1": a1, "a1a": a1a, "a2": a2, "b": b}


def soup_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_side_menu_shows_the_guide_tree_and_marks_the_current_page(client, tree):
    soup = soup_of(client, tree["a1a"])
    menu = soup.select_one("nav.fr-sidemenu")
    links = [a.get_text(strip=True) for a in menu.select("a.fr-sidemenu__link")]
    assert "Alpha un a" in links and "Alpha deux" in links
    assert "Bêta" not in menu.get_text()  # another guide's tree
    current = menu.select_one('[aria-current="page"]')
    assert current["href"] == tree["a1a"].url
    # The ancestors of the current page are unfolded.
    assert menu.select_one(f'button[aria-controls="menu-guide-{tree["a1"].pk}"]')["aria-expanded"] == "true"
    assert menu.select_one(f'button[aria-controls="menu-guide-{tree["a"].pk}"]')["aria-expanded"] == "true"


@pytest.mark.parametrize(
    ("key", "previous", "following"),
    [("a", None, "a1"), ("a1", "a", "a1a"), ("a1a", "a1", "a2"), ("a2", "a1a", "b"), ("b", "a2", None)],
)
def test_previous_and_next_follow_depth_first_reading_order(client, tree, key, previous, following):
    soup = soup_of(client, tree[key])
    prev_link = soup.select_one('a[rel="prev"]')
    next_link = soup.select_one('a[rel="next"]')
    assert (prev_link["href"] if prev_link else None) == (tree[previous].url if previous else None)
    assert (next_link["href"] if next_link else None) == (tree[following].url if following else None)


def test_table_of_contents_lists_headings_with_working_anchors(client, tree):
    soup = soup_of(client, tree["a"])
    toc = soup.select_one("nav.fr-summary")
    entries = [(a.get_text(strip=True), a["href"]) for a in toc.select("a")]
    assert entries == [
        ("Pourquoi une investigation", "#pourquoi-une-investigation"),
        ("Les entretiens", "#les-entretiens"),
    ]
    for _, href in entries:
        assert soup.find(id=href[1:]) is not None


def test_breadcrumb_reading_time_and_review_date(client, tree):
    soup = soup_of(client, tree["a1a"])
    crumbs = [a.get_text(strip=True) for a in soup.select(".fr-breadcrumb a")]
    assert crumbs[-3:] == ["Alpha", "Alpha un", "Alpha un a"]
    assert len(soup.find_all("h1")) == 1
    text = soup_of(client, tree["a"]).get_text(" ")
    assert re.search(r"Lecture\s*:\s*3\s*min", text), text[-3000:]  # 460 words at 200 words a minute
    assert re.search(r"Relu le \d+ \w+ \d{4}", text)


def test_editor_sees_edit_link_and_overdue_flag_anonymous_does_not(client, tree):
    overdue = tree["b"]
    html = client.get(overdue.url).content.decode()
    assert "Modifier cette page" not in html and "À relire" not in html
    coach = UserFactory(groups=["Coachs"])
    client.force_login(coach)
    html = client.get(overdue.url).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[overdue.pk]) in html
    assert "À relire" in html
    assert "À relire" not in client.get(tree["a"].url).content.decode()  # reviewed today


def test_member_without_edit_rights_gets_no_edit_link(client, tree):
    client.force_login(UserFactory(groups=["Membres"]))
    assert "Modifier cette page" not in client.get(tree["b"].url).content.decode()


def test_overdue_report_lists_only_pages_past_their_review(client, tree):
    never = GuidePageFactory(parent=tree["index"], title="Jamais relue", slug="jamais")
    client.force_login(UserFactory(groups=["Coachs"]))
    response = client.get(reverse("guides_overdue_report"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bêta" in html and never.title in html
    assert "Alpha deux" not in html


def test_overdue_report_is_closed_to_anonymous_visitors(client, tree):
    response = client.get(reverse("guides_overdue_report"))
    assert response.status_code == 302


def test_guide_index_lists_its_guides(client, tree):
    html = client.get(tree["index"].url).content.decode()
    assert "Alpha" in html and "Bêta" in html


def test_side_menu_cost_does_not_grow_with_the_tree(client, tree, django_assert_max_num_queries):
    client.get(tree["a1a"].url)
    for n in range(10):
        GuidePageFactory(parent=tree["a2"], title=f"Ajout {n}", slug=f"ajout-{n}")
    with django_assert_max_num_queries(40) as small:
        client.get(tree["a1a"].url)
    for n in range(10, 30):
        GuidePageFactory(parent=tree["a2"], title=f"Ajout {n}", slug=f"ajout-{n}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(tree["a1a"].url)
