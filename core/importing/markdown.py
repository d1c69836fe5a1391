"""Markdown and raw HTML into Wagtail rich text, through Wagtail's own whitelist.

Parsing is markdown-it's CommonMark (with tables, strikethrough and footnotes): its list rules nest
an item under any indent that reaches the parent's text, so the 2- or 3-space indents GitBook and
beta.gouv.fr authors write keep their nesting (Python-Markdown wanted 4 spaces and flattened them).
Imported bodies contain raw HTML (`<a>`, `<br>`, `<img>`, scripts in the worst case). Passing them
through the editor's whitelist keeps exactly what an editor could have typed, and drops the rest
(including `javascript:` links), so imported text is as safe as edited text.
"""

import re
from functools import lru_cache

import wagtail
from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

import markdown_it
import mdit_py_plugins
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from core.blocks import RICH_TEXT_FEATURES

# `breaks`: a single newline is a line break, as GitBook and the beta.gouv.fr site render them.
PARSER = (
    MarkdownIt("commonmark", {"html": True, "breaks": True})
    .enable(["table", "strikethrough"])
    .use(footnote_plugin)
)
# What imported text depends on besides its source: a page stored with another value is rendered
# again on the next run (`upsert_page(rendered=…)`). Bump the first number when the conversion
# written here or by an importer (its sections, its links) changes what it produces.
CONVERSION = "/".join(
    ["1", markdown_it.__version__, mdit_py_plugins.__version__, wagtail.__version__, *RICH_TEXT_FEATURES]
)
TASK_MARK = re.compile(r"^\[(?P<mark>[ xX])\]\s+")
# A checkbox in text that cannot hold one (a task nested in a plain list, a table cell).
TASK_SYMBOLS = {" ": "☐ ", "x": "☑ ", "X": "☑ "}


def sanitize_richtext(html: str, features=None) -> str:
    converter = _converter(tuple(features or RICH_TEXT_FEATURES))
    return converter.to_database_format(html).strip()


@lru_cache(maxsize=8)
def _converter(features: tuple) -> EditorHTMLConverter:
    """One converter per feature set, reused: a new one rebuilt its whitelist rules and handler
    tables on every call (a sixth of the whitelist's time). It keeps no state between documents."""
    return EditorHTMLConverter(features=list(features))


def parse_markdown(text: str, env: dict | None = None) -> list[Token]:
    """The block tokens of `text`; `env` collects what spans the document (footnotes, references)."""
    return PARSER.parse(text, {} if env is None else env)


def render_tokens(tokens: list[Token], env: dict | None = None) -> str:
    """HTML of a run of block tokens, task-list marks shown as ☐ / ☑."""
    mark_tasks(tokens)
    return PARSER.renderer.render(tokens, PARSER.options, {} if env is None else env)


def render_inline(source, env: dict | None = None) -> str:
    """HTML of inline Markdown (a heading, a table cell), without the `<p>`.

    `source` is text, or an `inline` token already parsed (its footnotes and links in `env`).
    """
    if isinstance(source, str):
        return PARSER.renderInline(source, {} if env is None else env)
    return PARSER.renderer.renderInline(source.children or [], PARSER.options, {} if env is None else env)


def task_mark(item_tokens: list[Token]) -> str | None:
    """' ', 'x' or 'X' when the list item opened by `item_tokens[0]` is a task (`* [ ] …`)."""
    if len(item_tokens) > 2 and item_tokens[1].type == "paragraph_open" and item_tokens[2].type == "inline":
        match = TASK_MARK.match(item_tokens[2].content)
        if match:
            return match.group("mark")
    return None


def strip_task_mark(inline: Token) -> None:
    """Remove `[ ] ` from an item's first inline token (and from its first text child)."""
    match = TASK_MARK.match(inline.content)
    if not match:
        return
    inline.content = inline.content[match.end() :]
    if inline.children and inline.children[0].type == "text":
        inline.children[0].content = TASK_MARK.sub("", inline.children[0].content, count=1)


def mark_tasks(tokens: list[Token]) -> None:
    """Task items left in plain lists: the `[ ]` mark becomes a visible ☐ / ☑ symbol."""
    for index, token in enumerate(tokens):
        if token.type == "list_item_open":
            mark = task_mark(tokens[index : index + 3])
            if mark is not None:
                inline = tokens[index + 2]
                strip_task_mark(inline)
                if inline.children and inline.children[0].type == "text":
                    inline.children[0].content = TASK_SYMBOLS[mark] + inline.children[0].content


def markdown_to_html(text: str) -> str:
    """Markdown to raw HTML, before the whitelist (for importers that rewrite links first)."""
    env: dict = {}
    return render_tokens(parse_markdown(text, env), env)


def markdown_to_richtext(text: str, features=None) -> str:
    return sanitize_richtext(markdown_to_html(text), features)
