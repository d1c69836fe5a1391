"""What a fiche says about a startup's quality and compliance: accessibility, security, measures."""

from dataclasses import dataclass

from django.db import models

ACCESSIBILITY_CHOICES = [
    ("non conforme", "Non conforme"),
    ("partiellement conforme", "Partiellement conforme"),
    ("totalement conforme", "Totalement conforme"),
]
# DSFR badge variant per status: the colour repeats what the text already says.
ACCESSIBILITY_BADGES = {
    "non conforme": "error",
    "partiellement conforme": "warning",
    "totalement conforme": "success",
}


@dataclass
class ComplianceItem:
    """One line of the « Qualité et conformité » block: a badge, a link, or both."""

    label: str
    value: str = ""
    badge: str = ""  # DSFR badge variant (success, error, warning, info) or "" for no badge
    url: str = ""
    link_text: str = ""


class ComplianceMixin(models.Model):
    """The compliance and measurement fields of a beta.gouv.fr fiche, shown as one block on the page."""

    accessibility_status = models.CharField(
        "accessibilité", max_length=40, blank=True, choices=ACCESSIBILITY_CHOICES
    )
    # Three states: a fiche that says nothing is not a fiche that says "no".
    analyse_risques = models.BooleanField("analyse de risques réalisée", null=True, blank=True)
    analyse_risques_url = models.URLField("analyse de risques", max_length=500, blank=True)
    mon_service_securise = models.BooleanField(
        "homologation suivie dans MonServiceSécurisé",
        null=True,
        blank=True,
        help_text="Démarche d'homologation de sécurité menée avec l'outil de l'ANSSI.",
    )
    stats_url = models.URLField("statistiques", max_length=500, blank=True)
    dashlord_url = models.URLField("tableau de bord DashLord", max_length=500, blank=True)
    budget_url = models.URLField("budget", max_length=500, blank=True)
    impact_url = models.URLField("mesure d'impact", max_length=500, blank=True)

    compliance_fields = [
        "accessibility_status",
        "analyse_risques",
        "analyse_risques_url",
        "mon_service_securise",
        "stats_url",
        "dashlord_url",
        "budget_url",
        "impact_url",
    ]

    class Meta:
        abstract = True

    @property
    def compliance(self) -> list[ComplianceItem]:
        """The block's lines, in reading order; a field the fiche leaves empty gives no line."""
        items = []
        if self.accessibility_status:
            items.append(
                ComplianceItem(
                    "Accessibilité",
                    self.get_accessibility_status_display(),
                    ACCESSIBILITY_BADGES.get(self.accessibility_status, "info"),
                )
            )
        if self.analyse_risques is not None or self.analyse_risques_url:
            done = self.analyse_risques or (self.analyse_risques is None and self.analyse_risques_url)
            items.append(
                ComplianceItem(
                    "Analyse de risques",
                    "Réalisée" if done else "Non réalisée",
                    "success" if done else "warning",
                    self.analyse_risques_url,
                    "Consulter l'analyse de risques",
                )
            )
        if self.mon_service_securise is not None:
            followed = self.mon_service_securise
            items.append(
                ComplianceItem(
                    "Homologation de sécurité",
                    "Suivie dans MonServiceSécurisé" if followed else "Non suivie dans MonServiceSécurisé",
                    "success" if followed else "warning",
                )
            )
        links = [
            ("Statistiques", self.stats_url, "Statistiques d'usage"),
            ("Suivi de la qualité", self.dashlord_url, "Tableau de bord DashLord"),
            ("Budget", self.budget_url, "Budget de la startup"),
            ("Impact", self.impact_url, "Mesure d'impact"),
        ]
        items.extend(ComplianceItem(label, url=url, link_text=text) for label, url, text in links if url)
        return items
