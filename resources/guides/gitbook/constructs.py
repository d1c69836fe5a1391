"""The Markdown constructs of a text run (headings, tables, figures, task lists, quotes, images).

A text run is what lies between GitBook tags. `text_blocks` offers each line to the `CONSTRUCTS`
table in order; the first construct that recognises it reads as many lines as it needs and returns
its blocks. Lines no construct claims are gathered and rendered as Markdown paragraphs. Adding a
construct is one reader and one row in the table.

Readers receive the page's `Converter` (`conv`) for what they share with the GitBook tags: block
ids (`conv.ctx.block`), paragraphs, rich-text cells, figures and link resolution.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.html import strip_tags

from bs4 import BeautifulSoup

from core.importing import markdown_to_html

from .summary import clean_title

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ANCHOR = re.compile(r'\s*<a\s+href="#[^"]*"\s+id="(?P<id>[^"]*)"\s*>\s*</a>\s*')
TASK = re.compile(r"^[*+-]\s+\[(?P<mark>[ xX])\]\s+(?P<text>.*)$")
IMAGE_LINE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)\s*$")
PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


@dataclass(frozen=True)
class Construct:
    """One row of the dispatch table: how a construct's first line looks and how to read it."""

    name: str
    matches: Callable[[list[str], int], object]  # (lines, i) → truthy when line i opens the construct
    read: Callable[
        ..., tuple[list[dict], int]
    ]  # (conv, lines, i) → (blocks, index of the first line after the construct)
    top_only: bool = False  # only in the page's own stream; inside a container its lines stay paragraph text
    kept_as_text: bool = False  # its lines join the paragraph text instead of becoming blocks


def text_blocks(conv, text: str, top: bool) -> list[dict]:
    """A text run → blocks, by trying the `CONSTRUCTS` in order on each line; paragraphs otherwise."""
    blocks, buffer = [], []
    lines = text.split("\n")
    i = 0

    def flush():
        if "".join(buffer).strip():
            blocks.extend(conv.paragraph("\n".join(buffer)))
        buffer.clear()

    while i < len(lines):
        construct = next(
            (c for c in CONSTRUCTS if (top or not c.top_only) and c.matches(lines, i)),
            None,
        )
        if construct is None:
            buffer.append(lines[i])
            i += 1
        elif construct.kept_as_text:
            _, end = construct.read(conv, lines, i)
            buffer.extend(lines[i:end])
            i = end
        else:
            # The pending paragraph is made first, so that block ids follow the order of the page.
            flush()
            found, i = construct.read(conv, lines, i)
            blocks.extend(found)
    flush()
    return blocks


def find_closing(lines, start, closing):
    """The line where the HTML element opened at `start` closes (nesting counted); the last line if never."""
    opening = closing.replace("/", "")[:-1]
    depth = 0
    for j in range(start, len(lines)):
        depth += lines[j].count(opening) - lines[j].count(closing)
        if depth <= 0:
            return j
    return len(lines) - 1


# --- Code fences: kept whole in the paragraph, so that nothing inside one is read as a construct ---


def is_fence(lines, i):
    return lines[i].strip().startswith("```")


def read_fence(conv, lines, i):
    end = next((j for j in range(i + 1, len(lines)) if lines[j].strip().startswith("```")), len(lines))
    return [], end + 1


# --- Headings -------------------------------------------------------------------------------------


def is_heading(lines, i):
    return HEADING.match(lines[i])


def read_heading(conv, lines, i):
    match = HEADING.match(lines[i])
    level = min(max(len(match.group(1)), 2), 4)
    raw = match.group(2)
    anchor = ANCHOR.search(raw)
    text = clean_title(strip_tags(markdown_to_html(ANCHOR.sub("", raw)))) or "Section"
    block = conv.ctx.block(
        "heading", {"text": text, "level": f"h{level}", "anchor": anchor.group("id") if anchor else ""}
    )
    return [block], i + 1


# --- Tables: HTML (GitBook's own, cards included) and Markdown pipe tables ------------------------


def is_html_table(lines, i):
    return lines[i].strip().startswith("<table")


def read_html_table(conv, lines, i):
    end = find_closing(lines, i, "</table>")
    fragment = "\n".join(lines[i : end + 1])
    soup = BeautifulSoup(fragment, "html.parser")
    table = soup.find("table")
    if table is None:
        return conv.paragraph(fragment), end + 1
    if table.get("data-view") == "cards":
        return [cards(conv, table)], end + 1
    headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    rows = [
        [conv.rich_cell(td.decode_contents()) for td in tr.find_all(["td", "th"])]
        for tr in (table.select("tbody tr") or table.find_all("tr"))
        if tr.find("td")
    ]
    return [table_block(conv, headings, rows)], end + 1


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
            if src.startswith(("http://", "https://")):
                card["image_url"] = src
            elif src:
                conv.ctx.warn(f"image de carte absente de l'export : {src}")
        values.append(card)
    return conv.ctx.block("cards", {"title": "", "cards": values})


