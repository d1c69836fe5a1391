"""One GitBook Markdown page into StreamField blocks (the raw JSON of `core.blocks.BODY_BLOCKS`).

The page is first cut into a tree of GitBook tags (`{% hint %}`, `{% tabs %}`, `<details>`…), then
each text run is cut into headings, tables, figures, task lists, quotes and Markdown paragraphs.
Links are resolved through a callback so that the importer decides what a `.md` target becomes.
A construct this module does not know is kept as text and reported as a warning.
"""

import html
import posixpath
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.html import strip_tags

from bs4 import BeautifulSoup

from core.blocks import CELL_FEATURES
from core.importing import RecordError, markdown_to_html, sanitize_richtext

from .summary import clean_title, normalise_target, split_icon

TAG = re.compile(
    r"\{%\s*(?P<end>end)?(?P<name>[a-z][a-z-]*)\b(?P<args>.*?)%\}|<(?P<dend>/)?details\b[^>]*>", re.S
)
ARG = re.compile(r'(\w+)="([^"]*)"')
CONTAINERS = {"hint", "tabs", "tab", "stepper", "step", "content-ref", "code", "details"}
OPTIONAL_END = {"embed", "file"}
SINGLE = {"page-ref", "include"}
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ANCHOR = re.compile(r'\s*<a\s+href="#[^"]*"\s+id="(?P<id>[^"]*)"\s*>\s*</a>\s*')
TASK = re.compile(r"^[*+-]\s+\[(?P<mark>[ xX])\]\s+(?P<text>.*)$")
IMAGE_LINE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)\s*$")
PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
NUMERIC_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|nbsp);")
HINT_STYLES = {"info", "success", "warning", "danger"}
MAX_INCLUDE_DEPTH = 3


@dataclass
class Node:
    """A GitBook tag and what it encloses, or a run of plain text (`name == "text"`)."""

    name: str
    args: dict = field(default_factory=dict)
    children: list = field(default_factory=list)
    text: str = ""
    line: int = 0
    raw: str = ""


@dataclass
class PageContext:
    """What converting one page needs: where it is, how to resolve links, where warnings go."""

    path: str
    warn: Callable[[str], None]
    resolve_page: Callable[[str], int | None]
    read_include: Callable[[str], str] | None = None
    counter: int = 0
    include_depth: int = 0
    line_offset: int = 0  # lines of front matter before the body, so messages give file lines

    @property
    def directory(self):
        return posixpath.dirname(self.path)

    def block(self, block_type, value):
        """A raw block with a stable id, so re-importing unchanged source gives identical JSON."""
        self.counter += 1
        return {
            "type": block_type,
            "value": value,
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{self.path}#{self.counter}")),
        }


def clean_source(text: str) -> str:
    """GitBook noise: numeric entities, lines holding only `\\`, trailing `\\` line breaks."""
    text = text.replace("\r\n", "\n")

    def entity(match):
        char = html.unescape(match.group(0))
        return match.group(0) if char in "<>&" else char.replace("\xa0", " ")

    text = NUMERIC_ENTITY.sub(entity, text)
    text = re.sub(r"(?m)^[ \t]*\\[ \t]*$", "", text)
    text = re.sub(r"(?m)\\[ \t]*$", "", text)
    return text.replace("\\&", "&")


