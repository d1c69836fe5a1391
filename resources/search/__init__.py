"""Site search: French full-text matching over every page a visitor may see, facets and suggestions.

visibility.py  who may see what (drafts never, restricted pages only for those allowed)
results.py     the /recherche/ listing: query chosen, facets, sort, pages of results
typos.py       the one-letter correction tried when every word finds nothing
extracts.py    highlighted titles and extracts of the results
facets.py      facets that work on any page type (content type, kind, phase, role)
postgres.py    PostgreSQL's one-statement total, facet counts and page of results
suggestions.py autocomplete of the header search
curated.py     the editors' curation: synonyms.py expands the query, pins.py puts pages first
querylog.py    every search logged without personal data, the result opened, the purge
demands.py     searches without result, answered by a draft guide (report in reports.py)
figures.py     the share of searches without result, for /chiffres/
"""
