"""XSS payloads and the check that none of them became executable markup in a rendered page."""

import json

from django.conf import settings
from django.utils.html import strip_tags

from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

from bs4 import BeautifulSoup

from core.blocks import RICH_TEXT_FEATURES
from tests import DATA_DIR

PAYLOADS = [
    line for line in (DATA_DIR / "xss_payloads.txt").read_text(encoding="utf-8").splitlines() if line.strip()
]
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:text/javascript", "data:image/svg")
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "background",
    "poster",
    "srcset",
}
FORBIDDEN_TAGS = {"object", "embed", "base", "applet", "frame", "frameset"}
# Non-executable inline scripts: the Wagtail admin's data for its JavaScript, and the public pages'
# JSON-LD breadcrumb (core/templatetags/page_meta.py).
DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
# What every payload tries to call: found in the code of an inline script, it means a payload got in.
PAYLOAD_CALLS = ("alert(", "msgbox(", "evil.example")


def pack(payloads: list[str], max_length: int) -> list[str]:
    """The payloads grouped into as few values as fit a field of this length (each payload whole)."""
    chunks, current = [], ""
    for payload in payloads:
        payload = payload[:max_length]
        if current and len(current) + 1 + len(payload) > max_length:
            chunks.append(current)
            current = ""
        current = f"{current} {payload}" if current else payload
    return [*chunks, current] if current else chunks


def normalised_url(value: str) -> str:
    """What a browser reads as the scheme: whitespace and control characters anywhere are dropped."""
    return "".join(character for character in value if ord(character) > 0x20 and character != "\x7f").lower()


def executable_markup(html: str, *, admin: bool = False) -> list[str]:
    """Every place where rendered HTML could run script; an empty list means nothing executes."""
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else (value or "")
            name = name.lower()
            if name.startswith("on"):
                problems.append(f"attribut {name} sur <{tag.name}>")
            if name in URL_ATTRIBUTES and normalised_url(value).startswith(DANGEROUS_SCHEMES):
                problems.append(f"{name}={value!r} sur <{tag.name}>")
            if name == "style" and ("expression(" in value.lower() or "javascript:" in normalised_url(value)):
                problems.append(f"style={value!r}")
        if tag.name in FORBIDDEN_TAGS:
            problems.append(f"élément <{tag.name}>")
        if tag.name == "iframe" and tag.has_attr("srcdoc"):
            problems.append("<iframe srcdoc>")
        if tag.name == "meta" and tag.get("http-equiv", "").lower() == "refresh":
            problems.append("<meta http-equiv=refresh>")
        if tag.name == "style" and ("expression(" in tag.text or "javascript:" in normalised_url(tag.text)):
            problems.append(f"<style>{tag.text[:80]}")
        if tag.name == "script":
            problems.extend(_unknown_script(tag, admin))
    return problems


def _unknown_script(tag, admin: bool) -> list[str]:
    src = tag.get("src")
    if src:
        # The site's own files; the admin also loads its translations from /admin/jsi18n/.
        known = (settings.STATIC_URL, "/admin/") if admin else (settings.STATIC_URL,)
        return [] if src.startswith(known) and not tag.text.strip() else [f"<script src={src}>"]
    if tag.get("type", "").lower() in DATA_SCRIPT_TYPES:
        json.loads(tag.text)  # data, not code: it must be valid JSON (a breakout would not be)
        return []
    if admin and not any(marker in tag.text for marker in PAYLOAD_CALLS):
        return []  # the admin's own initialisers (date choosers…), which carry none of our payloads
    return [f"<script> en ligne : {tag.text[:80]!r}"]


def _contentstate(blocks: list[dict], entities: dict) -> str:
    return json.dumps({"blocks": blocks, "entityMap": entities})


def _block(key: str, text: str, entity_ranges=()) -> dict:
    return {
        "key": key,
        "type": "unstyled",
        "text": text,
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": list(entity_ranges),
    }


def as_editor_would(texts: list[str], features=None) -> str:
    """Rich text as the admin's editor (Draftail) saves it when an editor types these texts."""
    blocks = [_block(f"t{n}", text) for n, text in enumerate(texts)]
    return ContentstateConverter(features or RICH_TEXT_FEATURES).to_database_format(_contentstate(blocks, {}))


def forged_link(url: str, features=None) -> str:
    """Rich text saved from a forged editor submission: a link entity whose URL is the payload."""
    block = _block("xss01", "un lien", [{"offset": 0, "length": 7, "key": 0}])
    entity = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
    return ContentstateConverter(features or RICH_TEXT_FEATURES).to_database_format(
        _contentstate([block], {"0": entity})
    )


def url_payloads() -> list[str]:
    """The payloads that are (or contain) a URL an attacker would put in a link."""
    return [payload for payload in PAYLOADS if ":" in strip_tags(payload) or "href" in payload]
