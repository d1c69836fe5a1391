"""A fiche's Markdown body as StreamField sections (a heading, then its text)."""

import re

from core.importing import markdown_to_richtext

SECTION_HEADING = re.compile(r"^#{1,2}[ \t]+(.+?)[ \t#]*$")
RAW_HTML = re.compile(r"<(a|br|img|div|p|span|iframe|script|table|strong|em|ul|li)\b", re.IGNORECASE)
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
HTML_IMAGE = re.compile(r"<img\b[^>]*\bsrc=[\"']?([^\"'\s>]+)", re.IGNORECASE)


def body_warnings(text: str, warn) -> None:
    images = MARKDOWN_IMAGE.findall(text) + HTML_IMAGE.findall(text)
    if images:
        shown = ", ".join(images[:3]) + (" …" if len(images) > 3 else "")
        warn(f"{len(images)} image(s) non importée(s) (chemins relatifs au site beta.gouv.fr) : {shown}")
    if RAW_HTML.search(text):
        warn("HTML brut dans le texte : seuls les éléments permis par l'éditeur sont gardés")
    if "\t" in text:
        warn("tabulations dans le texte : lues comme des espaces")


def markdown_sections(text: str) -> list[tuple[str, object]]:
    """`## Problème` … → [("heading", …), ("paragraph", html), …]; text before the first heading first."""
    text = text.replace("\t", "    ")
    sections, heading, lines, in_code = [], None, [], False

    def flush():
        content = "\n".join(lines).strip()
        if heading:
            sections.append(("heading", {"text": heading[:255], "level": "h2"}))
        if content:
            html = markdown_to_richtext(content)
            if html:
                sections.append(("paragraph", html))

    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            in_code = not in_code
        match = None if in_code else SECTION_HEADING.match(line)
        if match:
            flush()
            heading, lines = match.group(1).strip().strip("*_").strip(), []
        else:
            lines.append(line)
    flush()
    return sections
