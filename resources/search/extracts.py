"""What a search result shows of its page: the title and a window of its text, query words marked.

A word is marked when its folded stem is one of the query's (core/text.py), so "recrutement" is
marked for a search on "recruter". The text is escaped here: only our own <mark> tags are added.
"""

from collections import defaultdict
from functools import lru_cache

from django.db.models import prefetch_related_objects
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from wagtail.search.index import RelatedFields

from core.text import STOPWORDS, WORD_RE, fold, stem

EXTRACT_LENGTH = 240


@lru_cache(maxsize=50_000)
def _word_stem(word: str) -> str:
    """The stem a word of a page is compared by ("" for stopwords and single letters), computed once."""
    folded = fold(word)
    return stem(folded) if len(folded) > 1 and folded not in STOPWORDS else ""


def _is_hit(word: str, query_stems: set[str]) -> bool:
    word_stem = _word_stem(word)
    return bool(word_stem) and word_stem in query_stems


def highlight(text: str, query_stems: set[str]):
    """Escaped text with the words matching the query wrapped in <mark>."""
    pieces, position = [], 0
    for match in WORD_RE.finditer(text):
        if _is_hit(match.group(), query_stems):
            pieces.append(escape(text[position : match.start()]))
            pieces.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    pieces.append(escape(text[position:]))
    # Safe (bandit B308/B703 reviewed): every piece is escaped above; only our <mark> tags are added.
    return mark_safe("".join(pieces))  # nosec  # noqa: S308


def extract(text: str, query_stems: set[str], length: int = EXTRACT_LENGTH):
    """A window of the text around its first matching word, highlighted; the start if none match."""
    text = " ".join(text.split())
    start = 0
    for match in WORD_RE.finditer(text):
        if _is_hit(match.group(), query_stems):
            start = max(0, match.start() - length // 4)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < match.start() else start
    window = text[start : start + length]
    if start + length < len(text):
        window = window.rsplit(" ", 1)[0] + " …"
    return format_html("{}{}", "… " if start else "", highlight(window, query_stems))


def prefetch_extract_relations(pages):
    """Load the related objects the extracts read (a resource's kind…): one query per type, not per row."""
    by_class = defaultdict(list)
    for page in pages:
        by_class[type(page)].append(page)
    for model, group in by_class.items():
        relations = [
            field.field_name for field in model.get_search_fields() if isinstance(field, RelatedFields)
        ]
        if relations:
            prefetch_related_objects(group, *relations)
