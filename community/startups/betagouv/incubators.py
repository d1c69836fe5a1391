"""The incubator fiches (pages under Incubateurs) and the fiches of their own teams."""

from core.importing import RecordError, markdown_to_richtext, upsert_model, upsert_page

from ..models import IncubatorPage, Team
from .body import body_warnings
from .cleaning import Cleaner, file_name_warnings, identifier_of, json_safe
from .fiches import read_fiche
from .organisations import find_organisation

# Front-matter keys read into fields; any other key is kept as is in `extra`.
INCUBATOR_FIELDS = {
    "title",
    "short_description",
    "owner",
    "website",
    "github",
    "contact",
    "address",
    "highlighted_startups",
    "hidden",
}


def prefetch_incubators(importer, records):
    """The incubator pages these fiches may update, and their section's slugs, in two queries."""
    importer.prefetch_pages(IncubatorPage, importer.incubator_index, records)


def import_incubator(importer, source, path, warn):
    data, body = read_fiche(path)
    file_name_warnings(path, warn)
    clean = Cleaner(data, warn)
    title = clean.text("title")
    if not title:
        raise RecordError("titre manquant (champ « title »)")
    identifier = identifier_of(path)
    owner = find_organisation(importer, clean.text("owner"), warn, "organisation porteuse")
    body_warnings(body, warn)
    short_description = clean.text("short_description")
    existing = importer.existing[IncubatorPage].get(source)
    fields = {
        "title": title[:255],
        "slug": importer.unique_slug(importer.incubator_index, identifier, existing),
        "betagouv_id": identifier,
        "owner_organisation_id": owner.pk if owner else None,
        "website": clean.url("website"),
        "github": clean.url("github"),
        "contact": clean.contact(),
        "address": clean.text("address")[:300],
        "highlighted_startups": clean.text_list("highlighted_startups"),
        "hidden": bool(data.get("hidden")),
        "extra": json_safe({k: v for k, v in data.items() if k not in INCUBATOR_FIELDS}),
    }
    clean.report_empty()
    page, outcome = upsert_page(
        IncubatorPage,
        importer.incubator_index,
        source,
        fields,
        publish=importer.publish,
        existing=existing,
        rendered={
            "short_description": (short_description, markdown_to_richtext),
            "description": (body.strip(), markdown_to_richtext),
        },
    )
    importer.incubators[identifier] = page
    return outcome


def import_team(importer, source, path, warn):
    data, _ = read_fiche(path)
    clean = Cleaner(data, warn)
    name = clean.text("name")
    if not name:
        raise RecordError("nom manquant (champ « name »)")
    incubator_id = clean.text("incubator")
    incubator = importer.incubators.get(incubator_id) if incubator_id else None
    if incubator_id and incubator is None:
        warn(f"incubateur introuvable : « {incubator_id} »")
    slug = identifier_of(path)
    fields = {
        "name": name[:255],
        "mission": markdown_to_richtext(clean.text("mission")),
        "incubator_id": incubator.pk if incubator else None,
        "source_key": source,
    }
    team, outcome = upsert_model(Team, {"slug": slug}, fields, existing=importer.teams.get(slug))
    importer.teams[slug] = team
    return outcome
