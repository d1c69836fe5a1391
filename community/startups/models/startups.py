"""Startup d'État pages: mission, sections, phases timeline, events, people and links."""

import datetime

from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey, ParentalManyToManyField

from core.blocks import BODY_BLOCKS
from core.pages import BasePage, ImportedPageMixin, api_slugs, route_url

from .attribution import BetagouvSourceMixin
from .compliance import ComplianceMixin

EVENT_LABELS = {
    "committee": "Comité d'investissement",
    "product_launch": "Lancement du produit",
    "national_impact": "Impact national",
    "end": "Fin",
    "fast": "Financement FAST",
    "eig": "Entrepreneurs d'intérêt général",
    "other": "Autre",
}


def current_phase_of(phases, today=None):
    """The latest phase that has started (a phase dated in the future is not current yet)."""
    today = today or timezone.localdate()
    started = [phase for phase in phases if phase.start and phase.start <= today]
    if not started:
        return None
    # max() keeps the first of equal dates: reverse so that the later one in the list wins.
    return max(reversed(started), key=lambda phase: phase.start)


def web_address_only(contact: str) -> str:
    """A contact as published: a web address; e-mail addresses are not (often a named person's)."""
    return contact if contact.startswith(("http://", "https://")) else ""


class StartupPage(BetagouvSourceMixin, ComplianceMixin, ImportedPageMixin, BasePage):
    """One startup d'État: what it solves, for whom, with whom, and where it stands."""

    betagouv_id = models.CharField(
        "identifiant beta.gouv.fr", max_length=200, blank=True, db_index=True, editable=False
    )
    mission = models.TextField("mission", blank=True)
    body = StreamField(BODY_BLOCKS, verbose_name="présentation", blank=True)
    incubator = models.ForeignKey(
        "startups.IncubatorPage",
        verbose_name="incubateur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="startups",
    )
    sponsors = ParentalManyToManyField(
        "startups.Organisation", verbose_name="sponsors", blank=True, related_name="sponsored_startups"
    )
    thematiques = ParentalManyToManyField(
        "taxonomy.Thematique", verbose_name="thématiques", blank=True, related_name="startups"
    )
    audiences = ParentalManyToManyField(
        "startups.Audience", verbose_name="public cible", blank=True, related_name="startups"
    )
    techno = models.JSONField("technologies", default=list, blank=True)
    site_url = models.URLField("site du service", max_length=500, blank=True)
    repository_url = models.URLField("code source", max_length=500, blank=True)
    contact = models.CharField(
        "contact",
        max_length=300,
        blank=True,
        help_text=(
            "Visible dans l'administration seulement s'il s'agit d'une adresse électronique : "
            "beaucoup de fiches donnent l'adresse d'une personne. Une adresse web est affichée."
        ),
    )
    extra = models.JSONField(
        "autres données de la fiche",
        default=dict,
        blank=True,
        help_text="Champs de la fiche d'origine que le site n'exploite pas encore, conservés tels quels.",
    )
    # Denormalized from the phases on save, so the directory filters and sorts without joins.
    current_phase = models.ForeignKey(
        "taxonomy.Phase",
        verbose_name="phase actuelle",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="current_startups",
        editable=False,
    )
    current_phase_start = models.DateField(
        "début de la phase actuelle", null=True, blank=True, editable=False
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("mission"),
        FieldPanel("incubator"),
        FieldPanel("sponsors"),
        InlinePanel("phases", label="phases", heading="Phases"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("thematiques"), FieldPanel("audiences"), FieldPanel("techno")], "Classement"
        ),
        MultiFieldPanel(
            [
                FieldPanel("site_url"),
                FieldPanel("repository_url"),
                FieldPanel("contact"),
            ],
            "Liens",
        ),
        MultiFieldPanel(
            [FieldPanel(name) for name in ComplianceMixin.compliance_fields], "Qualité et conformité"
        ),
        InlinePanel("events", label="événements", heading="Événements"),
        InlinePanel("related_pages", label="page liée", heading="Guides et ressources liés"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("mission"),
        index.SearchField("body"),
        index.FilterField("current_phase"),
        index.FilterField("incubator"),
    ]
    # `public_contact`, not `contact`: an e-mail address is often a named person's (see the field).
    api_fields = [
        *BasePage.api_fields,
        APIField("betagouv_id"),
        APIField("mission"),
        APIField("body"),
        APIField("incubator"),
        api_slugs("sponsors"),
        api_slugs("thematiques"),
        api_slugs("current_phase", many=False),
        APIField("phase_history"),
        APIField("techno"),
        APIField("site_url"),
        APIField("repository_url"),
        APIField("stats_url"),
        APIField("public_contact"),
        APIField("accessibility_status"),
    ]

    parent_page_types = ["startups.StartupIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "startup"
        verbose_name_plural = "startups"

    @property
    def summary(self):
        return self.mission or super().summary

    def save(self, *args, **kwargs):
        phase = current_phase_of(list(self.phases.all()))
        self.current_phase_id = phase.phase_id if phase else None
        self.current_phase_start = phase.start if phase else None
        return super().save(*args, **kwargs)

    @property
    def phase_history(self):
        """Phases in date order as plain data (the API's `phase_history`)."""
        return [
            {"phase": phase.phase.slug, "start": phase.start, "end": phase.end} for phase in self.timeline
        ]

    @cached_property
    def timeline(self):
        """Phases in date order, each marked current, past or future for the DSFR timeline."""
        phases = sorted(self.phases.all(), key=lambda p: (p.start or datetime.date.max, p.sort_order or 0))
        current = current_phase_of(phases)
        today = timezone.localdate()
        for phase in phases:
            if phase is current:
                phase.state = "current"
            elif phase.start and phase.start > today:
                phase.state = "future"
            else:
                phase.state = "past"
        return phases

    @cached_property
    def team(self):
        """Current and past members, from their validated missions; no contact detail is shown."""
        today = timezone.localdate()
        current, past = {}, {}
        missions = self.missions.validated().select_related("member").order_by("-start", "member__full_name")
        for mission in missions:
            target = past if mission.end and mission.end < today else current
            target.setdefault(mission.member_id, mission)
        past = {key: value for key, value in past.items() if key not in current}
        return {"current": list(current.values()), "past": list(past.values())}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Each sponsor links to its page, routed by the directory this startup belongs to.
        parent = self.get_parent().specific if self.path and self.depth > 1 else None
        routable = parent is not None and hasattr(parent, "reverse_subpage")
        context["sponsor_links"] = [
            (org, route_url(request, parent, "organisation", org.slug) if routable else "")
            for org in self.sponsors.all()
        ]
        return context

    @property
    def public_contact(self):
        return web_address_only(self.contact)


class StartupPhase(Orderable):
    """One phase of a startup's life, with its dates: the timeline and the directory are built on it."""

    page = ParentalKey(StartupPage, on_delete=models.CASCADE, related_name="phases")
    phase = models.ForeignKey(
        "taxonomy.Phase", verbose_name="phase", on_delete=models.PROTECT, related_name="+"
    )
    start = models.DateField("début")
    end = models.DateField("fin", null=True, blank=True)
    comment = models.TextField("commentaire", blank=True)

    panels = [FieldPanel("phase"), FieldPanel("start"), FieldPanel("end"), FieldPanel("comment")]

    class Meta(Orderable.Meta):
        verbose_name = "phase"
        verbose_name_plural = "phases"


class StartupEvent(Orderable):
    """A dated milestone of a startup (comité, lancement…), listed under its timeline."""

    page = ParentalKey(StartupPage, on_delete=models.CASCADE, related_name="events")
    name = models.CharField("type", max_length=60)
    date = models.DateField("date")
    comment = models.TextField("commentaire", blank=True)

    panels = [FieldPanel("name"), FieldPanel("date"), FieldPanel("comment")]

    class Meta(Orderable.Meta):
        verbose_name = "événement"
        verbose_name_plural = "événements"

    @property
    def label(self):
        return EVENT_LABELS.get(self.name, self.name)


class StartupRelatedPage(Orderable):
    """A guide or resource worth reading with this startup, chosen by an editor."""

    page = ParentalKey(StartupPage, on_delete=models.CASCADE, related_name="related_pages")
    target = models.ForeignKey(Page, verbose_name="page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = "page liée"
        verbose_name_plural = "pages liées"


def refresh_current_phases(today=None):
    """Re-derive every startup's current phase in three queries (a phase dated in the future
    becomes current on its day, with no edit to the page); returns how many changed."""
    rows = {}
    for row in StartupPhase.objects.order_by("page_id", "sort_order").values("page_id", "phase_id", "start"):
        rows.setdefault(row["page_id"], []).append(StartupPhase(phase_id=row["phase_id"], start=row["start"]))
    changed = []
    for page in StartupPage.objects.only("pk", "current_phase_id", "current_phase_start"):
        phase = current_phase_of(rows.get(page.pk, []), today)
        wanted = (phase.phase_id, phase.start) if phase else (None, None)
        if (page.current_phase_id, page.current_phase_start) != wanted:
            page.current_phase_id, page.current_phase_start = wanted
            changed.append(page)
    StartupPage.objects.bulk_update(changed, ["current_phase", "current_phase_start"])
    return len(changed)
