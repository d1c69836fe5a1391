"""The Markdown constructs of a text run (headings, tables, figures, task lists, quotes, images).

A text run is what lies between GitBook tags. It is parsed by markdown-it (`core.importing`), so
lists nest by CommonMark's rules at whatever indent GitBook wrote (2 or 3 spaces). `text_blocks`
walks the top-level tokens: each group of tokens (a heading, a table, a list…) is offered to the
`READERS` table by its first token; the first reader that recognises it returns its blocks. Groups
no reader claims are rendered together as one rich-text paragraph, nested lists included.

Readers receive the page's `Converter` (`conv`) for what they share with the GitBook tags: block
ids (`conv.ctx.block`), paragraphs, rich-text cells, figures and link resolution.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass
from textwrap import dedent

from django.utils.html import strip_tags

from bs4 import BeautifulSoup

from core.importing import parse_markdown, render_inline, render_tokens, strip_task_mark, task_mark

from .summary import clean_title

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ANCHOR = re.compile(r'\s*<a\s+href="#[^"]*"\s+id="(?P<id>[^"]*)"\s*>\s*</a>\s*')
MAX_TASK_TEXT = 250


@dataclass
class Run:
    """What the readers of one text run share: its source lines, tokens and footnote environment."""

    lines: list[str]
    tokens: list
    env: dict
    top: bool
    skip_to_line: int = 0  # an HTML element read past markdown-it's block (blank lines inside a table)


@dataclass(frozen=True)
class Reader:
    """One row of the dispatch table: which token groups it reads, and how."""

    name: str
    matches: Callable[[Run, list], bool]
    read: Callable[..., list[dict]]  # (conv, run, group) → blocks


def text_blocks(conv, text: str, top: bool) -> list[dict]:
    """A text run → blocks: each token group goes to the first reader that claims it."""
    # Text inside a GitBook tag is sometimes indented as a whole; CommonMark would read it as code.
    text = dedent(text)
    env: dict = {}
    run = Run(lines=text.split("\n"), tokens=parse_markdown(text, env), env=env, top=top)
    blocks, pending = [], []

    def flush():
        if pending:
            blocks.extend(conv.paragraph_html(render_tokens(pending, env)))
        pending.clear()

    for group in token_groups(run.tokens):
        if group[0].map and group[0].map[0] < run.skip_to_line:
            continue
        reader = next((r for r in READERS if r.matches(run, group)), None)
        if reader is None:
            pending.extend(group)
            continue
        # The pending paragraph is made first, so that block ids follow the order of the page.
        flush()
        blocks.extend(reader.read(conv, run, group))
    flush()
    return blocks


def token_groups(tokens):
    """Top-level token groups: an opening token with everything up to its closing one."""
    group, depth = [], 0
    for token in tokens:
        group.append(token)
        depth += token.nesting
        if depth == 0:
            yield group
            group = []
    if group:
        yield group


def inline_html(inline, env) -> str:
    return render_inline(inline, env)


def find_closing(lines, start, closing):
    """The line where the HTML element opened at `start` closes (nesting counted); the last line if never."""
    opening = closing.replace("/", "")[:-1]
    depth = 0
    for j in range(start, len(lines)):
        depth += lines[j].count(opening) - lines[j].count(closing)
        if depth <= 0:
            return j
    return len(lines) - 1


def html_element(run, group, closing):
    """The source of the HTML element starting the group, up to its closing tag."""
    start = group[0].map[0]
    end = find_closing(run.lines, start, closing)
    run.skip_to_line = max(run.skip_to_line, end + 1)
    return "\n".join(run.lines[start : end + 1])


def html_start(group) -> str:
    return group[0].content.lstrip() if group[0].type == "html_block" else ""


# --- Headings (containers hold no heading block: there they stay bold text) ---------------------


def is_heading(run, group):
    return group[0].type == "heading_open"


def read_heading(conv, run, group):
    raw = group[1].content
    anchor = ANCHOR.search(raw)
    text = clean_title(strip_tags(render_inline(ANCHOR.sub("", raw)))) or "Section"
    if not run.top:
        return [conv.ctx.block("paragraph", f"<p><b>{html.escape(text)}</b></p>")]
    level = min(max(int(group[0].tag[1]), 2), 4)
    block = conv.ctx.block(
        "heading", {"text": text, "level": f"h{level}", "anchor": anchor.group("id") if anchor else ""}
    )
    return [block]


# --- Tables: HTML (GitBook's own, cards included) and Markdown pipe tables ------------------------


def is_html_table(run, group):
    return html_start(group).startswith("<table")


def read_html_table(conv, run, group):
    fragment = html_element(run, group, "</table>")
    soup = BeautifulSoup(fragment, "html.parser")
    table = soup.find("table")
    if table is None:
        return conv.paragraph_html(fragment)
    if table.get("data-view") == "cards":
        return [cards(conv, table)]
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    rows = [
        [conv.rich_cell(td.decode_contents()) for td in tr.find_all(["td", "th"])]
        for tr in (table.select("tbody tr") or table.find_all("tr"))
        if tr.find("td")
    ]
    return [table_block(conv, headings, rows)]


def cards(conv, table):
    """A GitBook table in card view → a cards block (target column → link, cover column → image)."""
    columns = table.select("thead th")
    target_col = next((i for i, th in enumerate(columns) if th.has_attr("data-card-target")), None)
    cover_col = next((i for i, th in enumerate(columns) if th.has_attr("data-card-cover")), None)
    hidden = {i for i, th in enumerate(columns) if th.has_attr("data-hidden")} | {target_col, cover_col}
    values = []
    for tr in table.select("tbody tr"):
        cells = tr.find_all("td")
        visible = [td for i, td in enumerate(cells) if i not in hidden and td.get_text(strip=True)]
        title = ""
        if visible:
            strong = visible[0].find(["strong", "b"])
            if strong is not None:
                title = strong.get_text(" ", strip=True)
                strong.decompose()
            else:
                title = visible[0].get_text(" ", strip=True)
                visible[0].clear()
        text = conv.rich_cell(
            "".join(f"<p>{td.decode_contents()}</p>" for td in visible if td.get_text(strip=True))
        )
        card = {
            "title": title or "Carte",
            "text": text,
            "image": None,
            "image_url": "",
            "page": None,
            "url": "",
        }
        if target_col is not None and target_col < len(cells):
            link = cells[target_col].find("a")
            target = link.get("href", "") if link else cells[target_col].get_text(strip=True)
            if target:
                card["page"], card["url"] = conv.resolve_target(target)
        if cover_col is not None and cover_col < len(cells):
            link = cells[cover_col].find(["a", "img"])
            src = (link.get("href") or link.get("src") or "") if link else ""
            if src:
                card["image"] = conv.image_id(src, "image de carte")
        values.append(card)
    return conv.ctx.block("cards", {"title": "", "cards": values})


def is_pipe_table(run, group):
    return group[0].type == "table_open"


def read_pipe_table(conv, run, group):
    headings, rows, row = [], [], None
    in_head = False
    for token in group:
        if token.type == "thead_open":
            in_head = True
        elif token.type == "thead_close":
            in_head = False
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close" and not in_head:
            rows.append(row)
        elif token.type == "inline":
            cell = inline_html(token, run.env)
            if in_head:
                headings.append(strip_tags(cell).strip())
            else:
                row.append(conv.rich_cell(cell))
    return [table_block(conv, headings, rows)]


def table_block(conv, headings, rows):
    """A table block whose rows and headings are padded to the widest row."""
    width = max(1, len(headings), *(len(row) for row in rows))
    headings = (headings + [""] * width)[:width]
    return conv.ctx.block(
        "table",
        {
            "caption": "",
            "columns": [{"type": "text", "heading": heading} for heading in headings],
            "rows": [{"values": (row + [""] * width)[:width]} for row in rows],
        },
    )


# --- Figures: `<figure>` (alone or in a `<div>`) and image-only paragraphs ----------------------


def is_figure(run, group):
    start = html_start(group)
    return start.startswith("<figure") or (start.startswith("<div") and "<figure" in group[0].content)


def read_figure(conv, run, group):
    closing = "</div>" if html_start(group).startswith("<div") else "</figure>"
    soup = BeautifulSoup(html_element(run, group, closing), "html.parser")
    blocks = []
    for figure in soup.find_all("figure"):
        img = figure.find("img")
        caption_tag = figure.find("figcaption")
        caption = caption_tag.get_text(" ", strip=True) if caption_tag else ""
        if img is None:
            conv.ctx.warn("figure sans image, légende gardée en texte")
            blocks.extend(conv.paragraph_html(f"<p>{html.escape(caption)}</p>"))
            continue
        blocks.extend(conv.figure(img.get("src", ""), img.get("alt", ""), caption))
    return blocks


IMAGE_LINE_TOKENS = {"image", "softbreak", "hardbreak"}


def is_image_paragraph(run, group):
    if group[0].type != "paragraph_open" or len(group) != 3:
        return False
    children = group[1].children or []
    images = [c for c in children if c.type == "image"]
    return bool(images) and all(
        c.type in IMAGE_LINE_TOKENS or (c.type == "text" and not c.content.strip()) for c in children
    )


def read_image_paragraph(conv, run, group):
    blocks = []
    for image in (c for c in group[1].children if c.type == "image"):
        blocks.extend(conv.figure(image.attrs.get("src", ""), image.content, image.attrs.get("title") or ""))
    return blocks


# --- Task lists: a list whose every item is `[ ]` / `[x]` becomes a checklist --------------------


def list_items(group):
    """The token runs of a list's own items (not those of the lists nested in them)."""
    items, current, level = [], None, group[0].level + 1
    for token in group[1:-1]:
        if token.type == "list_item_open" and token.level == level:
            current = [token]
        elif current is not None:
            current.append(token)
            if token.type == "list_item_close" and token.level == level:
                items.append(current)
                current = None
    return items


