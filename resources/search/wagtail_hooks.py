"""Admin wiring of the site search: the « Recherches sans résultat » report, pinned results and synonyms."""

from django.urls import path, reverse

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.exports import ReportMenuItem, report_urls

from . import reports
from .models import PinnedResult, SearchSynonym


@hooks.register("register_admin_urls")
def register_search_report_urls():
    return [
        *report_urls(reports.ZeroResultReportView, "recherches/", "search_zero_results"),
        path("recherches/brouillon/", reports.create_draft_for_query, name="search_zero_results_draft"),
    ]


@hooks.register("register_reports_menu_item")
def register_search_report_menu_item():
    return ReportMenuItem(
        reports.ZeroResultReportView,
        "Recherches sans résultat",
        reverse("search_zero_results"),
        icon_name="search",
        order=710,
    )


class PinnedResultViewSet(SnippetViewSet):
    model = PinnedResult
    icon = "pick"
    menu_label = "Résultats épinglés"
    list_display = ["query", "page", "sort_order"]
    search_fields = ["query"]


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "link"
    menu_label = "Synonymes"
    list_display = ["term", "expansion"]
    search_fields = ["term", "expansion"]


class SearchCurationGroup(SnippetViewSetGroup):
    items = (PinnedResultViewSet, SearchSynonymViewSet)
    menu_icon = "search"
    menu_label = "Recherche du site"
    menu_name = "search_curation"
    menu_order = 330


register_snippet(SearchCurationGroup)
