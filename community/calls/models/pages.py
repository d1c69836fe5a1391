"""The calls' pages: `/appels/` lists them, each call says who may apply, what is offered and when."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from modelcluster.fields import ParentalKey

from core.blocks import RICH_TEXT_FEATURES
from core.pages import BasePage, IndexPage

from .. import applying, calendar, listing
from ..status import OPEN, STATUS_BADGES, STATUS_LABELS, status_for


class CallIndexPage(RoutablePageMixin, IndexPage):
    """ "Appels à candidatures": every call of the network, filterable by incubator and status."""

    subpage_types = ["calls.CallPage"]

    class Meta:
        verbose_name = "accueil des appels à candidatures"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing.call_listing(request, self))
        return context

    @path(calendar.FEED_PATH, name="calendar")
    def calendar_feed(self, request):
        return calendar.deadlines_feed(request, self)


class CallPage(RoutablePageMixin, BasePage):
    """One call for applications of an incubator: its audience, offer, calendar, FAQ and laureates."""

    incubator = models.ForeignKey(
        "startups.IncubatorPage",
        verbose_name="incubateur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="calls",
    )
    eligibility = RichTextField("qui peut candidater", features=RICH_TEXT_FEATURES, blank=True)
    offer = RichTextField("ce qui est proposé", features=RICH_TEXT_FEATURES, blank=True)
    how_to_apply = RichTextField("comment candidater", features=RICH_TEXT_FEATURES, blank=True)
    opens_on = models.DateField("ouverture des candidatures")
    deadline = models.DateField(
        "date limite de dépôt", help_text="Les candidatures sont reçues jusqu'à la fin de ce jour."
    )
    jury_on = models.DateField("date du jury", null=True, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("incubator"),
        MultiFieldPanel(
            [FieldPanel("opens_on"), FieldPanel("deadline"), FieldPanel("jury_on")], "Calendrier"
        ),
        FieldPanel("eligibility"),
        FieldPanel("offer"),
        FieldPanel("how_to_apply"),
        InlinePanel("questions", label="question", heading="Questions fréquentes"),
        InlinePanel("laureates", label="lauréat", heading="Lauréats"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("eligibility"),
        index.SearchField("offer"),
        index.FilterField("incubator"),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("incubator"),
        APIField("opens_on"),
        APIField("deadline"),
        APIField("jury_on"),
        APIField("status"),
    ]

    parent_page_types = ["calls.CallIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "appel à candidatures"
        verbose_name_plural = "appels à candidatures"

    def clean(self):
        super().clean()
        if self.opens_on and self.deadline and self.deadline < self.opens_on:
            raise ValidationError({"deadline": "La date limite doit suivre l'ouverture des candidatures."})
        if self.jury_on and self.deadline and self.jury_on < self.deadline:
            raise ValidationError({"jury_on": "Le jury se réunit après la date limite de dépôt."})

    @property
    def status(self) -> str:
        return status_for(self.opens_on, self.deadline)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    @property
    def status_badge(self) -> str:
        return STATUS_BADGES[self.status]

    @property
    def is_open(self) -> bool:
        return self.status == OPEN

    @path("candidater/", name="apply")
    def apply_view(self, request):
        return applying.application_form(request, self)


class CallQuestion(Orderable):
    """A question applicants ask, answered once on the call's page rather than by email each time."""

    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="questions")
    question = models.CharField("question", max_length=300)
    answer = RichTextField("réponse", features=RICH_TEXT_FEATURES)

    panels = [FieldPanel("question"), FieldPanel("answer")]


class CallLaureate(Orderable):
    """A laureate of the call, linked to the startup it became so readers follow what came of it."""

    call = ParentalKey(CallPage, on_delete=models.CASCADE, related_name="laureates")
    name = models.CharField("projet lauréat", max_length=200)
    summary = models.TextField("en une phrase", blank=True)
    startup = models.ForeignKey(
        "startups.StartupPage",
        verbose_name="startup devenue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="call_laureates",
    )

    panels = [FieldPanel("name"), FieldPanel("summary"), FieldPanel("startup")]

    def public_startup(self):
        """The startup page, only when anyone may read it (a draft or restricted page is not linked)."""
        startup = self.startup
        if startup is None or not startup.live or startup.get_view_restrictions().exists():
            return None
        return startup