def is_task_list(run, group):
    if group[0].type not in ("bullet_list_open", "ordered_list_open"):
        return False
    items = list_items(group)
    return bool(items) and all(task_mark(item) is not None for item in items)


def read_task_list(conv, run, group):
    values = []
    for item in list_items(group):
        checked = task_mark(item).lower() == "x"
        first = item[2]
        strip_task_mark(first)
        first_html = inline_html(first, run.env)
        text = " ".join(strip_tags(first_html).split())
        rest = render_tokens(item[4:-1], run.env)  # after the first paragraph, inside the item
        short = text if len(text) <= MAX_TASK_TEXT else text[: MAX_TASK_TEXT - 1].rsplit(" ", 1)[0] + "…"
        # The item's own text goes in the details as well when the short text loses something
        # (a link, emphasis, a long sentence), so nothing of the source is lost.
        full = short != text or "<a " in first_html
        details = (f"<p>{first_html}</p>" if full else "") + rest
        values.append(
            {
                "text": short or "Tâche",
                "details": conv.rich_cell(details) if details.strip() else "",
                "checked": checked,
            }
        )
    return [conv.ctx.block("checklist", {"title": "", "items": values})]


# --- Quotes and code ------------------------------------------------------------------------------


def is_quote(run, group):
    """A quote of plain paragraphs; one holding a list stays rich text, so the list keeps its items."""
    return (
        run.top
        and group[0].type == "blockquote_open"
        and all(t.type in ("paragraph_open", "paragraph_close", "inline") for t in group[1:-1])
    )


def read_quote(conv, run, group):
    text = " ".join(strip_tags(render_tokens(group[1:-1], run.env)).split())
    if not text:
        return []
    return [conv.ctx.block("quote", {"text": text, "author": "", "source": ""})]


def is_code(run, group):
    return group[0].type in ("fence", "code_block")


def read_code(conv, run, group):
    """Rich text has no code element: each line of the code is kept, one per line."""
    lines = [html.escape(line) for line in group[0].content.rstrip("\n").split("\n")]
    return conv.paragraph_html(f"<p>{'<br/>'.join(lines)}</p>") if any(lines) else []


# Tried in this order on each top-level token group.
READERS = [
    Reader("heading", is_heading, read_heading),
    Reader("HTML table", is_html_table, read_html_table),
    Reader("figure", is_figure, read_figure),
    Reader("pipe table", is_pipe_table, read_pipe_table),
    Reader("task list", is_task_list, read_task_list),
    Reader("quote", is_quote, read_quote),
    Reader("image paragraph", is_image_paragraph, read_image_paragraph),
    Reader("code", is_code, read_code),
]
