"""Method blocks: the reader's checklist (GitBook task lists), e.g. a newcomer's first week."""

from wagtail import blocks

from .text import CELL_FEATURES


class ChecklistItemBlock(blocks.StructBlock):
    """One thing to do, possibly already done in the source (`- [x]`)."""

    text = blocks.CharBlock(label="tâche")
    details = blocks.RichTextBlock(
        label="précisions", required=False, features=CELL_FEATURES, help_text="Liens, sous-étapes…"
    )
    checked = blocks.BooleanBlock(label="cochée par défaut", required=False)

    class Meta:
        icon = "tick"
        label = "Tâche"


class ChecklistBlock(blocks.StructBlock):
    """A list of tasks the reader can tick (GitBook task lists), e.g. a newcomer's first week."""

    title = blocks.CharBlock(label="titre", required=False)
    items = blocks.ListBlock(ChecklistItemBlock(), label="tâches", min_num=1)

    class Meta:
        icon = "tasks"
        label = "Liste de contrôle"
        template = "blocks/checklist.html"
        description = "Des cases à cocher pour le lecteur : rien n'est enregistré."
        group = "Méthode"
        preview_value = {
            "title": "Ma première semaine de coach",
            "items": [
                {"text": "Rencontrer l'intrapreneur ou l'intrapreneure", "details": "", "checked": True},
                {
                    "text": "Relire la fiche produit de la startup d'État",
                    "details": "<p>Problème, usagers visés, indicateurs d'impact.</p>",
                    "checked": False,
                },
                {"text": "Caler le point hebdomadaire avec l'équipe", "details": "", "checked": False},
            ],
        }
