"""One page per actor of a startup d'État, tied to the `taxonomy.Role` term it explains."""

import datetime

from django.db import models

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from modelcluster.fields import ParentalKey

from community.members.models import Member
from core.blocks.people import ContactBlock, SkillBlock
from core.blocks.text import RICH_TEXT_FEATURES, SHORT_TEXT_FEATURES
from core.pages import BasePage, api_slugs
from resources.guides.models import GuidePage
from resources.library.models import ResourceIndexPage, ResourcePage

from .paths import OnboardingPathPage
from .steps import ARRIVAL, DEPARTURE

# Page types tagged with roles (a `roles` many-to-many to `taxonomy.Role`).
ROLE_TAGGED_MODELS = [GuidePage, ResourcePage]


# The role page shows this many tagged pages and members, then links to the full filtered listings:
# a role carries thousands of resources and members on the real network.
ROLE_PAGE_LIMIT = 12


def pages_tagged_with_role(role, limit=None):
    """Live public pages of every role-tagged model carrying this role, newest first (`limit` at most).

    With a limit, each model returns only its newest `limit` rows, so the cost stays flat however
    many pages carry the role.
    """
    if role is None:
        return []
    found = []
    for model in ROLE_TAGGED_MODELS:
        queryset = (
            model.objects.live()
            .public()
            .filter(roles=role)
            .defer_streamfields()
            .order_by(models.F("first_published_at").desc(nulls_last=True), "-pk")
        )
        found.extend(queryset[:limit] if limit else queryset)
    # Never-published pages (no date at all) sort last instead of failing the comparison.
    undated = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    pages = sorted(
        found,
        key=lambda page: (page.first_published_at or page.latest_revision_created_at or undated, page.pk),
        reverse=True,
    )
    return pages[:limit] if limit else pages


class RolePage(BasePage):
    """What one actor does, phase by phase, what it needs and whom it asks; the role's home on the site."""

    role = models.OneToOneField(
        "taxonomy.Role",
        verbose_name="rôle de la taxonomie",
        # Deleting a term must not fail in the snippet admin: the page stays, without its role.
        on_delete=models.SET_NULL,
        null=True,
        related_name="role_page",
        help_text="Le même rôle que celui des guides, des ressources et des membres.",
    )
    mission = RichTextField("ce que fait ce rôle", features=RICH_TEXT_FEATURES, blank=True)
    skills = StreamField([("skill", SkillBlock())], verbose_name="compétences utiles", blank=True)
    whom_to_ask = StreamField([("contact", ContactBlock())], verbose_name="à qui s'adresser", blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("role"),
        FieldPanel("mission"),
        InlinePanel(
            "responsibilities", label="responsabilités par phase", heading="Responsabilités par phase"
        ),
        FieldPanel("skills"),
        FieldPanel("whom_to_ask"),
        MultiFieldPanel(
            [InlinePanel("related_links", label="page liée")],
            heading="Guides et ressources choisis",
            help_text="En plus des pages étiquetées avec ce rôle, listées automatiquement.",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("mission"),
        index.SearchField("skills"),
        index.RelatedFields("responsibilities", [index.SearchField("text")]),
        index.RelatedFields("role", [index.SearchField("name"), index.SearchField("description")]),
    ]
    # `whom_to_ask` names people: the page shows it, the open data does not.
    api_fields = [
        *BasePage.api_fields,
        api_slugs("role", many=False),
        APIField("mission"),
        APIField("skills"),
    ]

    parent_page_types = ["onboarding.RoleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "page de rôle"
        verbose_name_plural = "pages de rôle"

    def chosen_pages(self):
        """Pages the editors picked, in their order, live and public only."""
        ids = [link.linked_page_id for link in self.related_links.all()]
        pages = {
            p.pk: p for p in Page.objects.live().public().filter(pk__in=ids).specific().defer_streamfields()
        }
        return [pages[pk] for pk in ids if pk in pages]

    def related_pages(self, limit=None):
        """Chosen pages first, then the newest pages tagged with the role, without duplicates."""
        chosen = self.chosen_pages()
        seen = {p.pk for p in chosen}
        # A chosen page may also be tagged: ask for enough tagged pages to fill `limit` after removal.
        tagged = pages_tagged_with_role(self.role, limit + len(chosen) if limit else None)
        pages = chosen + [p for p in tagged if p.pk not in seen]
        return pages[: max(limit, len(chosen))] if limit else pages

    def members(self):
        if self.role_id is None:
            return Member.objects.none()
        return Member.objects.filter(roles=self.role_id).order_by("full_name")

    def onboarding_paths(self, kind=ARRIVAL):
        """The network's paths of this kind for the role (an incubator's own go to its members)."""
        if self.role_id is None:
            return OnboardingPathPage.objects.none()
        paths = OnboardingPathPage.objects.live().public().filter(roles=self.role_id, kind=kind)
        return paths.filter(incubator__isnull=True).defer_streamfields()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["responsibilities"] = self.responsibilities.select_related("phase").order_by(
            "phase__order", "sort_order"
        )
        context["related_pages"] = self.related_pages(limit=ROLE_PAGE_LIMIT)
        members = self.members()
        context["members"] = members[:ROLE_PAGE_LIMIT]
        context["members_count"] = members.count()
        if self.role_id is not None:
            context["role_slug"] = self.role.slug
            library = ResourceIndexPage.objects.live().first()
            context["library_url"] = library.get_url(request) if library else ""
        context["paths"] = self.onboarding_paths()
        context["departure_paths"] = self.onboarding_paths(DEPARTURE)
        return context


class RoleResponsibility(Orderable):
    """What the role does during one phase of a startup's life."""

    page = ParentalKey(RolePage, on_delete=models.CASCADE, related_name="responsibilities")
    phase = models.ForeignKey(
        "taxonomy.Phase", verbose_name="phase", on_delete=models.CASCADE, related_name="+"
    )
    text = RichTextField("responsabilités", features=SHORT_TEXT_FEATURES)

    panels = [FieldPanel("phase"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = "responsabilité par phase"


class RoleRelatedPage(Orderable):
    """A guide or resource an editor links to a role by hand (the page chooser works on every page)."""

    page = ParentalKey(RolePage, on_delete=models.CASCADE, related_name="related_links")
    linked_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="page", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("linked_page")]

    class Meta(Orderable.Meta):
        verbose_name = "page liée"
