"""Admin wiring of the startups app: the startups listing, one "Réseau des startups" menu for
sponsors, audiences and teams, and the report of the data-quality issues found by the last
beta.gouv.fr import."""

from django.urls import reverse

from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.exports import ReportMenuItem, report_urls
from core.importing.quality import ImportIssuesReportView

from .models import (
    Audience,
    ImportIssue,
    IncubatorIndexPage,
    IncubatorPage,
    Organisation,
    StartupIndexPage,
    StartupPage,
    Team,
)
from .viewsets import StartupListingViewSet


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organisations"
    list_display = ["name", "acronym", "slug", "type", "domaine_ministeriel"]
    list_filter = ["type", "domaine_ministeriel"]
    search_fields = ["name", "acronym", "slug"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "user"
    menu_label = "Publics cibles"
    list_display = ["name", "slug", "is_standard"]
    list_filter = ["is_standard"]
    search_fields = ["name", "slug"]


class TeamViewSet(SnippetViewSet):
    model = Team
    icon = "group"
    menu_label = "Équipes d'incubateur"
    list_display = ["name", "slug", "incubator"]


class StartupNetworkGroup(SnippetViewSetGroup):
    items = (OrganisationViewSet, AudienceViewSet, TeamViewSet)
    menu_icon = "site"
    menu_label = "Réseau des startups"
    menu_name = "reseau-startups"


register_snippet(StartupNetworkGroup)


@hooks.register("register_admin_viewset")
def register_startups_listing():
    return StartupListingViewSet()


# --- Report « Qualité des données importées » ---------------------------------------------------


def can_review_import_issues(user) -> bool:
    """Those who may edit a startup or incubator page may see what to fix in its fiche."""
    if user.is_superuser:
        return True
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return editable.type(StartupIndexPage, StartupPage, IncubatorIndexPage, IncubatorPage).exists()


class ImportIssuesView(ImportIssuesReportView):
    """The data-quality issues of the last beta.gouv.fr import, per fiche, exportable as CSV/XLSX."""

    page_title = "Qualité des données importées"
    page_subtitle = "fiches beta.gouv.fr"
    model = ImportIssue
    index_url_name = "startups_import_issues"
    index_results_url_name = "startups_import_issues_results"

    can_view = staticmethod(can_review_import_issues)


@hooks.register("register_admin_urls")
def register_import_issues_urls():
    return report_urls(ImportIssuesView, "rapports/qualite-donnees-importees/", "startups_import_issues")


@hooks.register("register_reports_menu_item")
def register_import_issues_menu_item():
    return ReportMenuItem(
        ImportIssuesView,
        "Qualité des fiches beta.gouv.fr importées",
        reverse("startups_import_issues"),
        name="qualite-donnees-importees",
        icon_name="warning",
        order=720,
    )