def is_pipe_table(lines, i):
    return (
        lines[i].strip().startswith("|") and i + 1 < len(lines) and PIPE_SEPARATOR.match(lines[i + 1].strip())
    )


def read_pipe_table(conv, lines, i):
    end = i + 2
    while end < len(lines) and lines[end].strip().startswith("|"):
        end += 1

    def cells(line):
        line = line.strip()
        line = line[1:] if line.startswith("|") else line
        line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
        return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)]

    headings = [strip_tags(markdown_to_html(cell)).strip() for cell in cells(lines[i])]
    rows = [[conv.rich_cell(markdown_to_html(cell)) for cell in cells(line)] for line in lines[i + 2 : end]]
    return [table_block(conv, headings, rows)], end


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


# --- Figures: `<figure>` (alone or in a `<div>`) and image-only lines --------------------------


def is_figure(lines, i):
    stripped = lines[i].strip()
    return stripped.startswith(("<figure", "<div")) and "<figure" in "\n".join(lines[i : i + 3])


def read_figure(conv, lines, i):
    closing = "</div>" if lines[i].strip().startswith("<div") else "</figure>"
    end = find_closing(lines, i, closing)
    soup = BeautifulSoup("\n".join(lines[i : end + 1]), "html.parser")
    blocks = []
    for figure in soup.find_all("figure"):
        img = figure.find("img")
        caption_tag = figure.find("figcaption")
        caption = caption_tag.get_text(" ", strip=True) if caption_tag else ""
        if img is None:
            conv.ctx.warn("figure sans image, légende gardée en texte")
            blocks.extend(conv.paragraph(caption))
            continue
        blocks.append(conv.figure(img.get("src", ""), img.get("alt", ""), caption))
    return blocks, end + 1


def is_image_line(lines, i):
    return IMAGE_LINE.match(lines[i].strip())


def read_image_line(conv, lines, i):
    image = IMAGE_LINE.match(lines[i].strip())
    return [conv.figure(image.group("src"), image.group("alt"), "")], i + 1


# --- Task lists: `- [ ]` / `- [x]` items, with their indented continuation lines ----------------


def is_task(lines, i):
    return TASK.match(lines[i])


def read_task_list(conv, lines, i):
    items = []
    while i < len(lines) and (
        TASK.match(lines[i]) or (items and lines[i].startswith((" ", "\t")) and lines[i].strip())
    ):
        task = TASK.match(lines[i])
        if task:
            items.append([task.group("mark").lower() == "x", [task.group("text")]])
        else:
            items[-1][1].append(lines[i].strip() and lines[i][2:] if lines[i].startswith("  ") else lines[i])
        i += 1
    values = []
    for checked, item_lines in items:
        first = item_lines[0]
        details_html = conv.rich_cell(markdown_to_html("\n".join(item_lines)))
        text = strip_tags(markdown_to_html(first)).strip()[:250] or "Tâche"
        plain = len(item_lines) == 1 and "<a" not in details_html
        values.append({"text": text, "details": "" if plain else details_html, "checked": checked})
    return [conv.ctx.block("checklist", {"title": "", "items": values})], i


# --- Quotes ---------------------------------------------------------------------------------------


def is_quote(lines, i):
    return lines[i].strip().startswith(">")


def read_quote(conv, lines, i):
    quote = []
    while i < len(lines) and lines[i].strip().startswith(">"):
        quote.append(lines[i].strip()[1:].strip())
        i += 1
    text = strip_tags(markdown_to_html("\n".join(quote))).strip()
    if not text:
        return [], i
    return [conv.ctx.block("quote", {"text": text, "author": "", "source": ""})], i


# Tried in this order on each line. The fence comes first: the lines it spans are never offered to
# the other constructs.
CONSTRUCTS = [
    Construct("code fence", is_fence, read_fence, kept_as_text=True),
    # Containers hold no heading block (`core.blocks.INNER_BLOCKS`).
    Construct("heading", is_heading, read_heading, top_only=True),
    Construct("HTML table", is_html_table, read_html_table),
    Construct("figure", is_figure, read_figure),
    Construct("pipe table", is_pipe_table, read_pipe_table),
    Construct("task list", is_task, read_task_list),
    Construct("quote", is_quote, read_quote, top_only=True),
    Construct("image line", is_image_line, read_image_line),
]
