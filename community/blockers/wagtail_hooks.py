"""Admin wiring of the blockers app: editors define blockers and the rules leading to recommendations."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Blocker, RecommendationRule


class BlockerViewSet(SnippetViewSet):
    model = Blocker
    icon = "warning"
    menu_label = "Blocages"
    list_display = ["name", "slug", "order"]


class RecommendationRuleViewSet(SnippetViewSet):
    model = RecommendationRule
    icon = "list-ol"
    menu_label = "Règles de recommandation"
    list_display = ["name", "blocker", "position"]
    list_filter = ["blocker"]


class BlockersGroup(SnippetViewSetGroup):
    items = (BlockerViewSet, RecommendationRuleViewSet)
    menu_icon = "warning"
    menu_label = "Blocages"
    menu_name = "blocages"


register_snippet(BlockersGroup)
