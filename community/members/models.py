"""Accounts, the people of the network, and their missions on startups."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel


class User(AbstractUser):
    """The login account, swappable from day one so that a State SSO (OpenID Connect) fits later."""

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = "compte"
        verbose_name_plural = "comptes"


# The right to propose resources and improvements from the public site (group "Membres").
CONTRIBUTE_PERMISSION = "members.contribute"


class MemberQuerySet(models.QuerySet):
    def with_account(self):
        return self.filter(user__isnull=False)


class Member(index.Indexed, ClusterableModel):
    """A person of the network: imported from beta.gouv.fr or signed up, with or without an account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name="compte",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member",
    )
    slug = models.SlugField("identifiant", max_length=150, unique=True)
    full_name = models.CharField("nom complet", max_length=200)
    bio = models.TextField("présentation", blank=True)
    roles = ParentalManyToManyField("taxonomy.Role", verbose_name="rôles", blank=True, related_name="members")
    competences = models.JSONField("compétences", default=list, blank=True)
    mentoring = models.BooleanField("disponible pour du mentorat", default=False)
    source = models.CharField(
        "source",
        max_length=300,
        blank=True,
        help_text="Fiche d'origine pour un membre importé (ex. : beta.gouv.fr authors/…).",
    )
    # Public professional details from beta.gouv.fr fiches; never an e-mail address.
    job_title = models.CharField("fonction", max_length=200, blank=True)
    domaine = models.CharField("domaine", max_length=100, blank=True)
    link = models.URLField("lien", max_length=500, blank=True)
    github = models.CharField("compte GitHub", max_length=200, blank=True)
    member_type = models.CharField("type de membre", max_length=60, blank=True)

    objects = MemberQuerySet.as_manager()

    panels = [
        FieldPanel("full_name"),
        FieldPanel("slug"),
        FieldPanel("user"),
        FieldPanel("roles"),
        FieldPanel("competences"),
        FieldPanel("mentoring"),
        FieldPanel("bio"),
        FieldPanel("source", read_only=True),
        FieldPanel("job_title"),
        FieldPanel("domaine"),
        FieldPanel("link"),
        FieldPanel("github"),
        FieldPanel("member_type"),
        InlinePanel("missions", label="missions", heading="Missions"),
    ]
    search_fields = [index.SearchField("full_name"), index.AutocompleteField("full_name")]

    class Meta:
        ordering = ["full_name"]
        verbose_name = "membre"
        verbose_name_plural = "membres"
        permissions = [("contribute", "Peut proposer des contributions depuis le site public")]

    def __str__(self):
        return self.full_name


MISSION_STATUSES = [
    ("independent", "Indépendant"),
    ("admin", "Agent public"),
    ("service", "Prestataire"),
]


class Mission(Orderable):
    """A member's mission, on one startup or none: the startup page lists its team from it."""

    member = ParentalKey("members.Member", on_delete=models.CASCADE, related_name="missions")
    startup = models.ForeignKey(
        "startups.StartupPage",
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
