"""Site search: French full-text matching over every page a visitor may see, facets and suggestions.

visibility.py  who may see what (drafts never, restricted pages only for those allowed)
results.py     the /recherche/ listing: query chosen, facets, sort, pages of results
typos.py       the one-letter correction tried when every word finds nothing
extracts.py    highlighted titles and extracts of the results
facets.py      facets that work on any page type (content type, kind, phase, role)
postgres.py    PostgreSQL's one-statement total, facet counts and page of results
suggestions.py autocomplete of the header search
"""
