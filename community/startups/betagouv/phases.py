"""The phase fiches: the stages of a startup's life, imported first so startups can refer to them."""

from core.importing import RecordError, upsert_model
from core.taxonomy.models import Phase

from .cleaning import Cleaner, identifier_of
from .fiches import read_fiche


def import_phase(importer, source, path, warn):
    data, _ = read_fiche(path)
    clean = Cleaner(data, warn)
    slug = clean.text("status") or identifier_of(path)
    label = clean.text("label")
    if not label:
        raise RecordError("libellé manquant (champ « label »)")
    order = data.get("order")
    if not isinstance(order, int):
        warn(f"ordre absent ou invalide ({order!r}) : 0")
        order = 0
    doc = clean.text("documentation_url")
    if doc.startswith("/"):
        doc = "https://beta.gouv.fr" + doc
    fields = {"name": label, "description": clean.text("short_description"), "order": order}
    fields["documentation_url"] = doc
    # A new phase that ends a startup's growth is marked so by Phase itself (ENDING_PHASE_SLUGS).
    phase, outcome = upsert_model(Phase, {"slug": slug}, fields, existing=importer.phases.get(slug))
    importer.phases[slug] = phase
    return outcome
