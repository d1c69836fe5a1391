"""The pages every French public site owes its visitors, linked from the DSFR footer.

- the accessibility statement, on the official RGAA model: its conformity status follows from the
  audit's rate (« non conforme » until an audit), and the footer repeats it;
- « Données personnelles »: what is kept, why and how long, from `home.personal_data` (the list
  the purge applies), and the visitor's rights;
- « Mentions légales »: the publisher and the host, from the settings of the deployment;
- « Plan du site »: the live public pages, from the page tree.

Editors write the parts that are theirs (non-conformities, derogations, a free text); what comes
from the deployment or the law is written by the templates, so it cannot drift.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from community.startups.models.compliance import ACCESSIBILITY_BADGES
from core.blocks import BODY_BLOCKS
from core.blocks.text import CELL_FEATURES
from core.pages import BasePage

from ..personal_data import RECORDS

# Sections with more children than this are linked, not listed, in the site map (1,000 startups).
SITEMAP_MAX_CHILDREN = 30

NON_CONFORME, PARTIELLEMENT, TOTALEMENT = "non conforme", "partiellement conforme", "totalement conforme"


def conformity_for(rate) -> str:
    """RGAA status from the share of criteria met: 100 % totally, 50 % partly, else (or unaudited) not."""
    if rate is None:
        return NON_CONFORME
    if rate >= 100:
        return TOTALEMENT
    return PARTIELLEMENT if rate >= 50 else NON_CONFORME


class LegalPage(BasePage):
    """What the four legal pages share: one of each, under the home page, with an editable text."""

    body = StreamField(BODY_BLOCKS, verbose_name="texte complémentaire", blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["legal"] = {
            "publisher": settings.FABRIQUE_PUBLISHER_NAME,
            "publisher_address": settings.FABRIQUE_PUBLISHER_ADDRESS,
            "director": settings.FABRIQUE_PUBLICATION_DIRECTOR,
            "host": settings.FABRIQUE_HOST_NAME,
            "host_address": settings.FABRIQUE_HOST_ADDRESS,
            "contact": settings.FABRIQUE_CONTACT_EMAIL,
            "privacy_contact": settings.FABRIQUE_PRIVACY_EMAIL,
            "matomo": settings.FABRIQUE_MATOMO_ENABLED,
            "site_url": self.get_site().root_url if self.get_site() else "",
        }
        return context


class AccessibilityStatementPage(LegalPage):
    """The accessibility statement (article 47 of law 2005-102), on the official RGAA model."""

    compliance_rate = models.PositiveSmallIntegerField(
        "taux de conformité (%)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="Part des critères RGAA respectés selon le dernier audit. Vide tant qu'aucun audit "
        "n'a été fait : le site est alors « non conforme ».",
    )
    audit_date = models.DateField("date de l'audit", null=True, blank=True)
    auditor = models.CharField("audit réalisé par", max_length=200, blank=True)
    rgaa_version = models.CharField("version du RGAA", max_length=20, default="4.1.2")
    statement_date = models.DateField("déclaration établie le", default=timezone.localdate)
    non_compliant = RichTextField("non-conformités", blank=True, features=CELL_FEATURES)
    derogations = RichTextField(
        "dérogations pour charge disproportionnée", blank=True, features=CELL_FEATURES
    )
    exempt_content = RichTextField(
        "contenus non soumis à l'obligation d'accessibilité", blank=True, features=CELL_FEATURES
    )
    technologies = models.TextField("technologies utilisées", default="HTML5, CSS, JavaScript")
    test_environment = RichTextField("environnement de test", blank=True, features=CELL_FEATURES)
    tools = RichTextField("outils pour évaluer l'accessibilité", blank=True, features=CELL_FEATURES)
    audited_pages = RichTextField(
        "pages ayant fait l'objet de la vérification", blank=True, features=CELL_FEATURES
    )

    content_panels = [
        *LegalPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("compliance_rate"),
                FieldPanel("audit_date"),
                FieldPanel("auditor"),
                FieldPanel("rgaa_version"),
                FieldPanel("statement_date"),
            ],
            "État de conformité",
        ),
        MultiFieldPanel(
            [FieldPanel("non_compliant"), FieldPanel("derogations"), FieldPanel("exempt_content")],
            "Contenus non accessibles",
        ),
        MultiFieldPanel(
            [
                FieldPanel("technologies"),
                FieldPanel("test_environment"),
                FieldPanel("tools"),
                FieldPanel("audited_pages"),
            ],
            "Établissement de la déclaration",
        ),
    ]

    class Meta:
        verbose_name = "déclaration d'accessibilité"

    def clean(self):
        super().clean()
        if self.compliance_rate is not None and not (self.audit_date and self.auditor):
            raise ValidationError(
                {"audit_date": "Un taux de conformité vient d'un audit : indiquez sa date et son auteur."}
            )

    @property
    def conformity(self) -> str:
        return conformity_for(self.compliance_rate)

    @property
    def conformity_badge(self) -> str:
        return ACCESSIBILITY_BADGES[self.conformity]


class PersonalDataPage(LegalPage):
    """« Données personnelles »: what the site keeps, why, how long, and how to exercise one's rights."""

    class Meta:
        verbose_name = "page des données personnelles"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["records"] = RECORDS
        return context


class LegalNoticePage(LegalPage):
    """« Mentions légales »: publisher, publication director and host, from the deployment's settings."""

    class Meta:
        verbose_name = "page des mentions légales"


class SitemapPage(LegalPage):
    """« Plan du site »: the sections and their pages, live and public only, from the page tree."""

    class Meta:
        verbose_name = "plan du site"

    def sitemap(self):
        """The site root's children (sections) with their own children; big sections are only counted."""
        site = self.get_site()
        if site is None:
            return []
        root = site.root_page
        pages = (
            Page.objects.live()
            .public()
            .descendant_of(root)
            .filter(depth__in=(root.depth + 1, root.depth + 2))
            .order_by("path")
            .only("id", "title", "path", "depth", "url_path", "locale_id", "content_type_id")
        )
        sections, by_path = [], {}
        for page in pages:
            if page.depth == root.depth + 1:
                node = {"page": page, "children": []}
                sections.append(node)
                by_path[page.path] = node
            elif (parent := by_path.get(page.path[: -Page.steplen])) is not None:
                parent["children"].append(page)
        for node in sections:
            node["count"] = len(node["children"])
            if node["count"] > SITEMAP_MAX_CHILDREN:
                node["children"] = []
        return sections
