"""Importer for beta.gouv.fr fiches (startups, incubators, organisations, phases, teams, members)."""

from .importer import BetagouvImporter, import_betagouv

__all__ = ["BetagouvImporter", "import_betagouv"]
