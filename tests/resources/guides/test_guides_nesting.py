"""GitBook containers nested in a tab stay nested: `<details>` as an accordion inside the tab's panel,
a hint (with its list) as a callout inside it; deeper nesting is flattened, never lost."""

import html
from collections import Counter
from io import StringIO

from django.core.management import call_command

import pytest
from bs4 import BeautifulSoup

from resources.guides.models import GuidePage
from tests import DATA_DIR
from tests.resources.guides.factories import GuideIndexPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def page(home, tmp_path):
    GuideIndexPageFactory(parent=home)
    out = StringIO()
    call_command("import_gitbook", str(DATA_DIR / "gitbook" / "nested"), "--publish", stdout=out, stderr=out)
    return GuidePage.objects.get(source_key="gitbook:nested/par-role.md")


def test_details_and_hint_inside_tabs_are_stored_nested(page):
    assert [block.block_type for block in page.body] == ["paragraph", "tabs", "accordion"]
    coach, intra = page.body[1].value["tabs"]
    assert [b.block_type for b in coach["body"]] == ["paragraph", "accordion"]
    items = coach["body"][1].value["items"]
    # Consecutive details make one accordion; a details inside a details is flattened in its answer.
    assert [item["title"] for item in items] == ["Combien de temps par semaine ?", "Qui choisit le coach ?"]
    assert [b.block_type for b in items[1]["body"]] == ["paragraph", "paragraph", "paragraph"]
    assert html.unescape(items[1]["body"][1].value.source) == "<p><b>Et s'il part ?</b></p>"
    assert [b.block_type for b in intra["body"]] == ["callout", "accordion"]
    assert intra["body"][0].value["style"] == "warning"


def test_the_page_renders_the_nesting_in_html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    panels = soup.select(".fr-tabs__panel")
    assert len(panels) == 2

    # Tab « Coach »: its details are an accordion inside the panel, the answer inside the accordion.
    coach_accordions = panels[0].select(".fr-accordion")
    assert [a.select_one(".fr-accordion__btn").get_text(strip=True) for a in coach_accordions] == [
        "Combien de temps par semaine ?",
        "Qui choisit le coach ?",
    ]
    assert "Une demi-journée" in coach_accordions[0].select_one(".fr-collapse").get_text()
    inner = coach_accordions[1].select_one(".fr-collapse")
    assert "Et s'il part ?" in inner.get_text() and "Un autre coach reprend" in inner.get_text()
    assert not inner.select(".fr-accordion")  # DSFR nests no deeper: the inner details is flattened

    # Tab « Intrapreneur »: the hint is a callout in the panel, its list inside the callout.
    callout = panels[1].select_one(".fr-callout")
    assert callout is not None
    assert [li.get_text(strip=True) for li in callout.select("ul li")] == [
        "rassembler les preuves ;",
        "répéter la présentation.",
    ]
    assert panels[1].select_one(".fr-accordion .fr-accordion__btn").get_text(strip=True) == (
        "Faut-il un prototype ?"
    )

    # The details outside the tabs is still a top-level accordion, not inside a panel.
    outside = [a for a in soup.select(".fr-accordion") if not a.find_parent(class_="fr-tabs__panel")]
    assert [a.select_one(".fr-accordion__btn").get_text(strip=True) for a in outside] == [
        "Question hors onglets"
    ]

    # Every accordion's button controls its own panel: ids are unique on the page.
    ids = Counter(tag["id"] for tag in soup.find_all(id=True))
    assert [name for name, count in ids.items() if count > 1] == []
    for button in soup.select(".fr-accordion__btn"):
        assert soup.find(id=button["aria-controls"]) is not None


def test_a_second_import_changes_nothing(page, tmp_path):
    out = StringIO()
    call_command("import_gitbook", str(DATA_DIR / "gitbook" / "nested"), "--publish", stdout=out, stderr=out)
    assert "Rien n'a changé : 2 inchangés." in out.getvalue()
    assert GuidePage.objects.get(pk=page.pk).revisions.count() == page.revisions.count()
