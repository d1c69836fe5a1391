"""Shared machinery for the importers (GitBook guides, beta.gouv.fr fiches).

Every importer reads Markdown files with YAML front matter, imports each record in its own
transaction, reports created / updated / unchanged / rejected records and warnings in one JSON
shape, and re-runs safely. Only what is specific to a source lives in the importer itself.
"""

from .indexing import deferred_indexing
from .lock import ImportLocked, import_lock
from .markdown import (
    markdown_to_html,
    markdown_to_richtext,
    parse_markdown,
    render_inline,
    render_tokens,
    sanitize_richtext,
    strip_task_mark,
    task_mark,
)
from .records import ImportReport, ImportRun, RecordError
from .sources import read_text, split_front_matter
from .upsert import content_hash, upsert_model, upsert_page

__all__ = [
    "ImportReport",
    "ImportLocked",
    "ImportRun",
    "RecordError",
    "content_hash",
    "deferred_indexing",
    "import_lock",
    "markdown_to_html",
    "markdown_to_richtext",
    "parse_markdown",
    "render_inline",
    "render_tokens",
    "read_text",
    "sanitize_richtext",
    "split_front_matter",
    "strip_task_mark",
    "task_mark",
    "upsert_model",
    "upsert_page",
]
