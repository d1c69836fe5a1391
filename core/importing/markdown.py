"""Markdown and raw HTML into Wagtail rich text, through Wagtail's own whitelist.

Imported bodies contain raw HTML (`<a>`, `<br>`, `<img>`, scripts in the worst case). Passing them
through the editor's whitelist keeps exactly what an editor could have typed, and drops the rest
(including `javascript:` links), so imported text is as safe as edited text.
"""

from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

import markdown as md

from core.blocks import RICH_TEXT_FEATURES

MARKDOWN_EXTENSIONS = ["sane_lists", "nl2br"]


def sanitize_richtext(html: str, features=None) -> str:
    converter = EditorHTMLConverter(features=features or RICH_TEXT_FEATURES)
    return converter.to_database_format(html).strip()


def markdown_to_html(text: str) -> str:
    """Markdown to raw HTML, before the whitelist (for importers that rewrite links first)."""
    return md.markdown(text, extensions=MARKDOWN_EXTENSIONS, output_format="html")


def markdown_to_richtext(text: str, features=None) -> str:
    return sanitize_richtext(markdown_to_html(text), features)
