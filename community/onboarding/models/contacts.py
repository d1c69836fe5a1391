"""The "Qui contacter" directory: who helps with what, from accounts to well-being at work."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from core.blocks.people import ContactCategoryBlock
from core.pages import BasePage


class ContactDirectoryPage(BasePage):
    """Whom to turn to for accounts, method, well-being and leaving: the network's, or an incubator's."""

    incubator = models.ForeignKey(
        "startups.IncubatorPage",
        verbose_name="incubateur",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contact_pages",
        help_text="Vide : les contacts du réseau, montrés quand l'incubateur du membre n'a pas les siens.",
    )
    categories = StreamField(
        [("category", ContactCategoryBlock())], verbose_name="sujets et contacts", blank=True
    )

    content_panels = [*BasePage.content_panels, FieldPanel("incubator"), FieldPanel("categories")]
    search_fields = [*BasePage.search_fields, index.SearchField("categories")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "page « Qui contacter »"
        verbose_name_plural = "pages « Qui contacter »"
