"""The organisation fiches (administrations), and how an incubator's fiche names its owner."""

from core.importing import RecordError, upsert_model

from ..models import Organisation
from .cleaning import Cleaner, file_name_warnings, identifier_of, reference
from .fiches import read_fiche


def import_organisation(importer, source, path, warn):
    data, body = read_fiche(path)
    file_name_warnings(path, warn)
    clean = Cleaner(data, warn)
    name = clean.text("name")
    if not name:
        raise RecordError("nom manquant (champ « name »)")
    slug = identifier_of(path)
    fields = {
        "name": name[:255],
        "acronym": clean.text("acronym")[:60],
        "type": clean.text("type")[:100],
        "domaine_ministeriel": clean.text("domaine_ministeriel")[:100],
        "description": body.strip(),
        "source_key": source,
    }
    existing = importer.organisations.get(slug)
    org, outcome = upsert_model(Organisation, {"slug": slug}, fields, existing=existing)
    importer.organisations[slug] = org
    return outcome


def find_organisation(importer, value, warn, what):
    """The organisation a fiche refers to (`what` names the role in warnings), or None, said once."""
    if not value:
        warn(f"aucune {what}")
        return None
    slug = reference(value)
    org = importer.organisations.get(slug)
    if org is None:
        warn(f"{what} introuvable : « {slug} »")
    return org
