"""The guide pages: written by coaches, nestable like GitBook groups, reviewed on a schedule, and
the improvements members propose for them."""

import datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import PageManager, PageQuerySet
from wagtail.search import index

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase

from core.blocks import BODY_BLOCKS
from core.feeds import ATOM, FEED_ROUTES, RSS
from core.issues import ImportIssueRecord
from core.pages import BasePage, ImportedPageMixin, IndexPage, api_slugs

from .. import feeds
from ..listing import guide_listing, is_filtered
from .reading import reading_context, reading_minutes, table_of_contents
from .variants import variant_context

REVIEW_INTERVALS = [(90, "3 mois"), (180, "6 mois"), (365, "1 an"), (730, "2 ans")]


class GuideIndexPage(RoutablePageMixin, IndexPage):
    """The methodology's front page: the guides written and reviewed by coaches hang under it."""

    subpage_types = ["guides.GuidePage"]

    class Meta:
        verbose_name = "accueil des guides"

    @path(FEED_ROUTES[RSS])
    def rss_feed(self, request):
        return feeds.guide_feed(request, self, RSS)

    @path(FEED_ROUTES[ATOM])
    def atom_feed(self, request):
        return feeds.guide_feed(request, self, ATOM)

    def feed_links(self, request):
        return feeds.guide_feed_links(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        guides = GuidePage.objects.descendant_of(self).live().public().defer_streamfields()
        listing = guide_listing(request, guides, self.page_size)
        context.update(listing.context())
        context["filtered"] = is_filtered(listing)
        return context


class GuidePageTag(TaggedItemBase):
    """Free tags of a guide page (taggit through-model, so tags stay editable in the page form)."""

    content_object = ParentalKey("guides.GuidePage", on_delete=models.CASCADE, related_name="tagged_items")


class GuidePageQuerySet(PageQuerySet):
    def review_overdue(self, today=None):
        """Pages never reviewed, or whose next review date has passed."""
        today = today or timezone.localdate()
        return self.filter(Q(next_review_on__isnull=True) | Q(next_review_on__lt=today))


class GuidePage(ImportedPageMixin, BasePage):
    """A page of the methodology; pages nest to any depth, as GitBook groups do."""

    icon = models.CharField(
        "icône", max_length=16, blank=True, help_text="Un émoji affiché devant le titre (repris de GitBook)."
    )
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name="contenu")
    phases = ParentalManyToManyField(
        "taxonomy.Phase", blank=True, related_name="guides", verbose_name="phases"
    )
    roles = ParentalManyToManyField("taxonomy.Role", blank=True, related_name="guides", verbose_name="public")
    tags = ClusterTaggableManager(through=GuidePageTag, blank=True, verbose_name="mots-clés")
    # `owner` is taken by Wagtail (the page's creator): the responsible coach is a separate field.
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="coach responsable",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guides_owned",
        help_text="La personne qui fait relire et vivre cette page.",
    )
    # Where the page was published on GitBook (import_gitbook --gitbook-base-url): shared links point there.
    source_url = models.URLField("adresse d'origine", max_length=500, blank=True, editable=False)
    last_reviewed_at = models.DateField("dernière relecture", null=True, blank=True)
    review_interval_days = models.PositiveIntegerField(
        "fréquence de relecture", choices=REVIEW_INTERVALS, default=365
    )
    # Stored (not computed in SQL) so the overdue report is one indexed filter on any database.
    next_review_on = models.DateField(
        "prochaine relecture", null=True, blank=True, editable=False, db_index=True
    )

    objects = PageManager.from_queryset(GuidePageQuerySet)()

    parent_page_types = ["guides.GuideIndexPage", "guides.GuidePage"]
    subpage_types = ["guides.GuidePage", "guides.GuideVariantPage"]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("icon"),
        FieldPanel("body"),
    ]
    promote_panels = [
        *BasePage.promote_panels,
        MultiFieldPanel(
            [FieldPanel("phases"), FieldPanel("roles"), FieldPanel("tags")], heading="Classement"
        ),
        MultiFieldPanel(
            [
                FieldPanel("coach"),
                FieldRowPanel([FieldPanel("last_reviewed_at"), FieldPanel("review_interval_days")]),
            ],
            heading="Relecture",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("next_review_on"),
    ]
    # The coach and the review schedule are editorial bookkeeping: not in the open data.
    api_fields = [
        *BasePage.api_fields,
        APIField("icon"),
        APIField("body"),
        api_slugs("phases"),
        api_slugs("roles"),
        APIField("last_reviewed_at"),
    ]

    class Meta:
        verbose_name = "page de guide"
        verbose_name_plural = "pages de guide"

    def save(self, *args, **kwargs):
        self.next_review_on = self.compute_next_review_on()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "last_reviewed_at" in update_fields:
            kwargs["update_fields"] = [*update_fields, "next_review_on"]
        return super().save(*args, **kwargs)

    def compute_next_review_on(self):
        if self.last_reviewed_at is None:
            return None
        return self.last_reviewed_at + datetime.timedelta(days=self.review_interval_days)

    @property
    def is_review_overdue(self):
        due = self.compute_next_review_on()
        return due is None or due < timezone.localdate()

    # --- Reading aids ------------------------------------------------------------------------

    def table_of_contents(self):
        """The page's headings in order, as (level, text, anchor), for the in-page menu."""
        return table_of_contents(self.body)

    def reading_time(self):
        """Estimated minutes to read the introduction and the body (at least one)."""
        return reading_minutes(self.intro, self.body)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(reading_context(self, request))
        # The incubator's variant the reader asked for or belongs to replaces the body (variants.py).
        context.update(variant_context(self, request))
        return context

    @property
    def display_title(self):
        return f"{self.icon} {self.title}" if self.icon else self.title


class CorrectionProposal(models.Model):
    """ "Proposer une amélioration": Wagtail tasks need a revision, a member's text is not one."""

    shown_on_public_pages = False  # kept for the coach, never shown to visitors (core/caching)

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="page", on_delete=models.CASCADE, related_name="correction_proposals"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="proposé par",
        null=True,
        on_delete=models.SET_NULL,
        related_name="correction_proposals",
    )
    # The coach at the time of the proposal (None: the Coachs group as a whole).
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="coach destinataire",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_correction_proposals",
    )
    text = models.TextField("proposition")
    created_at = models.DateTimeField("reçue le", auto_now_add=True)
    done = models.BooleanField("traitée", default=False)

    class Meta:
        verbose_name = "proposition d'amélioration"
        verbose_name_plural = "propositions d'amélioration"
        ordering = ["done", "-created_at"]

    def __str__(self):
        return f"Amélioration proposée pour « {self.page.title} »"


class GuideImportIssue(ImportIssueRecord):
    """A data-quality issue (dead link, unknown GitBook tag…) of one page of the last import of its
    GitBook space, fixed in the export; each run of a space replaces that space's list."""

    source = models.CharField("page de l'export", max_length=500, db_index=True)  # "<space>/<path>"

    class Meta(ImportIssueRecord.Meta):
        verbose_name = "problème de qualité d'un guide importé"
        verbose_name_plural = "problèmes de qualité des guides importés"

    @property
    def source_url(self) -> str:
        """An export is a folder on the importing machine: the report shows its path."""
        return ""
