"""Highlight blocks: the DSFR « mise en avant » (callout), GitBook's hints."""

from wagtail import blocks

from .text import ParagraphBlock

CALLOUT_STYLES = {
    # style: (label, DSFR accent modifier, DSFR icon, text read by screen readers)
    "info": ("Information", "", "fr-icon-information-line", "Information"),
    "success": ("Bonne pratique", "fr-callout--green-emeraude", "fr-icon-success-line", "Bonne pratique"),
    "warning": ("Attention", "fr-callout--orange-terre-battue", "fr-icon-warning-line", "Attention"),
    "danger": ("Danger", "fr-callout--pink-tuile", "fr-icon-error-warning-line", "Danger"),
}


class CalloutValue(blocks.StructValue):
    """Maps the GitBook hint style onto DSFR accent colour, icon and a spoken label."""

    def _style(self):
        return CALLOUT_STYLES.get(self.get("style"), CALLOUT_STYLES["info"])

    @property
    def css_class(self):
        _, accent, icon, _ = self._style()
        return " ".join(part for part in ("fr-callout", accent, icon) if part)

    @property
    def spoken_label(self):
        return self._style()[3]


class CalloutBlock(blocks.StructBlock):
    """A highlighted note (GitBook "hint"): information, good practice, warning or danger."""

    style = blocks.ChoiceBlock(
        choices=[(key, value[0]) for key, value in CALLOUT_STYLES.items()], default="info", label="type"
    )
    title = blocks.CharBlock(label="titre", required=False)
    text = ParagraphBlock(label="texte")

    class Meta:
        icon = "warning"
        label = "Mise en avant"
        template = "blocks/callout.html"
        value_class = CalloutValue
        description = "Un encadré d'information, de bonne pratique, d'avertissement ou de danger."
        group = "Mise en avant"
        preview_value = {
            "style": "success",
            "title": "Fixez tôt la date du comité",
            "text": (
                "<p>Dès le premier mois d'investigation, convenez avec votre coach de la date du comité "
                "d'investissement : l'équipe sait ce qu'elle doit prouver, et pour quand.</p>"
            ),
        }
