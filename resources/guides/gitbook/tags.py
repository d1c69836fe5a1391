"""The tag tree of a GitBook page: `{% hint %}`, `{% tabs %}`, `<details>`… and the text between them.

Cutting the page into this tree first lets the converter handle GitBook's containers as a whole,
and leaves only plain text runs for the Markdown constructs (`constructs.py`).
"""

import re
from dataclasses import dataclass, field

from core.importing import RecordError

TAG = re.compile(
    r"\{%\s*(?P<end>end)?(?P<name>[a-z][a-z-]*)\b(?P<args>.*?)%\}|<(?P<dend>/)?details\b[^>]*>", re.S
)
ARG = re.compile(r'(\w+)="([^"]*)"')
CONTAINERS = {"hint", "tabs", "tab", "stepper", "step", "content-ref", "code", "details"}
OPTIONAL_END = {"embed", "file"}
SINGLE = {"page-ref", "include"}


@dataclass
class Node:
    """A GitBook tag and what it encloses, or a run of plain text (`name == "text"`)."""

    name: str
    args: dict = field(default_factory=dict)
    children: list = field(default_factory=list)
    text: str = ""
    line: int = 0
    raw: str = ""


def parse_tags(text: str, ctx) -> list[Node]:
    """Cut the page into text runs and GitBook tags; an unclosed container rejects the page.

    `ctx` is the page's `PageContext`: it receives the warnings and knows the front matter's length.
    """
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
