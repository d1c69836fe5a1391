"""Text blocks: running text, section headings and quotes (DSFR typography and « citation »)."""

from django.utils.text import slugify

from wagtail import blocks

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "mark", "ol", "ul", "link", "document-link"]
"""Features of every rich text field; `mark` (highlight) is registered in `core/wagtail_hooks.py`."""

CELL_FEATURES = ["bold", "italic", "mark", "link", "ul", "ol"]
# Short texts of roles and onboarding steps: no headings.
SHORT_TEXT_FEATURES = ["bold", "italic", "ul", "ol", "link"]


class ParagraphBlock(blocks.RichTextBlock):
    """Running text: the editor's everyday block."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = "Texte"
        template = "blocks/paragraph.html"
        description = "Du texte mis en forme : paragraphes, listes, liens, mise en évidence."
        group = "Texte"
        preview_value = (
            "<p>En <b>investigation</b>, l'équipe passe ses premières semaines sur le terrain : elle "
            "rencontre les agents et les usagers, et <mark>mesure l'ampleur du problème</mark> avant "
            "d'écrire la moindre ligne de code.</p>"
            "<ul><li>Une vingtaine d'entretiens en deux mois</li>"
            "<li>Un premier prototype jetable, montré à cinq usagers</li></ul>"
        )


class HeadingValue(blocks.StructValue):
    """Gives the heading a stable anchor, used by the table of contents and by old GitBook links."""

    # Not named `anchor`: templates look up dict keys before attributes.
    @property
    def anchor_id(self):
        return self.get("anchor") or slugify(self.get("text", "")) or "section"


class HeadingBlock(blocks.StructBlock):
    """A section title that also feeds the page's table of contents."""

    text = blocks.CharBlock(label="titre")
    level = blocks.ChoiceBlock(
        choices=[("h2", "Niveau 2"), ("h3", "Niveau 3"), ("h4", "Niveau 4")], default="h2", label="niveau"
    )
    anchor = blocks.CharBlock(
        label="ancre",
        required=False,
        help_text="Identifiant de la section dans l'adresse (#…). Laisser vide pour le déduire du titre.",
    )

    class Meta:
        icon = "title"
        label = "Titre de section"
        template = "blocks/heading.html"
        value_class = HeadingValue
        description = "Un titre de section, repris dans le sommaire de la page."
        group = "Texte"
        preview_value = {"text": "Préparer le comité d'investissement", "level": "h2", "anchor": ""}


class QuoteBlock(blocks.StructBlock):
    """A testimony or a quoted principle, set apart as a DSFR quote."""

    text = blocks.TextBlock(label="citation")
    author = blocks.CharBlock(label="auteur ou autrice", required=False)
    source = blocks.CharBlock(label="source", required=False)

    class Meta:
        icon = "openquote"
        label = "Citation"
        template = "blocks/quote.html"
        description = "Une citation mise en valeur (composant « citation » du DSFR)."
        group = "Texte"
        preview_value = {
            "text": "On ne construit pas un service public sans ses usagers.",
            "author": "Une coach",
            "source": "Bilan de fin de construction d'une startup d'État",
        }
