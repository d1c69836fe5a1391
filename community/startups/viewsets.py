"""The startups as one flat admin listing, filterable and downloadable as CSV or XLSX.

Startups are pages: Wagtail's `PageListingViewSet` lists them across the tree with its own
permission rules (an editor only sees the pages they may explore), and `list_export` gives the
« Télécharger » buttons. The fiche's `contact` is left out: it is often a named person's address.
"""

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet

from core.exports import SafeExportMixin

from .models import StartupPage


def names(manager) -> str:
    return ", ".join(str(item) for item in manager.all())


class StartupIndexView(SafeExportMixin, IndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .select_related("incubator", "current_phase")
            .prefetch_related("sponsors", "thematiques")
        )

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["sponsors"] = names(item.sponsors)
        row["thematiques"] = names(item.thematiques)
        row["techno"] = ", ".join(item.techno or [])
        row["accessibility_status"] = item.get_accessibility_status_display()
        return row


class StartupListingViewSet(PageListingViewSet):
    model = StartupPage
    index_view_class = StartupIndexView
    name = "startups_admin"
    icon = "rocket"
    menu_label = "Startups"
    menu_order = 250
    add_to_admin_menu = True
    list_display = [
        "title",
        Column("incubator", label="Incubateur"),
        Column("current_phase", label="Phase actuelle"),
        "current_phase_start",
        "latest_revision_created_at",
    ]
    list_filter = ["incubator", "current_phase", "thematiques"]
    list_export = [
        "title",
        "betagouv_id",
        "url",
        "status_string",
        "mission",
        "incubator.title",
        "current_phase.name",
        "current_phase_start",
        "sponsors",
        "thematiques",
        "techno",
        "site_url",
        "repository_url",
        "accessibility_status",
        "stats_url",
        "impact_url",
    ]
    export_headings = {
        "title": "Startup",
        "betagouv_id": "Identifiant beta.gouv.fr",
        "url": "Adresse de la page",
        "status_string": "Statut",
        "mission": "Mission",
        "incubator.title": "Incubateur",
        "current_phase.name": "Phase actuelle",
        "current_phase_start": "Début de la phase actuelle",
        "sponsors": "Sponsors",
        "thematiques": "Thématiques",
        "techno": "Technologies",
        "site_url": "Site du service",
        "repository_url": "Code source",
        "accessibility_status": "Accessibilité",
        "stats_url": "Statistiques",
        "impact_url": "Mesure d'impact",
    }
    export_filename = "startups"
