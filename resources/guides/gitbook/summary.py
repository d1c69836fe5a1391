"""Reading a GitBook export's `SUMMARY.md` (tree and order) and `.gitbook.yaml` (old addresses)."""

import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from django.utils.text import slugify

import yaml

from core.importing import RecordError, read_text

ENTRY = re.compile(r"^(?P<indent>\s*)[*+-]\s+\[(?P<title>.*)\]\((?P<target>[^)]*)\)\s*$")
SECTION = re.compile(r"^##\s+(?P<title>.+?)\s*$")
ANCHOR_TAG = re.compile(r"<a\s[^>]*>\s*</a>")
# Characters that may follow a leading emoji's first code point: joiners, variation selectors,
# skin tones, keycaps, and the further pictographs of a ZWJ sequence.
EMOJI_TAIL = {"\u200d", "\ufe0f", "\ufe0e", "\u20e3"}


def split_icon(title: str) -> tuple[str, str]:
    """A leading emoji becomes the page's icon: '💡 L'histoire' gives ('💡', "L'histoire")."""
    title = title.strip()
    end = 0
    if title and unicodedata.category(title[0]) == "So":
        end = 1
        while end < len(title) and (
            title[end] in EMOJI_TAIL or unicodedata.category(title[end]) in ("So", "Sk", "Mn")
        ):
            end += 1
    icon, rest = title[:end], title[end:].strip()
    if not rest:  # a title made only of an emoji keeps it as its title
        return "", title
    return icon, rest


def clean_title(title: str) -> str:
    return re.sub(r"\s+", " ", ANCHOR_TAG.sub("", title)).replace("\\", "").strip()


@dataclass
class Entry:
    """One node of the guide's tree: a Markdown page, a `## Section` grouping page or an external link."""

    title: str
    path: str = ""  # relative posix path of the Markdown file ("" for sections)
    kind: str = "page"  # page | section | external
    parent: "Entry | None" = None
    children: list["Entry"] = field(default_factory=list)
    line: int = 0

    @property
    def source(self) -> str:
        if self.kind == "section":
            return f"SUMMARY.md#{self.slug_hint}"
        return self.path

    @property
    def slug_hint(self) -> str:
        return slugify(split_icon(self.title)[1])[:80] or "section"

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


def normalise_target(base_dir: str, target: str) -> str:
    """A link target relative to `base_dir`, as a clean export-relative path ('' if outside)."""
    target = unquote(target.split("#", 1)[0].strip())
    if not target:
        return ""
    if target.startswith("/"):
        path = posixpath.normpath(target.lstrip("/"))
    else:
        path = posixpath.normpath(posixpath.join(base_dir, target))
    if path.startswith("..") or path == ".":
        return ""
    if not path.lower().endswith(".md"):
        path = posixpath.join(path, "README.md")
    return path


def parse_summary(root: Path) -> list[Entry]:
    """Every entry of `SUMMARY.md` in reading (depth-first) order, with its parent set."""
    summary = root / "SUMMARY.md"
    if not summary.is_file():
        raise RecordError(f"SUMMARY.md est introuvable dans {root} : ce dossier n'est pas un export GitBook")
    entries: list[Entry] = []
    section: Entry | None = None
    stack: list[tuple[int, Entry]] = []
    for number, line in enumerate(read_text(summary).splitlines(), start=1):
        heading = SECTION.match(line)
        if heading:
            section = Entry(title=clean_title(heading.group("title")), kind="section", line=number)
            entries.append(section)
            stack = []
            continue
        match = ENTRY.match(line)
        if not match:
            continue
        indent = len(match.group("indent").expandtabs(4))
        while stack and stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1] if stack else section
        target = match.group("target").strip()
        external = bool(re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE))
        entry = Entry(
            title=clean_title(match.group("title")),
            path="" if external else normalise_target("", target),
            kind="external" if external else "page",
            parent=parent,
            line=number,
        )
        if external:
            entry.path = target
        if parent is not None:
            parent.children.append(entry)
        entries.append(entry)
        stack.append((indent, entry))
    return entries


def parse_redirects(root: Path) -> dict[str, str]:
    """`.gitbook.yaml` redirects: old path → Markdown file; {} when there is none."""
    config = root / ".gitbook.yaml"
    if not config.is_file():
        return {}
    try:
        data = yaml.safe_load(read_text(config)) or {}
    except yaml.YAMLError as exc:
        raise RecordError(f".gitbook.yaml illisible : {exc}") from exc
    redirects = data.get("redirects") or {} if isinstance(data, dict) else {}
    return {str(old): normalise_target("", str(new)) for old, new in redirects.items() if old and new}
