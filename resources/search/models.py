"""What the site search stores besides Wagtail's index: each indexed page's facet values."""

from django.contrib.postgres.fields import ArrayField
from django.db import models


class PageFacets(models.Model):
    """One row per indexed page with its facet values, so a results page counts them without joins.

    Written beside the page's index entry by our PostgreSQL backend (facet_index.py) and read only
    by it (postgres.py); the table exists on PostgreSQL only (migration 0001). Who may read a page
    is not stored here: the results statement still filters on the page table.
    """

    shown_on_public_pages = False  # bookkeeping of the index, written at indexing (core/caching)

    # The page's id, without a foreign key: like Wagtail's index entries, a row follows the page's
    # indexing (written and deleted with its entry), and deleting a page never has to look here.
    page_id = models.IntegerField(primary_key=True)
    # "field:id" per related value of a facet relation ("kind:3", "phases:2", "roles:5").
    tags = ArrayField(models.CharField(max_length=80), default=list)

    class Meta:
        verbose_name = "facettes d'une page indexée"
        verbose_name_plural = "facettes des pages indexées"

    def __str__(self):
        return f"page {self.page_id} : {', '.join(self.tags)}"
