"""StreamField blocks, one module per DSFR component family.

Families: text (paragraph, heading, quote), highlight (callout), navigation (cards, related pages,
entry points, step links), method (checklist), media (figure, video/embed, document), data (table),
containers (steps, accordion, tabs), people (contacts, skills). `BODY_BLOCKS` is the list page types
reuse; `containers.INNER_BLOCKS` is what may sit inside a container, so containers do not nest, except
an accordion inside a tab (`containers.TAB_BLOCKS`).

Every block a StreamField offers at its top level declares, in its Meta, a `description`, a `group`
(the family's heading in the block picker) and a `preview_value` that needs no database object; the
picker renders it with `templates/wagtailcore/shared/block_preview.html` (the site's stylesheets).
"""

from .containers import INNER_BLOCKS, AccordionBlock, StepsBlock, TabsBlock
from .data import TableBlock
from .highlight import CalloutBlock
from .media import DocumentBlock, EmbedBlock, FigureBlock, video_player_url
from .method import ChecklistBlock
from .navigation import CardsBlock, EntryPointBlock, RelatedPagesBlock, safe_url
from .text import CELL_FEATURES, RICH_TEXT_FEATURES, HeadingBlock, ParagraphBlock, QuoteBlock

BODY_BLOCKS = [
    ("paragraph", ParagraphBlock()),
    ("heading", HeadingBlock()),
    ("callout", CalloutBlock()),
    ("quote", QuoteBlock()),
    ("cards", CardsBlock()),
    ("related_pages", RelatedPagesBlock()),
    ("steps", StepsBlock()),
    ("checklist", ChecklistBlock()),
    ("figure", FigureBlock()),
    ("table", TableBlock()),
    ("accordion", AccordionBlock()),
    ("tabs", TabsBlock()),
    ("embed", EmbedBlock()),
    ("document", DocumentBlock()),
]
"""Every block of a content page, in the order of the editor's block menu."""

__all__ = [
    "BODY_BLOCKS",
    "CELL_FEATURES",
    "INNER_BLOCKS",
    "RICH_TEXT_FEATURES",
    "EntryPointBlock",
    "safe_url",
    "video_player_url",
]
