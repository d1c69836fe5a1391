"""Situations of the help router, edited by coaches as snippets, and what members say about them."""

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

# The page types a situation may point to: guides and library resources.
RESOURCE_PAGE_TYPES = ["guides.GuidePage", "library.ResourcePage"]


def validate_channel_address(value: str):
    """A web address (a Mattermost channel, a form) or `mailto:` and an email address."""
    if value.startswith("mailto:"):
        EmailValidator("Saisissez une adresse électronique valide après « mailto: ».")(
            value[len("mailto:") :]
        )
    else:
        URLValidator(schemes=["https", "http"], message="Saisissez une adresse web (https://…) ou mailto:…")(
            value
        )


class HelpSituationQuerySet(models.QuerySet):
    def confidential(self):
        return self.filter(confidential=True)


class HelpSituation(index.Indexed, ClusterableModel):
    """A difficulty members meet (a conflict, leaving, financing…), routed to the help that fits it."""

    title = models.CharField("situation", max_length=120)
    slug = models.SlugField("identifiant", max_length=80, unique=True)
    description = models.TextField(
        "description", blank=True, help_text="Deux ou trois phrases : à qui s'adresse cette situation."
    )
    confidential = models.BooleanField(
        "confidentielle",
        default=False,
        help_text="Santé, violence, harcèlement : lisible sans connexion, rien n'est enregistré sur qui la "
        "consulte, les numéros d'aide extérieurs sont affichés en premier.",
    )
    channel_label = models.CharField(
        "canal",
        max_length=120,
        blank=True,
        help_text="Ex. : canal Mattermost ~entraide.",
    )
    channel_url = models.CharField(
        "adresse du canal",
        max_length=300,
        blank=True,
        validators=[validate_channel_address],
        help_text="https://… ou mailto:…",
    )
    sort_order = models.PositiveIntegerField("ordre", default=0)

    objects = HelpSituationQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("confidential"),
        FieldPanel("sort_order"),
        InlinePanel("help_numbers", label="numéro", heading="Numéros d'aide extérieurs"),
        InlinePanel("resources", label="guide ou ressource", heading="Guides et ressources"),
        InlinePanel("contacts", label="contact", heading="Contacts (par incubateur ou pour tout le réseau)"),
        MultiFieldPanel([FieldPanel("channel_label"), FieldPanel("channel_url")], "Canal"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["sort_order", "title"]
        verbose_name = "situation d'aide"
        verbose_name_plural = "situations d'aide"

    def __str__(self):
        return self.title


class HelpNumber(Orderable):
    """An outside helpline (3919, 3114…) shown first on confidential situations."""

    situation = ParentalKey(HelpSituation, on_delete=models.CASCADE, related_name="help_numbers")
    label = models.CharField("nom", max_length=150)
    number = models.CharField("numéro ou adresse", max_length=80)
    details = models.CharField("précisions", max_length=250, blank=True, help_text="Ex. : gratuit, 24 h/24.")
    to_configure = models.BooleanField(
        "à configurer",
        default=False,
        help_text="Numéro d'exemple, à remplacer par le vôtre.",
    )

    panels = [FieldPanel("label"), FieldPanel("number"), FieldPanel("details"), FieldPanel("to_configure")]

    class Meta(Orderable.Meta):
        verbose_name = "numéro d'aide"

    def __str__(self):
        return f"{self.label} : {self.number}"


class HelpResource(Orderable):
    """A guide or library resource for the situation; shown only to readers allowed to open it."""

    situation = ParentalKey(HelpSituation, on_delete=models.CASCADE, related_name="resources")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="page", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", RESOURCE_PAGE_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = "guide ou ressource"


class HelpContact(Orderable):
    """Whom to reach for the situation: in one incubator, or for the whole network when none is set."""

    situation = ParentalKey(HelpSituation, on_delete=models.CASCADE, related_name="contacts")
    incubator = models.ForeignKey(
        "startups.IncubatorPage",
        verbose_name="incubateur",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Vide : contact pour tout le réseau, proposé à qui n'a pas de contact dans son incubateur.",
    )
    name = models.CharField("nom ou équipe", max_length=150)
    role = models.CharField("rôle", max_length=150, blank=True)
    email = models.EmailField("adresse électronique", blank=True)

    panels = [FieldPanel("incubator"), FieldPanel("name"), FieldPanel("role"), FieldPanel("email")]

    class Meta(Orderable.Meta):
        verbose_name = "contact"

    def __str__(self):
        return self.name


class LivedExperience(models.Model):
    """A member who lived the situation and accepts to be contacted about it (their own choice)."""

    shown_on_public_pages = False  # listed only on pages the page cache never stores

    member = models.ForeignKey(
        "members.Member", verbose_name="membre", on_delete=models.CASCADE, related_name="lived_experiences"
    )
    situation = models.ForeignKey(
        HelpSituation, verbose_name="situation", on_delete=models.CASCADE, related_name="lived_experiences"
    )
    created_at = models.DateTimeField("depuis le", auto_now_add=True)

    class Meta:
        verbose_name = "personne passée par cette situation"
        verbose_name_plural = "personnes passées par ces situations"
        constraints = [models.UniqueConstraint(fields=["member", "situation"], name="help_lived_once")]

    def __str__(self):
        return f"{self.member} — {self.situation}"


class HelpOutcome(models.Model):
    """« Ça m'a aidé / je suis toujours bloqué·e » after a routed situation: anonymous, a day, no more."""

    shown_on_public_pages = False  # an answer must not empty the page cache (core/caching)

    situation = models.ForeignKey(
        HelpSituation, verbose_name="situation", on_delete=models.CASCADE, related_name="outcomes"
    )
    helped = models.BooleanField("ça m'a aidé")
    # The day only, and no account: the answer counts, the person does not.
    answered_on = models.DateField("jour", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "réponse « ça m'a aidé »"
        verbose_name_plural = "réponses « ça m'a aidé »"

    def __str__(self):
        return f"{self.situation} — {'aidé' if self.helped else 'toujours bloqué'}"

    def clean(self):
        if self.situation_id and self.situation.confidential:
            raise ValidationError("Rien n'est enregistré sur une situation confidentielle.")
