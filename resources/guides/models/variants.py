"""Incubator variants of a guide page: « Version Fabrique du MI » writes only what differs.

Decision: a child page type under the shared guide page rather than a snippet. It inherits, with no
admin of its own to build, the guide's moderation workflow, revisions, preview, scheduled publishing,
page permissions (an incubator's editors get « ajouter / modifier » on a guide or a section) and view
restrictions (a members-only guide's variants are members-only too). The switch links to the shared
page with `?incubateur=<slug>`, where the variant's body, coach and contact replace the shared ones;
the side menu and the previous/next pages stay the guide's. The variant's own address (and its
preview) shows the same, its canonical link being the guide's.

Which version a reader sees: the one named by `?incubateur=` (`commune` for the shared text), else the
variant of an incubator of their running validated missions, else the shared page. A URL parameter and
no cookie: the anonymous page cache keys on the full address, so every version is cached apart.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import models

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.fields import StreamField

from community.members.models import Mission
from core.blocks import BODY_BLOCKS
from core.pages import BasePage, ImportedPageMixin
from core.visibility import readable

from .reading import reading_minutes, table_of_contents

INCUBATOR_PARAMETER = "incubateur"
COMMON_VERSION = "commune"


class VariantReviewNotice(HelpPanel):
    """« La page commune a changé depuis votre dernière relecture », atop a flagged variant's form."""

    class BoundPanel(HelpPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            # The live row holds the flag (drift.py writes no revision): the form's instance may not.
            live = GuideVariantPage.objects.filter(pk=self.instance.pk, needs_review=True)
            row = live.values("common_changed_at").first() if self.instance.pk else None
            self.flagged = row is not None
            self.changed = row["common_changed_at"] if row else None

        def is_shown(self):
            return self.flagged


class GuideVariantForm(WagtailAdminPageForm):
    """Refuses a second variant of one incubator under one guide: readers would only ever see one."""

    def clean(self):
        cleaned = super().clean()
        incubator = cleaned.get("incubator")
        if incubator is None or self.parent_page is None:
            return cleaned
        twin = (
            GuideVariantPage.objects.child_of(self.parent_page)
            .filter(incubator=incubator)
            .exclude(pk=self.instance.pk)
            .first()
        )
        if twin is not None:
            self.add_error(
                "incubator",
                f"Ce guide a déjà une variante pour {incubator.title} : « {twin.title} ». "
                "Modifiez-la plutôt que d'en créer une seconde.",
            )
        return cleaned


class GuideVariantPage(ImportedPageMixin, BasePage):
    """An incubator's own version of the guide page above it, so its editors write only the difference."""

    incubator = models.ForeignKey(
        "startups.IncubatorPage",
        verbose_name="incubateur",
        on_delete=models.PROTECT,
        related_name="guide_variants",
    )
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name="contenu")
    coach = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="coach de l'incubateur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="guide_variants_coached",
        help_text="Remplace le coach de la page commune pour les lecteurs de cette version.",
    )
    contact = models.CharField(
        "qui contacter",
        max_length=300,
        blank=True,
        help_text="Une adresse web ou électronique, ou un nom : affiché aux lecteurs de cette version.",
    )
    # Review bookkeeping written on publication (resources/guides/drift.py), never in the form: the
    # shared page's content this variant was last published against, and whether it changed since.
    common_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    needs_review = models.BooleanField("à relire", default=False, editable=False, db_index=True)
    common_changed_at = models.DateTimeField(
        "page commune modifiée le", null=True, blank=True, editable=False
    )

    parent_page_types = ["guides.GuidePage"]
    subpage_types = []
    base_form_class = GuideVariantForm

    content_panels = [
        VariantReviewNotice(template="guides/admin/variant_review_notice.html"),
        *BasePage.content_panels,
        FieldPanel("incubator"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("coach"), FieldPanel("contact")], heading="Contact de l'incubateur"),
    ]

    class Meta:
        verbose_name = "variante d'incubateur"
        verbose_name_plural = "variantes d'incubateur"

    @property
    def contact_url(self) -> str:
        if self.contact.startswith(("http://", "https://")):
            return self.contact
        if "@" in self.contact and " " not in self.contact.strip():
            return f"mailto:{self.contact.strip()}"
        return ""

    def get_sitemap_urls(self, request=None):
        """Listed through its guide (`?incubateur=`), whose address is the canonical one."""
        return []

    # Served and previewed (Wagtail's get_preview_template/get_preview_context call these) as the
    # guide page with this version shown, a draft one included in preview.
    def get_template(self, request, *args, **kwargs):
        return self.get_parent().specific.get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        guide = self.get_parent().specific
        context = guide.get_context(request, *args, **kwargs)
        context.update(variant_context(guide, request, forced=self))
        return context


def version_url(guide, incubator_slug, request=None) -> str:
    return f"{guide.get_url(request=request)}?{INCUBATOR_PARAMETER}={incubator_slug}"


def published_variants(guide, user):
    """The live variants of `guide` that `user` may read, in tree order (drafts never)."""
    variants = GuideVariantPage.objects.child_of(guide).select_related("incubator", "coach").order_by("path")
    return list(readable(variants, user))


def reader_incubator_ids(user) -> set:
    """The incubators of the startups of a member's running missions (the members' rule)."""
    if user is None or not user.is_authenticated:
        return set()
    return Mission.objects.filter(member__user=user).running().in_an_incubator().incubator_ids()


def chosen_variant(variants, request):
    """(variant or None, how it was chosen: "url", "missions" or "")."""
    asked = request.GET.get(INCUBATOR_PARAMETER, "").strip()
    if asked:
        return next((v for v in variants if v.incubator.slug == asked), None), "url"
    mine = reader_incubator_ids(getattr(request, "user", None))
    variant = next((v for v in variants if v.incubator_id in mine), None)
    return variant, "missions" if variant else ""


def variant_context(guide, request, forced=None):
    """What the guide template shows: the chosen version's body, coach and contact, and the switch."""
    variants = published_variants(guide, getattr(request, "user", None))
    if forced is not None:
        variant, reason = forced, "url"
        variants = [v for v in variants if v.pk != forced.pk] + [forced]
    else:
        variant, reason = chosen_variant(variants, request)
    asked = request.GET.get(INCUBATOR_PARAMETER, "").strip()
    switch = [
        {
            "label": "Version commune",
            "url": version_url(guide, COMMON_VERSION, request),
            "current": not variant,
        }
    ]
    switch += [
        {"label": v.title, "url": version_url(guide, v.incubator.slug, request), "current": v == variant}
        for v in variants
    ]
    shown = variant or guide
    # A version chosen in the address is kept by the side menu and the previous/next links, even
    # through pages that have no variant of that incubator.
    kept = variant.incubator.slug if forced is not None else asked[:255]
    return {
        "version_query": f"?{urlencode({INCUBATOR_PARAMETER: kept})}" if kept else "",
        "variant": variant,
        "variant_reason": reason,
        "variant_missing": bool(asked) and asked != COMMON_VERSION and variant is None,
        "versions": switch if variants else [],
        "body": shown.body,
        "toc": table_of_contents(shown.body),
        "reading_time": reading_minutes(guide.intro, shown.body),
        "guide_coach": (variant.coach if variant and variant.coach_id else guide.coach),
    }
