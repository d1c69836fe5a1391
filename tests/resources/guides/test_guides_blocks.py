"""Every block of the guides renders with its DSFR markup, inside a published guide page."""

import json

import pytest
from bs4 import BeautifulSoup

from tests.resources.guides.factories import GuideIndexPageFactory, GuidePageFactory

INNER = [{"type": "paragraph", "value": "<p>Contenu intérieur</p>"}]
IMAGE = "https://example.org/schema.png"

CASES = {
    "paragraph": (
        "<p>Un <mark>point clé</mark> et du <b>gras</b>.</p>",
        ["<mark>point clé</mark>", "texte-riche"],
    ),
    "heading": (
        {"text": "Préparer le comité", "level": "h3", "anchor": ""},
        ['<h3 id="preparer-le-comite">'],
    ),
    "callout": (
        {"style": "warning", "title": "Prudence", "text": "<p>Vérifiez les droits.</p>"},
        [
            "fr-callout fr-callout--orange-terre-battue fr-icon-warning-line",
            "fr-callout__title",
            "Attention : ",
        ],
    ),
    "quote": (
        {"text": "Partir du problème.", "author": "Une coach", "source": ""},
        ["fr-quote", "fr-quote__author"],
    ),
    "cards": (
        {
            "title": "",
            "cards": [
                {
                    "title": "Carte A",
                    "text": "<p>Texte A</p>",
                    "image": None,
                    "image_url": IMAGE,
                    "page": None,
                    "url": "https://example.org/a",
                },
                {"title": "Carte B", "text": "", "image": None, "image_url": "", "page": None, "url": ""},
            ],
        },
        [
            "fr-card fr-enlarge-link",
            "fr-card__title",
            'href="https://example.org/a"',
            f'src="{IMAGE}"',
            "Carte B",
        ],
    ),
    "related_pages": (
        {
            "title": "Pour aller plus loin",
            "links": [{"page": None, "url": "/guides/", "title": "Les guides"}],
        },
        ["fr-tile", 'href="/guides/"', "Les guides"],
    ),
    "steps": (
        {"title": "", "steps": [{"title": "Rassembler", "body": INNER}, {"title": "Écrire", "body": INNER}]},
        ["fabrique-steps__list", "Étape 1 sur 2", "fr-stepper__title", "Contenu intérieur"],
    ),
    "checklist": (
        {"title": "Arrivée", "items": [{"text": "Créer sa fiche", "details": "", "checked": True}]},
        ["fr-checkbox-group", 'type="checkbox"', "checked", "Créer sa fiche", "<legend"],
    ),
    "figure": (
        {"image": None, "image_url": IMAGE, "alt": "Schéma des phases", "caption": "Les phases"},
        ["fr-content-media", f'src="{IMAGE}"', 'alt="Schéma des phases"', "fr-content-media__caption"],
    ),
    "table": (
        {
            "caption": "Rythme",
            "columns": [{"type": "text", "heading": "Semaine"}, {"type": "text", "heading": "Objectif"}],
            "rows": [{"values": ["<p>1</p>", "<p>Entretiens</p>"]}],
        },
        ['class="fr-table', "<caption>Rythme</caption>", '<th scope="col">Objectif</th>', "Entretiens"],
    ),
    "accordion": (
        {"title": "", "items": [{"title": "Pourquoi ?", "body": INNER}]},
        ["fr-accordions-group", "fr-accordion__btn", "fr-collapse", "Contenu intérieur"],
    ),
    "tabs": (
        {"tabs": [{"title": "Coach", "body": INNER}, {"title": "Intra", "body": INNER}]},
        ["fr-tabs__list", 'role="tab"', "fr-tabs__panel fr-tabs__panel--selected", "Intra"],
    ),
    "embed": (
        {"url": "https://www.youtube.com/watch?v=abc123", "title": "Vidéo", "caption": ""},
        ["fr-responsive-vid", "https://www.youtube-nocookie.com/embed/abc123"],
    ),
    "document": (
        {"document": None, "url": "https://example.org/modele.pdf", "title": "Modèle", "description": ""},
        ["fr-download", "fr-download__link", "PDF"],
    ),
}


@pytest.fixture
def guides(home):
    return GuideIndexPageFactory(parent=home)


@pytest.mark.parametrize("block_type", sorted(CASES))
def test_block_renders_dsfr_markup(client, guides, block_type):
    value, expected = CASES[block_type]
    page = GuidePageFactory(parent=guides, body=json.dumps([{"type": block_type, "value": value}]))
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    for fragment in expected:
        assert fragment in html, f"{block_type}: {fragment!r} absent"


def test_every_body_block_is_covered():
    from core.blocks import BODY_BLOCKS

    assert {name for name, _ in BODY_BLOCKS} == set(CASES)


def test_external_embed_is_a_link_not_a_frame(client, guides):
    value = {"url": "https://beta.gouv.fr/startups", "title": "Les startups", "caption": ""}
    page = GuidePageFactory(parent=guides, body=json.dumps([{"type": "embed", "value": value}]))
    html = client.get(page.url).content.decode()
    assert "<iframe" not in html
    assert 'href="https://beta.gouv.fr/startups"' in html


def test_missing_local_image_shows_its_alt_text_instead_of_a_broken_image(client, guides):
    value = {
        "image": None,
        "image_url": "../.gitbook/assets/x.png",
        "alt": "Carte des incubateurs",
        "caption": "",
    }
    page = GuidePageFactory(parent=guides, body=json.dumps([{"type": "figure", "value": value}]))
    html = client.get(page.url).content.decode()
    assert "Image non disponible : Carte des incubateurs" in html
    assert "x.png" not in html


def test_figure_requires_alt_text_and_a_source():
    from wagtail.blocks import StructBlockValidationError

    from core.blocks import FigureBlock

    block = FigureBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": None, "image_url": IMAGE, "alt": "", "caption": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": None, "image_url": "", "alt": "Schéma", "caption": ""}))


def test_two_tab_sets_and_a_repeated_block_get_ids_of_their_own(client, guides):
    """Imported bodies may hold blocks without an id, or the same block twice (a reusable
    GitBook block included twice): every tab, panel and accordion section still has its own id."""
    tabs = {"tabs": [{"title": "Coach", "body": INNER}, {"title": "Intra", "body": INNER}]}
    accordion = {"title": "", "items": [{"title": "Pourquoi ?", "body": INNER}]}
    body = [
        {"type": "tabs", "value": tabs},
        {"type": "tabs", "value": tabs},
        {"type": "accordion", "value": accordion, "id": "meme-bloc"},
        {"type": "accordion", "value": accordion, "id": "meme-bloc"},
    ]
    page = GuidePageFactory(parent=guides, body=json.dumps(body))
    html = BeautifulSoup(client.get(page.url).content, "html.parser")
    ids = [element["id"] for element in html.select("[id]")]
    assert len(ids) == len(set(ids))
    assert len(html.select(".fr-tabs__list")) == 2
    controlled = [element["aria-controls"] for element in html.select(".fr-tabs__tab, .fr-accordion__btn")]
    assert len(controlled) == 6 and len(set(controlled)) == 6
    assert all(html.find(id=target) for target in controlled)
