"""Editors' synonyms: a word members type (« CI ») searched as pages say it (« comité d'investissement »)."""

from .models import SearchSynonym, normalise


def expand(query: str) -> str:
    """The query with each synonym's word replaced by its expansion; "" when no synonym applies."""
    normalised = normalise(query)
    if not normalised:
        return ""
    synonyms = dict(SearchSynonym.objects.values_list("term", "expansion"))
    if not synonyms:
        return ""
    if normalised in synonyms:  # a synonym of several words, typed alone
        return synonyms[normalised]
    tokens = normalised.split()
    expanded = [synonyms.get(token, token) for token in tokens]
    return " ".join(expanded) if expanded != tokens else ""
