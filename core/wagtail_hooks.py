"""Admin wiring of the ground: the `mark` rich text feature every rich text field offers."""

import wagtail.admin.rich_text.editors.draftail.features as draftail_features
from wagtail import hooks
from wagtail.admin.rich_text.converters.editor_html import WhitelistRule
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.whitelist import allow_without_attributes


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
