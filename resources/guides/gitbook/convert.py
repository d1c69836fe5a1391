"""One GitBook Markdown page into StreamField blocks (the raw JSON of `core.blocks.BODY_BLOCKS`).

The page is first cut into a tree of GitBook tags (`tags.py`); the `Converter` below turns each tag
(`{% hint %}`, `{% tabs %}`, `<details>`…) into blocks, and hands each text run to the table of
Markdown constructs (`constructs.py`): headings, tables, figures, task lists, quotes, paragraphs.
Links are resolved through a callback so that the importer decides what a `.md` target becomes.
A construct this module does not know is kept as text and reported as a warning.
"""

import html
import posixpath
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from django.utils.html import strip_tags

from bs4 import BeautifulSoup

from core.blocks import CELL_FEATURES
from core.importing import RecordError, markdown_to_html, sanitize_richtext

from .attachments import Attachments, is_remote
from .constructs import ANCHOR, HEADING, text_blocks
from .media import MediaConverter
from .summary import clean_title, normalise_target, split_icon
from .tags import Node, flatten_text, parse_tags

NUMERIC_ENTITY = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|nbsp);")
HINT_STYLES = {"info", "success", "warning", "danger"}
MAX_INCLUDE_DEPTH = 3


@dataclass
class PageContext:
    """What converting one page needs: where it is, how to resolve links, where warnings go."""

    path: str
    warn: Callable[[str], None]
    resolve_page: Callable[[str], int | None]
    read_include: Callable[[str], str] | None = None
    attachments: Attachments | None = None
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


class Converter(MediaConverter):
    """Turns the tag tree of one page into raw StreamField blocks."""

    def __init__(self, ctx: PageContext):
        self.ctx = ctx
        self.pending_links = False  # a `.md` target exists in the export but has no page yet
        # Converting the body of a tab: a `<details>` there stays an accordion (TAB_BLOCKS), nested.
        self.in_tab = False

    # Entry point
    def convert(self, body: str) -> list[dict]:
        nodes = parse_tags(body, self.ctx)
        return merge_neighbours(self.nodes_to_blocks(nodes, top=True))

    def nodes_to_blocks(self, nodes, top):
        blocks = []
        for node in nodes:
            handler = getattr(self, "tag_" + node.name.replace("-", "_"), None)
            if node.name == "text":
                blocks.extend(text_blocks(self, node.text, top))
            elif handler is None:
                self.ctx.warn(
                    f"ligne {node.line} : balise GitBook inconnue « {node.raw.strip()} », gardée en texte"
                )
                blocks.extend(text_blocks(self, flatten_text([node]), top))
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
        name = posixpath.basename(unquote(src))
        caption = strip_tags(markdown_to_html(flatten_text(node.children))).strip()
        url = src if is_remote(src) else ""
        document_id = None if url else self.document_id(src)
        if not url and document_id is None:
            self.ctx.warn(f"fichier joint absent de l'export, titre gardé sans lien : {name}")
        return [
            self.ctx.block(
                "document", {"document": document_id, "url": url, "title": name, "description": caption}
            )
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
            return text_blocks(self, node.raw, top)
        try:
            included = self.ctx.read_include(path)
        except (OSError, RecordError) as exc:
            self.ctx.warn(
                f"ligne {node.line} : bloc réutilisable « {path} » illisible ({exc}), gardé en texte"
            )
            return text_blocks(self, node.raw, top)
        self.ctx.include_depth += 1
        try:
            return self.nodes_to_blocks(parse_tags(included, self.ctx), top)
        finally:
            self.ctx.include_depth -= 1

    def tag_tabs(self, node, top):
        tabs = []
        for child in node.children:
            if child.name == "tab":
                body = self.tab_stream(child.children, top)
                tabs.append({"title": child.args.get("title", "Onglet"), "body": body})
            elif child.name != "text" or child.text.strip():
                tabs.append({"title": "Onglet", "body": self.tab_stream([child], top)})
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
        folded_in_tab = self.in_tab and not top
        children = list(node.children)
        title = "Détails"
        if children and children[0].name == "text":
            match = re.search(r"<summary>(.*?)</summary>", children[0].text, re.S)
            if match:
                title = clean_title(strip_tags(markdown_to_html(match.group(1)))) or title
                children[0] = Node(
                    "text", text=children[0].text[: match.start()] + children[0].text[match.end() :]
                )
        body = self.inner_stream(children, in_tab=False)  # an accordion holds no accordion
        if not (top or folded_in_tab):
            return self.flatten_container([(title, body)])
        return [self.ctx.block("accordion", {"title": "", "items": [{"title": title, "body": body}]})]

    def tag_code(self, node, top):
        return text_blocks(self, "```\n" + flatten_text(node.children) + "\n```", top)

    def inner_stream(self, nodes, in_tab=None):
        """The blocks of a container's body; `in_tab` says whether a `<details>` there may stay folded."""
        saved = self.in_tab
        if in_tab is not None:
            self.in_tab = in_tab
        try:
            return merge_neighbours(self.nodes_to_blocks(nodes, top=False))
        finally:
            self.in_tab = saved

    def tab_stream(self, nodes, top):
        """A tab's body: only the tabs of a top-level `{% tabs %}` become tabs, and keep details nested."""
        return self.inner_stream(nodes, in_tab=top)

    def flatten_container(self, sections):
        """A container nested in another one (not allowed by the blocks): its titles become bold text."""
        blocks = []
        for title, body in sections:
            blocks.append(self.ctx.block("paragraph", f"<p><b>{html.escape(title)}</b></p>"))
            blocks.extend(body)
        return blocks

    # What the tags above and the text-run constructs (`constructs.py`) both build with
    def paragraph(self, markdown_text):
        return self.paragraph_html(markdown_to_html(markdown_text))

    def paragraph_html(self, fragment_html):
        """HTML to rich text; inline images are moved out as figures so none is lost."""
        soup = BeautifulSoup(fragment_html, "html.parser")
        figures = []
        for img in soup.find_all("img"):
            figures.extend(self.figure(img.get("src", ""), img.get("alt", ""), ""))
            img.decompose()
        self.rewrite_links(soup)
        blocks = []
        richtext = sanitize_richtext(str(soup))
        if strip_tags(richtext).strip():
            blocks.append(self.ctx.block("paragraph", richtext))
        return blocks + figures

    def rich_cell(self, fragment_html):
        """HTML → the restricted rich text of a table cell; images become their alt text."""
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
            if self.is_attachment(href):
                document_id = self.document_id(href)
                if document_id is not None:
                    link.attrs = {"href": "#", "data-linktype": "document", "data-id": str(document_id)}
                else:
                    link.unwrap()
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
        if self.is_attachment(target):
            document_id = self.document_id(target)
            attachments = self.ctx.attachments
            return None, attachments.document_url(document_id) if document_id is not None else ""
        path = normalise_target(self.ctx.directory, target)
        if path and not path.endswith(".md"):
            self.ctx.warn(f"pièce jointe absente de l'export, lien retiré : {target}")
            return None, ""
        page_id = self.ctx.resolve_page(path) if path else None
        if page_id == -1:  # exists in the export, page not created yet: resolved in a second pass
            self.pending_links = True
            return None, ""
        if page_id is None:
            self.ctx.warn(f"lien vers une page absente de l'export, gardé en texte : {target}")
        return page_id, ""


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
