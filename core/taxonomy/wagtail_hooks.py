"""Admin wiring for the shared taxonomies: one "Taxonomies" menu for phases, roles and thématiques."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Phase, Role, Thematique


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "order"]
    search_fields = ["name", "slug"]
    ordering = ["order", "name"]


class PhaseViewSet(TaxonomyViewSet):
    model = Phase
    icon = "time"
    menu_label = "Phases"


class RoleViewSet(TaxonomyViewSet):
    model = Role
    icon = "user"
    menu_label = "Rôles"


class ThematiqueViewSet(TaxonomyViewSet):
    model = Thematique
    icon = "tag"
    menu_label = "Thématiques"


class TaxonomyGroup(SnippetViewSetGroup):
    items = (PhaseViewSet, RoleViewSet, ThematiqueViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Taxonomies"
    menu_name = "taxonomies"


register_snippet(TaxonomyGroup)
