"""Accounts, the people of the network, and their missions on startups."""

from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
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

# Where beta.gouv.fr member fiches live: an imported member's `source` is relative to it.
BETAGOUV_REPOSITORY = "https://github.com/betagouv/beta.gouv.fr"
BETAGOUV_CONTENT_URL = f"{BETAGOUV_REPOSITORY}/blob/master/content/"


def open_mission_condition(today=None, prefix="") -> Q:
    """A mission still running today: no end, or an end not passed yet."""
    today = today or timezone.localdate()
    return Q(**{f"{prefix}end__isnull": True}) | Q(**{f"{prefix}end__gte": today})


# beta.gouv.fr identifiers are file names such as `prenom.nom`: a slug with dots.
identifier_validator = RegexValidator(
    r"^[-\w.]+\Z",
    "Lettres, chiffres, points, tirets et tirets bas uniquement (ex. : prenom.nom).",
)


class MemberQuerySet(models.QuerySet):
    def with_account(self):
        return self.filter(user__isnull=False)

    def alumni(self, today=None):
        """« Anciens »: at least one validated mission, none of them still running."""
        validated = Mission.objects.filter(member=OuterRef("pk"), validation=Mission.VALIDATED)
        running = validated.filter(open_mission_condition(today))
        return self.filter(Exists(validated)).exclude(Exists(running))

    def claimed(self):
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
    slug = models.CharField("identifiant", max_length=150, unique=True, validators=[identifier_validator])
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
    # Which incubators a coach answers for: they edit those members, validate those missions and
    # decide those claims (community/members/coaching.py). Set by an administrator only.
    coached_incubators = ParentalManyToManyField(
        "startups.IncubatorPage",
        verbose_name="incubateurs accompagnés",
        blank=True,
        related_name="coaches",
        help_text="Pour un ou une coach : les incubateurs dont il ou elle gère les membres.",
    )

    objects = MemberQuerySet.as_manager()

    # Fields a beta.gouv.fr fiche fills in: the import owns them (FABRIQUE_MEMBER_SITE_OWNS_FICHES).
    IMPORTED_FIELDS = (
        "full_name",
        "bio",
        "competences",
        "job_title",
        "domaine",
        "link",
        "github",
        "member_type",
    )

    panels = [
        FieldPanel("full_name"),
        FieldPanel("slug"),
        FieldPanel("user", permission="members.delete_member"),
        FieldPanel("roles"),
        FieldPanel("competences"),
        FieldPanel("mentoring"),
        FieldPanel("bio"),
        FieldPanel("source", read_only=True),
        MultiFieldPanel(
            [
                FieldPanel("job_title"),
                FieldPanel("domaine"),
                FieldPanel("link"),
                FieldPanel("github"),
                FieldPanel("member_type"),
            ],
            "Fiche beta.gouv.fr",
        ),
        FieldPanel("coached_incubators", permission="members.delete_member"),
        InlinePanel("missions", label="mission", heading="Missions"),
    ]
    search_fields = [index.SearchField("full_name"), index.AutocompleteField("full_name")]

    class Meta:
        ordering = ["full_name"]
        verbose_name = "membre"
        verbose_name_plural = "membres"
        permissions = [("contribute", "Peut proposer des contributions depuis le site public")]

    def __str__(self):
        return self.full_name

    @property
    def is_imported(self) -> bool:
        return bool(self.source)

    @property
    def source_url(self) -> str:
        """The fiche on GitHub (`authors/prenom.nom.md` → `content/_authors/prenom.nom.md`)."""
        return f"{BETAGOUV_CONTENT_URL}_{quote(self.source)}" if self.source else ""

    @property
    def account_label(self) -> str:
        return "oui" if self.user_id else "non"

    @property
    def alumni_label(self) -> str:
        return "oui" if self.is_alumni() else "non"

    def is_alumni(self, today=None) -> bool:
        validated = [m for m in self.missions.all() if m.validation == Mission.VALIDATED]
        return bool(validated) and not any(m.is_open(today) for m in validated)


MISSION_STATUSES = [
    ("independent", "Indépendant"),
    ("admin", "Agent public"),
    ("service", "Prestataire"),
]


class MissionQuerySet(models.QuerySet):
    def validated(self):
        return self.filter(validation=Mission.VALIDATED)

    def pending(self):
        return self.filter(validation=Mission.PENDING)

    def running(self, today=None):
        return self.filter(open_mission_condition(today))

    def in_an_incubator(self):
        """Missions that tie a member to an incubator, refused ones aside: the one rule behind « my
        incubator » (the help router's contacts, guide variants, paths and contacts)."""
        return self.filter(startup__incubator__isnull=False).exclude(validation=Mission.REFUSED)

    def incubator_ids(self) -> set:
        return set(self.values_list("startup__incubator_id", flat=True))


class Mission(Orderable):
    """A member's mission, on one startup or none: the startup page lists its team from it."""

    VALIDATED, PENDING, REFUSED = "validee", "en_attente", "refusee"
    VALIDATIONS = [
        (VALIDATED, "Validée"),
        (PENDING, "En attente de validation"),
        (REFUSED, "Refusée"),
    ]

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
    role = models.ForeignKey(
        "taxonomy.Role",
        verbose_name="rôle",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="missions",
    )
    start = models.DateField("début", null=True, blank=True)
    end = models.DateField("fin", null=True, blank=True)
    status = models.CharField("statut", max_length=40, blank=True, choices=MISSION_STATUSES)
    employer = models.CharField("employeur", max_length=200, blank=True)
    # A mission a member declares waits for a coach of the startup's incubator; imported and
    # admin-entered ones are validated. Only validated missions make the team and « alumni ».
    validation = models.CharField(
        "validation", max_length=20, choices=VALIDATIONS, default=VALIDATED, db_index=True
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="validée par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField("validée le", null=True, blank=True)
    # The beta.gouv.fr import replaces its own missions on each run, never the ones entered here.
    imported = models.BooleanField("importée", default=False, editable=False)

    objects = MissionQuerySet.as_manager()

    panels = [
        FieldPanel("startup"),
        FieldPanel("role"),
        FieldPanel("start"),
        FieldPanel("end"),
        FieldPanel("status"),
        FieldPanel("employer"),
        FieldPanel("validation"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "mission"
        verbose_name_plural = "missions"

    def __str__(self):
        startup = self.startup.title if self.startup_id and self.startup else self.startup_ref
        return f"{self.member} — {startup or 'sans startup'}"

    def is_open(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.end is None or self.end >= today

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError(
                {"end": "La date de fin doit être postérieure ou égale à la date de début."}
            )
