"""The ground every app stands on: abstract pages, blocks, listings, text matching, importing,
caching, security and form helpers. It imports no app of the project."""
