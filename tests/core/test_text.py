"""The search stemmer: PyStemmer (C) in use, giving exactly the stems of snowballstemmer's Python code.

PyStemmer was added for speed (stemming was about 7 % of a first beta.gouv.fr import). Stems already
stored in search indexes were written by the Python stemmer: a different stem for any word of the
real content would make it unfindable until the next re-index, so they are compared word for word.
"""

import snowballstemmer
import Stemmer
from snowballstemmer.french_stemmer import FrenchStemmer

from core.text import stem, stemmed_text, words
from tests import SHARED_FIXTURES_DIR

# Words whose French stems exercise the algorithm's steps (plurals, -ement, -ité, -euse, accents
# folded before stemming, œ written out), besides the real content's vocabulary.
SAMPLE = (
    "recrutement recruter collectivités collectivite financée financer accessibilité numérique "
    "développeuse développeurs œuvre administrations incubateur incubateurs expérimentation"
)


def vocabulary() -> set[str]:
    found = set(words(SAMPLE))
    for path in sorted(SHARED_FIXTURES_DIR.rglob("*.md")):
        found.update(words(path.read_text("utf-8", errors="replace")))
    return found


def test_the_c_stemmer_is_in_use():
    assert snowballstemmer.stemmer is Stemmer.Stemmer
    assert stemmed_text("Les collectivités financées") == stemmed_text("collectivite financer")


def test_the_c_stemmer_gives_the_python_stemmer_stems_on_the_real_content():
    python = FrenchStemmer()
    vocab = vocabulary()
    assert len(vocab) > 5_000  # the shared fixtures were read
    different = {
        word: (stem(word), python.stemWord(python.stemWord(word)))
        for word in sorted(vocab)
        if stem(word) != python.stemWord(python.stemWord(word))
    }
    assert different == {}
