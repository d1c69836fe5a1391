"""beta.gouv.fr-compatible open data (/api/betagouv/v2.7/): the same files as beta.gouv.fr's API v2.7."""
