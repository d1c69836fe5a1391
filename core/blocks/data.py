"""Data blocks: tables of short rich text (DSFR « tableau »)."""

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock

from .text import CELL_FEATURES


class TableBlock(TypedTableBlock):
    """A table whose cells are short rich text (GitBook pipe and HTML tables), shown as a DSFR table."""

    def __init__(self, **kwargs):
        super().__init__(
            [
                ("text", blocks.RichTextBlock(features=CELL_FEATURES, label="texte")),
                ("number", blocks.DecimalBlock(label="nombre")),
            ],
            **kwargs,
        )

    class Meta:
        icon = "table"
        label = "Tableau"
        template = "blocks/table.html"
        description = "Un tableau : colonnes typées, légende."
        group = "Données"
        preview_value = {
            "caption": "Les phases d'une startup d'État",
            "columns": [
                {"type": "text", "heading": "Phase"},
                {"type": "number", "heading": "Durée indicative (mois)"},
                {"type": "text", "heading": "Ce qu'on attend de l'équipe"},
            ],
            "rows": [
                {"values": ["<p>Investigation</p>", 6, "<p>Un problème vérifié sur le terrain</p>"]},
                {"values": ["<p>Construction</p>", 18, "<p>Un service utilisé et mesuré</p>"]},
                {"values": ["<p>Accélération</p>", 24, "<p>Un service déployé partout</p>"]},
            ],
        }