def extract_title(body: str) -> tuple[str, str]:
    """The first `# ` heading (GitBook's page title) and the body without it."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = HEADING.match(line)
        if match and len(match.group(1)) == 1:
            # The title line is blanked, not removed, so that line numbers in messages match the file.
            return clean_title(ANCHOR.sub("", match.group(2))), "\n".join(
                [*lines[:index], "", *lines[index + 1 :]]
            )
        break
    return "", body


# --- Tag tree -----------------------------------------------------------------------------------


def parse_tags(text: str, ctx: PageContext) -> list[Node]:
    """Cut the page into text runs and GitBook tags; an unclosed container rejects the page."""
    root = Node("root")
    stack = [root]
    position = 0

    def line_of(offset):
        return text.count("\n", 0, offset) + 1 + ctx.line_offset

    def add_text(chunk):
        if chunk:
            stack[-1].children.append(Node("text", text=chunk))

    for match in TAG.finditer(text):
        add_text(text[position : match.start()])
        position = match.end()
        if match.group("name") is None:  # <details> / </details>
            name, is_end, args = "details", bool(match.group("dend")), {}
        else:
            name, is_end = match.group("name"), bool(match.group("end"))
            args = dict(ARG.findall(match.group("args")))
        line = line_of(match.start())
        if is_end:
            if stack[-1].name == name or name in OPTIONAL_END and stack[-1].name == name:
                stack.pop()
            else:
                ctx.warn(f"ligne {line} : balise de fin « {match.group(0)} » sans ouverture, gardée en texte")
                add_text(match.group(0))
            continue
        node = Node(name, args=args, line=line, raw=match.group(0))
        stack[-1].children.append(node)
        if name in CONTAINERS:
            stack.append(node)
        elif name in OPTIONAL_END:
            closing = re.search(r"\{%\s*end" + re.escape(name) + r"\s*%\}", text[position:])
            following = TAG.search(text, position)
            if closing and following and following.start() == position + closing.start():
                stack.append(node)
        elif name not in SINGLE and re.search(r"\{%\s*end" + re.escape(name) + r"\s*%\}", text[position:]):
            # An unknown tag closed later: what it encloses stays with it (kept as text).
            node.args["_closed"] = True
            stack.append(node)
    add_text(text[position:])
    if len(stack) > 1:
        node = stack[-1]
        label = "<details>" if node.name == "details" else f"{{% {node.name} %}}"
        end = "</details>" if node.name == "details" else f"{{% end{node.name} %}}"
        raise RecordError(f"bloc « {label} » ouvert ligne {node.line} et jamais refermé (« {end} » manquant)")
    return root.children


# --- Blocks -------------------------------------------------------------------------------------


class Converter:
    """Turns the tag tree of one page into raw StreamField blocks."""

    def __init__(self, ctx: PageContext):
        self.ctx = ctx
        self.pending_links = False  # a `.md` target exists in the export but has no page yet

    # Entry point
    def convert(self, body: str) -> list[dict]:
        nodes = parse_tags(body, self.ctx)
        return merge_neighbours(self.nodes_to_blocks(nodes, top=True))

    def nodes_to_blocks(self, nodes, top):
        blocks = []
        for node in nodes:
            handler = getattr(self, "tag_" + node.name.replace("-", "_"), None)
            if node.name == "text":
                blocks.extend(self.text_blocks(node.text, top))
            elif handler is None:
                self.ctx.warn(
                    f"ligne {node.line} : balise GitBook inconnue « {node.raw.strip()} », gardée en texte"
                )
                blocks.extend(self.text_blocks(flatten_text([node]), top))
            else:
                blocks.extend(handler(node, top))
        return blocks

    # GitBook tags
    def tag_hint(self, node, top):
        style = node.args.get("style", "info")
        if style not in HINT_STYLES:
            self.ctx.warn(f"ligne {node.line} : style de hint inconnu « {style} », affiché comme « info »")
            style = "info"
        inner = self.nodes_to_blocks(node.children, top=False)
        text = "".join(b["value"] for b in inner if b["type"] == "paragraph")
        extra = [b for b in inner if b["type"] != "paragraph"]
        return [self.ctx.block("callout", {"style": style, "title": "", "text": text}), *extra]

    def tag_content_ref(self, node, top):
        return [
            self.related(node.args.get("url", ""), strip_tags(markdown_to_html(flatten_text(node.children))))
        ]

    def tag_page_ref(self, node, top):
        return [self.related(node.args.get("page", ""), node.args.get("page", ""))]

    def related(self, target, label):
        page_id, url = self.resolve_target(target)
        title = label.strip() if label.strip() and not label.strip().endswith(".md") else ""
        return self.ctx.block(
            "related_pages",
            {"title": "Pour aller plus loin", "links": [{"page": page_id, "url": url, "title": title}]},
        )

    def tag_embed(self, node, top):
        url = node.args.get("url", "").strip()
        if url and not re.match(r"^https?://", url):
            self.ctx.warn(
                f"ligne {node.line} : contenu intégré sans adresse web (http ou https), ignoré : {url}"
            )
            url = ""
        caption = strip_tags(markdown_to_html(flatten_text(node.children))).strip()
        return [self.ctx.block("embed", {"url": url, "title": "", "caption": caption})]

    def tag_file(self, node, top):
        src = node.args.get("src", "")
        name = posixpath.basename(src)
        caption = strip_tags(markdown_to_html(flatten_text(node.children))).strip()
        url = src if src.startswith(("http://", "https://")) else ""
        if not url:
            self.ctx.warn(f"fichier joint absent de l'export, titre gardé sans lien : {name}")
        return [
            self.ctx.block("document", {"document": None, "url": url, "title": name, "description": caption})
        ]

    def tag_include(self, node, top):
        quoted = re.search(r'"([^"]+)"', node.raw)
        target = quoted.group(1) if quoted else ""
        if ".gitbook/includes/" in target:  # GitBook writes it relative to the file; it lives at the root
            path = ".gitbook/includes/" + target.split(".gitbook/includes/", 1)[1]
        else:
            path = normalise_target(self.ctx.directory, target)
        if not path or self.ctx.read_include is None or self.ctx.include_depth >= MAX_INCLUDE_DEPTH:
            self.ctx.warn(f"ligne {node.line} : bloc réutilisable introuvable « {target} », gardé en texte")
            return self.text_blocks(node.raw, top)
        try:
            included = self.ctx.read_include(path)
        except (OSError, RecordError) as exc:
            self.ctx.warn(
                f"ligne {node.line} : bloc réutilisable « {path} » illisible ({exc}), gardé en texte"
            )
            return self.text_blocks(node.raw, top)
        self.ctx.include_depth += 1
        try:
            return self.nodes_to_blocks(parse_tags(included, self.ctx), top)
        finally:
            self.ctx.include_depth -= 1

    def tag_tabs(self, node, top):
        tabs = []
        for child in node.children:
            if child.name == "tab":
                body = self.inner_stream(child.children)
                tabs.append({"title": child.args.get("title", "Onglet"), "body": body})
            elif child.name != "text" or child.text.strip():
                tabs.append({"title": "Onglet", "body": self.inner_stream([child])})
        if not top:
            return self.flatten_container([(t["title"], t["body"]) for t in tabs])
        return [self.ctx.block("tabs", {"tabs": tabs})] if tabs else []

    def tag_tab(self, node, top):  # a tab outside {% tabs %}
        return self.flatten_container([(node.args.get("title", "Onglet"), self.inner_stream(node.children))])

    def tag_stepper(self, node, top):
        steps = []
        for child in node.children:
            if child.name == "step":
                title, children = step_title(child.children)
                steps.append(
                    {"title": title or f"Étape {len(steps) + 1}", "body": self.inner_stream(children)}
                )
            elif child.name != "text" or child.text.strip():
                steps.append({"title": f"Étape {len(steps) + 1}", "body": self.inner_stream([child])})
        if not top:
            return self.flatten_container([(s["title"], s["body"]) for s in steps])
        return [self.ctx.block("steps", {"title": "", "steps": steps})] if steps else []

    def tag_step(self, node, top):
        title, children = step_title(node.children)
        return self.flatten_container([(title or "Étape", self.inner_stream(children))])

    def tag_details(self, node, top):
        children = list(node.children)
        title = "Détails"
        if children and children[0].name == "text":
            match = re.search(r"<summary>(.*?)</summary>", children[0].text, re.S)
            if match:
                title = clean_title(strip_tags(markdown_to_html(match.group(1)))) or title
                children[0] = Node(
                    "text", text=children[0].text[: match.start()] + children[0].text[match.end() :]
                )
        body = self.inner_stream(children)
        if not top:
            return self.flatten_container([(title, body)])
        return [self.ctx.block("accordion", {"title": "", "items": [{"title": title, "body": body}]})]

    def tag_code(self, node, top):
        return self.text_blocks("```\n" + flatten_text(node.children) + "\n```", top)

    def inner_stream(self, nodes):
        return merge_neighbours(self.nodes_to_blocks(nodes, top=False))

    def flatten_container(self, sections):
        """A container nested in another one (not allowed by the blocks): its titles become bold text."""
        blocks = []
        for title, body in sections:
            blocks.append(self.ctx.block("paragraph", f"<p><b>{html.escape(title)}</b></p>"))
            blocks.extend(body)
        return blocks

    # Text runs
    def text_blocks(self, text, top):
        blocks, buffer = [], []
        lines = text.split("\n")
        i = 0

        def flush():
            if "".join(buffer).strip():
                blocks.extend(self.paragraph("\n".join(buffer)))
            buffer.clear()

        while i < len(lines):
            line = lines[i]
            stripped = line.strip()
            if stripped.startswith("```"):
                end = next(
                    (j for j in range(i + 1, len(lines)) if lines[j].strip().startswith("```")), len(lines)
                )
                buffer.extend(lines[i : end + 1])
                i = end + 1
                continue
            heading = HEADING.match(line)
            if heading and top:
                flush()
                blocks.append(self.heading(heading))
                i += 1
                continue
            if stripped.startswith("<table"):
                flush()
                end = self.find_closing(lines, i, "</table>")
                blocks.extend(self.html_table("\n".join(lines[i : end + 1])))
                i = end + 1
                continue
            if stripped.startswith(("<figure", "<div")) and "<figure" in "\n".join(lines[i : i + 3]):
                flush()
                closing = "</div>" if stripped.startswith("<div") else "</figure>"
                end = self.find_closing(lines, i, closing)
                blocks.extend(self.figures("\n".join(lines[i : end + 1])))
                i = end + 1
                continue
            if stripped.startswith("|") and i + 1 < len(lines) and PIPE_SEPARATOR.match(lines[i + 1].strip()):
                flush()
                end = i + 2
                while end < len(lines) and lines[end].strip().startswith("|"):
                    end += 1
                blocks.append(self.pipe_table(lines[i:end]))
                i = end
                continue
            if TASK.match(line):
                flush()
                items = []
                while i < len(lines) and (
                    TASK.match(lines[i]) or (items and lines[i].startswith((" ", "\t")) and lines[i].strip())
                ):
                    task = TASK.match(lines[i])
                    if task:
                        items.append([task.group("mark").lower() == "x", [task.group("text")]])
                    else:
                        items[-1][1].append(
                            lines[i].strip() and lines[i][2:] if lines[i].startswith("  ") else lines[i]
                        )
                    i += 1
                blocks.append(self.checklist(items))
                continue
            if stripped.startswith(">") and top:
                flush()
                quote = []
                while i < len(lines) and lines[i].strip().startswith(">"):
                    quote.append(lines[i].strip()[1:].strip())
                    i += 1
                text_value = strip_tags(markdown_to_html("\n".join(quote))).strip()
                if text_value:
                    blocks.append(self.ctx.block("quote", {"text": text_value, "author": "", "source": ""}))
                continue
            image = IMAGE_LINE.match(stripped)
            if image:
                flush()
                blocks.append(self.figure(image.group("src"), image.group("alt"), ""))
                i += 1
                continue
            buffer.append(line)
            i += 1
        flush()
        return blocks

    @staticmethod
    def find_closing(lines, start, closing):
        opening = closing.replace("/", "")[:-1]
        depth = 0
        for j in range(start, len(lines)):
            depth += lines[j].count(opening) - lines[j].count(closing)
            if depth <= 0:
                return j
        return len(lines) - 1

    def heading(self, match):
        level = min(max(len(match.group(1)), 2), 4)
        raw = match.group(2)
        anchor = ANCHOR.search(raw)
        text = clean_title(strip_tags(markdown_to_html(ANCHOR.sub("", raw)))) or "Section"
        return self.ctx.block(
            "heading", {"text": text, "level": f"h{level}", "anchor": anchor.group("id") if anchor else ""}
        )

    def paragraph(self, markdown_text):
        """Markdown to rich text; inline images are moved out as figures so none is lost."""
        soup = BeautifulSoup(markdown_to_html(markdown_text), "html.parser")
        figures = []
        for img in soup.find_all("img"):
            figures.append(self.figure(img.get("src", ""), img.get("alt", ""), ""))
            img.decompose()
        self.rewrite_links(soup)
        blocks = []
        richtext = sanitize_richtext(str(soup))
        if strip_tags(richtext).strip():
            blocks.append(self.ctx.block("paragraph", richtext))
        return blocks + figures

    def rich_cell(self, fragment_html):
        soup = BeautifulSoup(fragment_html, "html.parser")
        for img in soup.find_all("img"):
            img.replace_with(f"[image : {img.get('alt') or posixpath.basename(img.get('src', ''))}]")
        self.rewrite_links(soup)
        return sanitize_richtext(str(soup), CELL_FEATURES)

    def rewrite_links(self, soup):
        """Relative `.md` links become links to the imported pages; dead attachments become text."""
        for link in soup.find_all("a"):
            href = (link.get("href") or "").strip()
            if not href or re.match(r"^([a-z][a-z0-9+.-]*:|#|//)", href, re.IGNORECASE):
                continue
            page_id, _ = self.resolve_target(href)
            if page_id is not None:
                link.attrs = {"href": "#", "data-linktype": "page", "data-id": str(page_id)}
            else:
                link.unwrap()

    def resolve_target(self, target):
        """A link target → (page id, external url). Warns when an internal target is missing."""
        target = (target or "").strip()
        if re.match(r"^https?://", target):
            return None, target
        path = normalise_target(self.ctx.directory, target)
        if ".gitbook/assets/" in f"/{path}" or (path and not path.endswith(".md")):
            self.ctx.warn(f"pièce jointe absente de l'export, lien retiré : {target}")
            return None, ""
        page_id = self.ctx.resolve_page(path) if path else None
        if page_id == -1:  # exists in the export, page not created yet: resolved in a second pass
            self.pending_links = True
            return None, ""
        if page_id is None:
            self.ctx.warn(f"lien vers une page absente de l'export, gardé en texte : {target}")
        return page_id, ""

    def figure(self, src, alt, caption):
        src = (src or "").strip()
        if src.startswith(("http://", "https://")):
            self.ctx.warn(f"image distante conservée par son adresse (non téléchargée) : {src}")
        else:
            self.ctx.warn(f"image absente de l'export, adresse d'origine gardée : {src}")
        alt = (alt or "").strip()
        if not alt:
            alt = caption or f"Illustration ({posixpath.basename(src) or 'sans titre'})"
        return self.ctx.block(
            "figure", {"image": None, "image_url": src, "alt": alt[:255], "caption": caption}
        )

    def figures(self, fragment):
        soup = BeautifulSoup(fragment, "html.parser")
        blocks = []
        for figure in soup.find_all("figure"):
            img = figure.find("img")
            caption_tag = figure.find("figcaption")
            caption = caption_tag.get_text(" ", strip=True) if caption_tag else ""
            if img is None:
                self.ctx.warn("figure sans image, légende gardée en texte")
                blocks.extend(self.paragraph(caption))
                continue
            blocks.append(self.figure(img.get("src", ""), img.get("alt", ""), caption))
        return blocks

    def html_table(self, fragment):
        soup = BeautifulSoup(fragment, "html.parser")
        table = soup.find("table")
        if table is None:
            return self.paragraph(fragment)
        if table.get("data-view") == "cards":
            return [self.cards(table)]
        headings = [th.get_text(" ", strip=True) for th in table.select("thead th")]
        rows = [
            [self.rich_cell(td.decode_contents()) for td in tr.find_all(["td", "th"])]
            for tr in (table.select("tbody tr") or table.find_all("tr"))
            if tr.find("td")
        ]
        return [self.table(headings, rows)]

    def cards(self, table):
        columns = table.select("thead th")
        target_col = next((i for i, th in enumerate(columns) if th.has_attr("data-card-target")), None)
        cover_col = next((i for i, th in enumerate(columns) if th.has_attr("data-card-cover")), None)
        hidden = {i for i, th in enumerate(columns) if th.has_attr("data-hidden")} | {target_col, cover_col}
        cards = []
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
            text = self.rich_cell(
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
                    card["page"], card["url"] = self.resolve_target(target)
            if cover_col is not None and cover_col < len(cells):
                link = cells[cover_col].find(["a", "img"])
                src = (link.get("href") or link.get("src") or "") if link else ""
                if src.startswith(("http://", "https://")):
                    card["image_url"] = src
                elif src:
                    self.ctx.warn(f"image de carte absente de l'export : {src}")
            cards.append(card)
        return self.ctx.block("cards", {"title": "", "cards": cards})

    def pipe_table(self, lines):
        def cells(line):
            line = line.strip()
            line = line[1:] if line.startswith("|") else line
            line = line[:-1] if line.endswith("|") and not line.endswith("\\|") else line
            return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", line)]

        headings = [strip_tags(markdown_to_html(cell)).strip() for cell in cells(lines[0])]
        rows = [[self.rich_cell(markdown_to_html(cell)) for cell in cells(line)] for line in lines[2:]]
        return self.table(headings, rows)

    def table(self, headings, rows):
        width = max(1, len(headings), *(len(row) for row in rows))
        headings = (headings + [""] * width)[:width]
        return self.ctx.block(
            "table",
            {
                "caption": "",
                "columns": [{"type": "text", "heading": heading} for heading in headings],
                "rows": [{"values": (row + [""] * width)[:width]} for row in rows],
            },
        )

    def checklist(self, items):
        values = []
        for checked, item_lines in items:
            first = item_lines[0]
            details_html = self.rich_cell(markdown_to_html("\n".join(item_lines)))
            text = strip_tags(markdown_to_html(first)).strip()[:250] or "Tâche"
            plain = len(item_lines) == 1 and "<a" not in details_html
            values.append({"text": text, "details": "" if plain else details_html, "checked": checked})
        return self.ctx.block("checklist", {"title": "", "items": values})


def step_title(children):
    """A step's title is its first heading or bold line; the rest is its body."""
    children = list(children)
    if children and children[0].name == "text":
        text = children[0].text.lstrip("\n")
        first, _, rest = text.partition("\n")
        match = HEADING.match(first) or re.match(r"^\*\*(.+?)\*\*\s*$", first.strip())
        if match:
            title = clean_title(strip_tags(markdown_to_html(match.groups()[-1])))
            children[0] = Node("text", text=rest)
            return title, children
    return "", children


def flatten_text(nodes) -> str:
    """The source text of nodes (used to keep an unknown construct as text)."""
    parts = []
    for node in nodes:
        if node.name == "text":
            parts.append(node.text)
        else:
            parts.append(node.raw + flatten_text(node.children))
            if node.args.get("_closed"):
                parts.append(f"{{% end{node.name} %}}")
    return "".join(parts)


MERGEABLE = {"related_pages": "links", "accordion": "items"}


def merge_neighbours(blocks):
    """Consecutive content-refs make one "related pages" block; consecutive `<details>` one accordion."""
    merged = []
    for block in blocks:
        key = MERGEABLE.get(block["type"])
        if key and merged and merged[-1]["type"] == block["type"]:
            merged[-1]["value"][key].extend(block["value"][key])
        else:
            merged.append(block)
    return merged


def convert_page(body: str, ctx: PageContext) -> tuple[str, str, list[dict], bool]:
    """A page's Markdown body → (title, icon, blocks, has links to pages not created yet)."""
    body = clean_source(body)
    title, body = extract_title(body)
    icon, title = split_icon(title) if title else ("", "")
    converter = Converter(ctx)
    blocks = converter.convert(body)
    return title, icon, blocks, converter.pending_links
