"""Navigation blocks: cards, further reading, the home page's doors, links from an onboarding step
(DSFR cards and tiles)."""

import re

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .text import CELL_FEATURES

SAFE_SCHEMES = ("http", "https", "mailto", "tel")


def safe_url(url: str) -> str:
    """The address if a browser would follow it as a link, '' for `javascript:`, `data:` and the like.

    Block values normally come through the admin's URL validation, but importers write them
    directly: rendering is the last place where a `javascript:` address can be stopped.
    """
    url = (url or "").strip()
    # Browsers ignore tabs, newlines and control characters inside a scheme ("jav\tascript:").
    compact = "".join(character for character in url if ord(character) > 0x20).lower()
    scheme = re.match(r"^([a-z][a-z0-9+.-]*):", compact)
    if scheme and scheme.group(1) not in SAFE_SCHEMES:
        return ""
    return url


class LinkValue(blocks.StructValue):
    """One address for a link that may point to a page of the site or elsewhere."""

    @property
    def href(self):
        page = self.get("page")
        if page is not None:
            return page.url
        return safe_url(self.get("url"))

    @property
    def is_external(self):
        return self.get("page") is None and self.href.startswith("http")

    @property
    def display_title(self):
        page = self.get("page")
        return self.get("title") or (page.title if page is not None else "") or self.href


class CardBlock(blocks.StructBlock):
    """One card of a grid: a title, a short text, an optional image and a link."""

    title = blocks.CharBlock(label="titre")
    text = blocks.RichTextBlock(label="texte", required=False, features=CELL_FEATURES)
    image = ImageChooserBlock(label="image", required=False)
    image_url = blocks.CharBlock(label="ou adresse d'une image", required=False)
    page = blocks.PageChooserBlock(label="page liée", required=False)
    url = blocks.CharBlock(label="ou adresse", required=False)

    class Meta:
        icon = "doc-full"
        label = "Carte"
        value_class = LinkValue


class CardsBlock(blocks.StructBlock):
    """A grid of cards (GitBook "cards" tables): several doors side by side."""

    title = blocks.CharBlock(label="titre de la grille", required=False)
    cards = blocks.ListBlock(CardBlock(), label="cartes", min_num=1)

    class Meta:
        icon = "table"
        label = "Grille de cartes"
        template = "blocks/cards.html"
        description = "Des cartes côte à côte : titre, texte, image facultative, lien."
        group = "Navigation"
        preview_value = {
            "title": "Par où commencer l'investigation ?",
            "cards": [
                {
                    "title": "Cadrer le problème",
                    "text": "<p>Qui le vit, à quelle fréquence, ce qu'il coûte aujourd'hui.</p>",
                    "image": None,
                    "image_url": "",
                    "page": None,
                    "url": "/guides/investigation/cadrer-le-probleme/",
                },
                {
                    "title": "Rencontrer les usagers",
                    "text": "<p>Préparer, mener et restituer ses premiers entretiens.</p>",
                    "image": None,
                    "image_url": "",
                    "page": None,
                    "url": "/guides/investigation/entretiens/",
                },
                {
                    "title": "Préparer le comité",
                    "text": "<p>Ce que le comité d'investissement attend à la fin de la phase.</p>",
                    "image": None,
                    "image_url": "",
                    "page": None,
                    "url": "/guides/investigation/comite/",
                },
            ],
        }


class RelatedLinkBlock(blocks.StructBlock):
    """A page of the site (or an address) recommended as further reading."""

    page = blocks.PageChooserBlock(label="page", required=False)
    url = blocks.CharBlock(label="ou adresse", required=False)
    title = blocks.CharBlock(label="titre affiché", required=False)

    class Meta:
        icon = "link"
        label = "Lien"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if value.get("page") is None and not value.get("url"):
            raise blocks.StructBlockValidationError(
                {"page": ValidationError("Choisissez une page ou une adresse.")}
            )
        return value


class RelatedPagesBlock(blocks.StructBlock):
    """Further reading (GitBook "content-ref"): pages to read next, shown as tiles."""

    title = blocks.CharBlock(label="titre", required=False, default="Pour aller plus loin")
    links = blocks.ListBlock(RelatedLinkBlock(), label="pages", min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        label = "Pages liées"
        template = "blocks/related_pages.html"
        description = "Des pages du site à lire ensuite."
        group = "Navigation"
        preview_value = {
            "title": "Pour aller plus loin",
            "links": [
                {"page": None, "url": "/guides/construction/", "title": "Passer en construction"},
                {"page": None, "url": "/ressources/", "title": "Modèles de comptes rendus de comité"},
            ],
        }


class EntryPointBlock(blocks.StructBlock):
    """A door into the site for one audience (newcomer, searcher, contributor) on the home page."""

    title = blocks.CharBlock(label="titre")
    text = blocks.TextBlock(label="texte", required=False)
    page = blocks.PageChooserBlock(label="page de destination", required=False)
    url = blocks.CharBlock(label="ou adresse", required=False, help_text="Ex. : /recherche/")
    icon = blocks.CharBlock(label="icône DSFR", required=False, help_text="Ex. : fr-icon-map-pin-2-line")

    class Meta:
        icon = "link"
        label = "Point d'entrée"
        template = "blocks/entry_point.html"
        description = "Une porte d'entrée de la page d'accueil pour un public : titre, phrase, lien."
        group = "Navigation"
        preview_value = {
            "title": "J'arrive dans une startup d'État",
            "text": "Les phases, les rôles et le vocabulaire de l'incubateur, en dix minutes.",
            "page": None,
            "url": "/parcours/",
            "icon": "fr-icon-map-pin-2-line",
        }


class StepLinkBlock(blocks.StructBlock):
    """A link from an onboarding step: a guide or resource of the site, or an external tool."""

    page = blocks.PageChooserBlock(label="page du site (guide, ressource…)", required=False)
    url = blocks.URLBlock(label="ou outil externe", required=False)
    label = blocks.CharBlock(
        label="libellé",
        required=False,
        help_text="Obligatoire pour un lien externe ; sinon le titre de la page.",
    )

    class Meta:
        icon = "link"
        label = "Lien"
        description = "Un lien d'une étape d'arrivée : une page du site ou un outil externe."
        group = "Navigation"
        # No `template`: the onboarding page lays links out itself; the preview template mirrors it.
        preview_template = "blocks/previews/step_link.html"
        preview_value = {
            "page": None,
            "url": "https://example.org/agenda/point-hebdomadaire-coach",
            "label": "Réserver votre premier point avec votre coach",
        }

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("page") and not value.get("url"):
            errors["page"] = ErrorList(["Choisissez une page du site ou indiquez un lien externe."])
        if value.get("url") and not value.get("page") and not value.get("label"):
            errors["label"] = ErrorList(["Donnez un libellé au lien externe."])
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value
