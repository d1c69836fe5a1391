"""The data-quality issues an import found, kept until the next run for the admin report
« Qualité des données importées ».

An import's notices are errors (the record was rejected), data-quality issues an editor fixes at the
source (overlapping phases, unknown sponsor, dead link…) and information (what the importer fixed by
itself: counted, never listed). Only the data-quality issues are kept, one row per notice, in a
model of the app that owns the import (fields `source`, `kind`, `message`, `page`, `position`,
`found_at`, and a `source_url` property for the link to the source file); each run replaces the rows of its
scope, so the list always tells the last run and a run that changes nothing leaves the same list.
"""

from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView

import django_filters

from core.exports import ReportAccessMixin, SafeExportMixin

from .records import ImportReport, notice_kind, notice_level


def quality_issues(report: ImportReport) -> list[dict]:
    """The report's data-quality notices in report order, grouped the way `report.notices()` counts them."""
    return [
        {
            "source": item["source"],
            "kind": notice_kind(item["message"]),
            "message": item["message"],
            "position": n,
        }
        for n, item in enumerate(report.warnings)
        if notice_level(item["message"]) == "quality"
    ]


@transaction.atomic
def replace_issues(model, report: ImportReport, pages: dict[str, int], prefix: str = "") -> int:
    """Replace the stored issues whose source starts with `prefix` (all by default) with `report`'s.

    `pages` maps a notice's source to the id of the page imported from it. `prefix` keeps apart runs
    that share a model (one GitBook space each): it is put before each source. Returns the count kept.
    """
    found_at = timezone.now()
    model.objects.filter(source__startswith=prefix).delete()
    rows = [
        model(
            page_id=pages.get(issue["source"]),
            found_at=found_at,
            **{**issue, "source": prefix + issue["source"]},
        )
        for issue in quality_issues(report)
    ]
    model.objects.bulk_create(rows, batch_size=500)
    return len(rows)


class ImportIssueFilterSet(WagtailFilterSet):
    """Filter by kind of issue; the choices are the kinds of the last run, most frequent first."""

    kind = django_filters.ChoiceFilter(label="Type de problème", empty_label="Tous")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = self.queryset.values("kind").annotate(n=Count("pk")).order_by("-n", "kind")
        self.filters["kind"].extra["choices"] = [
            (row["kind"], f"{row['kind']} ({row['n']})") for row in kinds
        ]


class ImportIssuesReportView(ReportAccessMixin, SafeExportMixin, ReportView):
    """The issues of the last run, per record, with links to the page and to the source file.

    Subclasses set `model`, the URL names, and `can_view`: who may fix the pages concerned.
    """

    header_icon = "warning"
    template_name = "importing/admin/issues_report.html"
    results_template_name = "importing/admin/issues_report_results.html"
    paginate_by = 100
    filterset_class = ImportIssueFilterSet
    list_export = ["source", "source_link", "kind", "message", "page_title", "page_live_url", "found_at"]
    export_headings = {
        "source": "Fiche",
        "source_link": "Fichier source",
        "kind": "Type de problème",
        "message": "Problème",
        "page_title": "Page",
        "page_live_url": "Adresse publique",
        "found_at": "Import du",
    }

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": self.model.objects.all()}

    def get_queryset(self):
        self.queryset = self.model.objects.select_related("page").order_by("source", "position")
        return super().get_queryset()

    def to_row_dict(self, item):
        page = item.page
        values = {
            "source": item.source,
            "source_link": item.source_url or item.source,
            "kind": item.kind,
            "message": item.message,
            "page_title": page.title if page else "",
            "page_live_url": (page.full_url or "") if page and page.live else "",
            "found_at": item.found_at,
        }
        return {field: values[field] for field in self.list_export}

    def get_filename(self):
        return f"qualite-donnees-importees-{timezone.localdate():%Y-%m-%d}"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        everything = self.model.objects.all()
        context["kind_counts"] = list(
            everything.values("kind").annotate(count=Count("pk")).order_by("-count", "kind")
        )
        context["issue_total"] = everything.count()
        context["source_total"] = everything.values("source").distinct().count()
        context["found_at"] = everything.order_by("-found_at").values_list("found_at", flat=True).first()
        return context
