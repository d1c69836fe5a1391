"""Messages are written in a Markdown subset and rendered once, safely, when they are saved.

Decisions:
- markdown-it-py with raw HTML off and images off: a message can never embed markup of its own nor
  load an image from another host (a tracking pixel);
- the result is then cleaned by nh3 with a short list of tags and attributes, and every link gets
  `rel="nofollow ugc"` (and only http, https and mailto addresses survive): two locks, not one;
- `@prenom.nom` becomes a link to that member's page when such a member exists (one query per
  message); code spans and existing links are left alone.
"""

import re

from django.urls import reverse

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from community.members.models import Member

MENTION = re.compile(r"(?<![\w@.])@([A-Za-z0-9][-\w.]*[A-Za-z0-9_])")
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "a", "ul", "ol", "li", "code", "pre", "blockquote", "hr",
    "h3", "h4", "h5", "h6", "del",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "class"}, "ol": {"start"}}
LINK_REL = "nofollow ugc"


def mentioned_identifiers(source: str) -> list[str]:
    """Every distinct `@identifiant` of the text, in order of appearance."""
    seen = []
    for match in MENTION.finditer(source):
        if match.group(1) not in seen:
            seen.append(match.group(1))
    return seen


def _mention_rule(state):
    members = state.env.get("members", {})
    if not members:
        return
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        children, in_link = [], 0
        for token in block.children:
            if token.type == "link_open":
                in_link += 1
            elif token.type == "link_close":
                in_link -= 1
            if token.type != "text" or in_link:
                children.append(token)
                continue
            children.extend(_split_mentions(token.content, members))
        block.children = children


def _split_mentions(text: str, members: dict) -> list[Token]:
    tokens, position = [], 0
    for match in MENTION.finditer(text):
        member = members.get(match.group(1))
        if member is None:
            continue
        if match.start() > position:
            tokens.append(_text(text[position : match.start()]))
        link = Token("link_open", "a", 1)
        link.attrs = {"href": reverse("member_detail", kwargs={"slug": member.slug}), "class": "mention"}
        tokens += [link, _text(match.group(0)), Token("link_close", "a", -1)]
        position = match.end()
    if position < len(text):
        tokens.append(_text(text[position:]))
    return tokens


def _text(content: str) -> Token:
    token = Token("text", "", 0)
    token.content = content
    return token


def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    parser.enable("strikethrough")
    parser.disable("image")
    parser.core.ruler.push("mentions", _mention_rule)
    return parser


PARSER = _parser()


def sanitise(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel=LINK_REL,
        strip_comments=True,
    )


def render(source: str) -> tuple[str, list[Member]]:
    """The message's safe HTML and the members it mentions (who exist)."""
    identifiers = mentioned_identifiers(source)
    members = {member.slug: member for member in Member.objects.filter(slug__in=identifiers)}
    html = PARSER.render(source, {"members": members})
    mentioned = [members[identifier] for identifier in identifiers if identifier in members]
    return sanitise(html), mentioned
