"""Admin wiring of the help router: situations as snippets, ordered, in their own menu entry."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import HelpSituation


class HelpSituationViewSet(SnippetViewSet):
    model = HelpSituation
    icon = "help"
    menu_label = "Vers qui me tourner ?"
    menu_name = "help_situations"
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["title", "confidential", "sort_order"]
    list_filter = ["confidential"]
    ordering = ["sort_order", "title"]
    search_fields = ["title"]


register_snippet(HelpSituationViewSet)
