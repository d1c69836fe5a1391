"""Admin wiring for the shared taxonomies: one "Taxonomies" menu for phases, roles and thématiques."""

import wagtail.admin.rich_text.editors.draftail.features as draftail_features
from wagtail import hooks
from wagtail.admin.rich_text.converters.editor_html import WhitelistRule
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup
from wagtail.whitelist import allow_without_attributes

from home.models import Phase, Role, Thematique


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


@hooks.register("register_rich_text_features")
def register_mark_feature(features):
    """`<mark>` (highlight): GitBook guides use it, and editors need it to point at a key sentence."""
    features.register_editor_plugin(
        "draftail",
        "mark",
        draftail_features.InlineStyleFeature(
            {
                "type": "MARK",
                "label": "☆",
                "description": "Surligner",
                "style": {"backgroundColor": "#fef7da"},
            }
        ),
    )
    features.register_converter_rule(
        "contentstate",
        "mark",
        {
            "from_database_format": {"mark": InlineStyleElementHandler("MARK")},
            "to_database_format": {"style_map": {"MARK": "mark"}},
        },
    )
    features.register_converter_rule("editorhtml", "mark", [WhitelistRule("mark", allow_without_attributes)])
