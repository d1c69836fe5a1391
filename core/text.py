"""French text normalisation for search: accent folding and Snowball stemming, the same on every backend.

SQLite's FTS5 folds accents but does not stem; PostgreSQL's "french" configuration stems but keeps
accents. Rather than depend on either, pages index an extra field of folded, stemmed words and the
query is folded and stemmed the same way, so "recruter" meets "recrutement" and "collectivite"
meets "collectivités" whatever the database.
"""

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

WORD_RE = re.compile(r"\w+", re.UNICODE)
# A query longer than this is cut: no real question needs more, and every word costs a stem.
MAX_QUERY_LENGTH = 200
CONTROL_CHARS_RE = re.compile(r"[\x00-\x1f\x7f-\x9f]")

# Words too common to tell pages apart; dropped on both sides so an AND query does not require them.
_STOPWORDS_TEXT = """
    a au aux avec c ce ces cet cette d dans de des du elle en et est etre il ils j je l la le les leur
    leurs lui m ma mais me mes moi mon n ne nos notre nous on ou par pas pour qu que qui s sa se ses
    si son sont sur t ta te tes toi ton tu un une vos votre vous y
"""
STOPWORDS = frozenset(_STOPWORDS_TEXT.split())

# PyStemmer's C stemmer when installed (a dependency: snowballstemmer picks it up), its own Python
# code otherwise; the same stems either way (tests/core/test_text.py), the C one ~40× faster.
_stemmer = snowballstemmer.stemmer("french")


def fold(text: str) -> str:
    """Lower-case text without diacritics ("Collectivités" → "collectivites"); keeps œ/æ readable."""
    text = text.lower().replace("œ", "oe").replace("æ", "ae")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    """The folded words of a text, without stopwords or one-letter fragments."""
    return [word for word in WORD_RE.findall(fold(text)) if len(word) > 1 and word not in STOPWORDS]


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """Snowball stem of a folded word, applied twice so that "financee" and "financer" agree."""
    return _stemmer.stemWord(_stemmer.stemWord(word))


def stems(text: str) -> list[str]:
    return [stem(word) for word in words(text)]


@lru_cache(maxsize=2048)
def stemmed_text(text: str) -> str:
    """What gets indexed and queried: folded, stemmed words separated by spaces.

    Cached on the text: Wagtail's indexer reads every search field once per index column.
    """
    return " ".join(stems(text))


def clean_query(raw) -> str:
    """A typed query safe to search with: a string, no control characters, bounded, single spaces."""
    if not isinstance(raw, str):
        return ""
    text = CONTROL_CHARS_RE.sub(" ", raw[: MAX_QUERY_LENGTH * 2])
    return " ".join(text.split())[:MAX_QUERY_LENGTH]
