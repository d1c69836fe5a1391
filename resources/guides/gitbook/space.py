"""A guide kept in step with its GitBook space: pages in SUMMARY.md order, pages dropped unpublished.

A re-import that finds pages moved to another parent moves them (`upsert_page`); this module puts
siblings back in SUMMARY.md's order, and unpublishes — never deletes — the pages of an earlier
import that SUMMARY.md no longer lists, so an editor can still read, restore or delete them.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction

from wagtail.models import Page

from ..models import GuidePage


@dataclass
class SpaceStats:
    reordered: int = 0  # parents whose imported children were put back in SUMMARY.md order
    unpublished: list[str] = field(default_factory=list)

    def summary_fr(self) -> str:
        return (
            f"  ordre du sommaire : {self.reordered} groupe(s) de pages réordonné(s) ; "
            f"pages retirées du sommaire : {len(self.unpublished)} dépubliée(s)"
        )


def reorder_siblings(wanted_ids: list[int]) -> int:
    """Put the imported pages of each parent in the order of `wanted_ids` (SUMMARY.md's reading order).

    Only parents whose order differs are touched: pages not imported (added by editors) keep their
    place before the imported ones. Returns the number of parents reordered.
    """
    rank = {page_id: index for index, page_id in enumerate(wanted_ids)}
    pages = list(Page.objects.filter(pk__in=wanted_ids).only("pk", "path", "depth").order_by("path"))
    by_parent = defaultdict(list)
    for page in pages:
        by_parent[page.path[: -Page.steplen]].append(page)
    reordered = 0
    for siblings in by_parent.values():
        wanted = sorted(siblings, key=lambda page: rank[page.pk])
        if [p.pk for p in wanted] == [p.pk for p in siblings]:
            continue
        with transaction.atomic():
            parent = Page.objects.get(path=siblings[0].path[: -Page.steplen])
            # Moving each page to the end, in order, leaves them in that order after the others.
            for page in wanted:
                Page.objects.get(pk=page.pk).move(parent, pos="last-child")
        reordered += 1
    return reordered


def unpublish_removed(prefix: str, listed_keys: set[str], report) -> list[str]:
    """Unpublish the live pages imported under `prefix` whose source SUMMARY.md no longer lists."""
    removed = (
        GuidePage.objects.filter(source_key__startswith=prefix, live=True)
        .exclude(source_key__in=listed_keys)
        .order_by("path")
    )
    sources = []
    for page in removed:
        source = page.source_key[len(prefix) :]
        with transaction.atomic():
            page.unpublish(log_action=True)
        report.warn(source, f"page retirée de SUMMARY.md : dépubliée, pas supprimée ({page.url_path})")
        sources.append(source)
    return sources
