"""Every top-level block of a StreamField describes itself in the block picker and previews like the site.

Top-level blocks are found from the models, so a block added to a page's StreamField is checked here
without editing this file: it needs a description, a group of the picker and a preview value that
renders on an empty database, through Wagtail's preview view, with the site's stylesheets.
"""

import html
import re

from django.apps import apps
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import strip_tags

from wagtail.fields import StreamField

import pytest
from dsfr.constants import DsfrStaticAssets

from core.blocks import BODY_BLOCKS, EntryPointBlock
from core.blocks.navigation import StepLinkBlock
from core.blocks.people import ContactBlock, ContactCategoryBlock, SkillBlock

GROUPS = {"Texte", "Mise en avant", "Navigation", "Méthode", "Médias", "Données", "Conteneurs", "Personnes"}
"""The headings of the block picker: one per family of `core/blocks/`."""


def top_level_blocks():
    """One block per class among the direct children of every model's StreamField."""
    found = {}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for block in field.stream_block.child_blocks.values():
                    found.setdefault(type(block).__name__, block)
    return dict(sorted(found.items()))


BLOCKS = top_level_blocks()


def preview_url(block):
    return reverse("wagtailadmin_block_preview") + f"?id={block.definition_prefix}"


def sentences(value):
    """The human-readable strings of a raw preview value: those with a space (not URLs, keys, choices)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from sentences(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from sentences(item)
    elif isinstance(value, str) and " " in value:
        yield value


def plain(markup):
    """What a reader sees of some HTML: no tags, no entities, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(markup)).split())


def test_the_blocks_editors_pick_from_are_all_found():
    expected = {type(block).__name__ for _, block in BODY_BLOCKS} | {
        cls.__name__
        for cls in (EntryPointBlock, ContactBlock, SkillBlock, ContactCategoryBlock, StepLinkBlock)
    }
    assert expected <= set(BLOCKS)


@pytest.mark.parametrize("name", BLOCKS)
def test_block_describes_itself_in_the_picker(name):
    block = BLOCKS[name]
    assert block.get_description(), f"{name} : description manquante"
    assert hasattr(block.meta, "preview_value"), f"{name} : preview_value manquant"
    assert block.meta.group in GROUPS, f"{name} : groupe {block.meta.group!r} inconnu"
    assert block.is_previewable, f"{name} : pas d'aperçu dans le sélecteur de blocs"


@pytest.mark.parametrize("name", BLOCKS)
def test_preview_renders_with_the_site_stylesheets(admin_client, name):
    block = BLOCKS[name]
    response = admin_client.get(preview_url(block))
    assert response.status_code == 200
    page = response.content.decode()
    for stylesheet in (DsfrStaticAssets.DSFR_CSS, "css/fabrique.css"):
        assert f'href="{static(stylesheet)}"' in page, f"{name} : {stylesheet} absent"
    raw = block.get_prep_value(block.get_preview_value())
    texts = list(sentences(raw))
    assert texts, f"{name} : l'aperçu n'a aucun texte"
    for text in texts:
        if "<" in text:
            assert plain(text) in plain(page), f"{name} : {plain(text)!r} absent"
        else:
            shown = " ".join(html.unescape(page).split())
            assert " ".join(text.split()) in shown, f"{name} : {text!r} absent"


@pytest.mark.parametrize("name", BLOCKS)
def test_preview_has_no_inline_script_or_style(admin_client, name):
    page = admin_client.get(preview_url(BLOCKS[name])).content.decode()
    assert re.search(r"<script(?![^>]*\ssrc=)", page) is None
    assert "<style" not in page
    assert " style=" not in page


def test_previews_are_for_the_admin_only(client, db):
    response = client.get(preview_url(BLOCKS["ParagraphBlock"]))
    assert response.status_code == 302
    assert "/login/" in response["Location"]
