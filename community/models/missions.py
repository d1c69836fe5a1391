"""Who worked on which startup, and when: the link between members and startups."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from modelcluster.fields import ParentalKey

MISSION_STATUSES = [
    ("independent", "Indépendant"),
    ("admin", "Agent public"),
    ("service", "Prestataire"),
]


class Mission(Orderable):
    """A member's mission, on one startup or none: the startup page lists its team from it."""

    member = ParentalKey("community.Member", on_delete=models.CASCADE, related_name="missions")
    startup = models.ForeignKey(
        "community.StartupPage",
        verbose_name="startup",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="missions",
    )
    startup_ref = models.CharField(
        "identifiant de la startup",
        max_length=200,
        blank=True,
        help_text="Tel qu'écrit dans la fiche, conservé même si la startup est introuvable.",
    )
    start = models.DateField("début", null=True, blank=True)
    end = models.DateField("fin", null=True, blank=True)
    status = models.CharField("statut", max_length=40, blank=True, choices=MISSION_STATUSES)
    employer = models.CharField("employeur", max_length=200, blank=True)

    panels = [
        FieldPanel("startup"),
        FieldPanel("start"),
        FieldPanel("end"),
        FieldPanel("status"),
        FieldPanel("employer"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "mission"
        verbose_name_plural = "missions"

    def __str__(self):
        return f"{self.member} — {self.startup_ref or 'sans startup'}"
