"""What members state to grow (help offered, mentor sought, mobility), contact requests, mission offers."""

from django.db import models
from django.utils import timezone

from wagtail.models import Page

MEMBERS, NOBODY = "membres", "personne"
VISIBILITIES = [(MEMBERS, "Visible des membres connectés"), (NOBODY, "Visible de personne")]
MESSAGE_MAX_LENGTH = 1000


class MentoringProfile(models.Model):
    """A member's « je peux aider sur… », « je cherche un·e mentor pour… » and mobility, each with
    its own visibility: nothing is shown to anyone until the member chooses « membres »."""

    shown_on_public_pages = False  # read by logged-in members only (core/caching)

    member = models.OneToOneField(
        "members.Member", verbose_name="membre", on_delete=models.CASCADE, related_name="mentoring_profile"
    )
    help_skills = models.JSONField("je peux aider sur (compétences)", default=list, blank=True)
    help_thematiques = models.ManyToManyField(
        "taxonomy.Thematique", verbose_name="je peux aider sur (thématiques)", blank=True, related_name="+"
    )
    help_visibility = models.CharField(
        "visibilité de « je peux aider »", max_length=20, choices=VISIBILITIES, default=NOBODY
    )
    seeking_skills = models.JSONField("je cherche un·e mentor pour (compétences)", default=list, blank=True)
    seeking_thematiques = models.ManyToManyField(
        "taxonomy.Thematique", verbose_name="je cherche pour (thématiques)", blank=True, related_name="+"
    )
    seeking_phases = models.ManyToManyField(
        "taxonomy.Phase", verbose_name="phases que je prépare", blank=True, related_name="+"
    )
    seeking_note = models.TextField("je cherche un·e mentor pour", max_length=MESSAGE_MAX_LENGTH, blank=True)
    seeking_visibility = models.CharField(
        "visibilité de « je cherche »", max_length=20, choices=VISIBILITIES, default=NOBODY
    )
    mobility_open = models.BooleanField("ouvert·e à une mobilité", default=False)
    mobility_role = models.ForeignKey(
        "taxonomy.Role",
        verbose_name="rôle souhaité",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    mobility_from = models.DateField("disponible à partir du", null=True, blank=True)
    mobility_visibility = models.CharField(
        "visibilité de la mobilité", max_length=20, choices=VISIBILITIES, default=NOBODY
    )
    updated_at = models.DateTimeField("mis à jour le", auto_now=True)

    class Meta:
        verbose_name = "profil de mentorat"
        verbose_name_plural = "profils de mentorat"

    def __str__(self):
        return f"Mentorat — {self.member}"

    @property
    def offers_help(self) -> bool:
        return self.help_visibility == MEMBERS and bool(self.help_skills or self.help_thematiques.exists())

    @property
    def shows_mobility(self) -> bool:
        return self.mobility_visibility == MEMBERS and self.mobility_open


class MentoringRequest(models.Model):
    """A contact request sent through the site: the mentor's address is never shown to ask; they
    accept or decline, and only an acceptance puts the two in touch."""

    shown_on_public_pages = False

    PENDING, ACCEPTED, DECLINED = "en_attente", "acceptee", "refusee"
    STATUSES = [(PENDING, "En attente"), (ACCEPTED, "Acceptée"), (DECLINED, "Déclinée")]

    requester = models.ForeignKey(
        "members.Member", verbose_name="demandeur", on_delete=models.CASCADE, related_name="mentoring_sent"
    )
    mentor = models.ForeignKey(
        "members.Member", verbose_name="mentor", on_delete=models.CASCADE, related_name="mentoring_received"
    )
    message = models.TextField("message", max_length=MESSAGE_MAX_LENGTH)
    # Why the site suggested this mentor, as the requester read it: the mentor sees it too.
    reasons = models.TextField("raisons de la suggestion", blank=True)
    status = models.CharField("statut", max_length=20, choices=STATUSES, default=PENDING, db_index=True)
    created_at = models.DateTimeField("envoyée le", default=timezone.now, db_index=True)
    answered_at = models.DateTimeField("répondue le", null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "demande de mentorat"
        verbose_name_plural = "demandes de mentorat"

    def __str__(self):
        return f"{self.requester} → {self.mentor} ({self.get_status_display()})"


class MissionOfferQuerySet(models.QuerySet):
    def listed(self):
        """Open offers of live, public startups: drafts and closed offers are never listed."""
        return self.filter(status=MissionOffer.OPEN, startup__live=True).filter(
            startup__in=Page.objects.public().values("pk")
        )


class MissionOffer(models.Model):
    """« On recrute »: a mission a startup's team offers, so members find internal mobility first."""

    shown_on_public_pages = False  # listed to logged-in members only

    DRAFT, OPEN, CLOSED = "brouillon", "ouverte", "pourvue"
    STATUSES = [(DRAFT, "Brouillon"), (OPEN, "Ouverte"), (CLOSED, "Pourvue ou fermée")]

    startup = models.ForeignKey(
        "startups.StartupPage",
        verbose_name="startup",
        on_delete=models.CASCADE,
        related_name="mission_offers",
    )
    role = models.ForeignKey(
        "taxonomy.Role", verbose_name="rôle", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField("intitulé", max_length=200)
    description = models.TextField("description", max_length=4000)
    starts_on = models.DateField("à partir du", null=True, blank=True)
    status = models.CharField("statut", max_length=20, choices=STATUSES, default=DRAFT, db_index=True)
    posted_by = models.ForeignKey(
        "members.Member", verbose_name="publiée par", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField("créée le", auto_now_add=True)
    updated_at = models.DateTimeField("mise à jour le", auto_now=True)

    objects = MissionOfferQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = "offre de mission"
        verbose_name_plural = "offres de mission"

    def __str__(self):
        return self.title
