"""Our OpenAPI description of the beta.gouv.fr-compatible endpoints (/api/betagouv/v2.7/swagger.json).

Same paths, schema names and field types as beta.gouv.fr's API v2.7, so tools generated from
theirs keep working. The lists of values that upstream's description closes (phase names, event
names, organisation types…) are left open here: beta.gouv.fr's own fiches use values missing from
them (`abandon`, `committee`, `collectivite-territoriale`…), and the data wins over a stale list.
"""

VERSION = "2.7.0"


def _string(description, **extra):
    return {"type": "string", "description": description, **extra}


def _strings(description):
    return {"type": "array", "description": description, "items": {"type": "string"}}


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def _array_of(name, description):
    return {"type": "array", "description": description, "items": _ref(name)}


def _object(properties, required=()):
    schema = {"type": "object", "properties": properties}
    if required:
        schema["required"] = list(required)
    return schema


def _reference(many):
    item = _object({"type": _string("« incubator »"), "id": _string("Identifiant de l'incubateur")})
    return _object({"data": {"type": "array", "items": item} if many else item})


DATE = {"format": "date"}
SCHEMAS = {
    "Author": _object(
        {
            "id": _string("Identifiant du membre (nom de sa fiche)"),
            "fullname": _string("Nom complet"),
            "role": _string("Fonction"),
            "domaine": _string("Domaine (Développement, Design, Produit, Coaching…)"),
            "link": _string("Lien public choisi par le membre"),
            "bio": _string("Présentation (sans adresse électronique)"),
            "github": _string("Compte GitHub"),
            "missions": _array_of("Mission", "Missions du membre"),
            "startups": _strings("Startups des missions en cours"),
            "previously": _strings("Startups des missions terminées"),
            "competences": _strings("Compétences"),
        },
        required=("id", "fullname"),
    ),
    "Mission": _object(
        {
            "start": _string("Début (vide si inconnu)", **DATE),
            "end": _string("Fin (vide si aucune)", **DATE),
            "status": _string("Statut : independent, admin, service ou vide"),
            "employer": _string("Employeur"),
            "startups": _strings("Startup de la mission, si elle est publiée ici"),
        },
        required=("start",),
    ),
    "Incubator": _object(
        {
            "title": _string("Nom"),
            "owner": _string("Organisation porteuse (/organisations/…)"),
            "contact": _string("Adresse web de contact, ou vide"),
            "address": _string("Adresse postale"),
            "website": _string("Site web"),
            "github": _string("Organisation GitHub"),
            "startups": _array_of("IncubatorStartup", "Startups publiées de l'incubateur"),
        }
    ),
    "IncubatorStartup": _object(
        {
            "id": _string("Identifiant de la startup"),
            "name": _string("Nom"),
            "pitch": _string("Mission en une phrase"),
            "repository": {**_string("Dépôt de code"), "nullable": True},
            "contact": _string("Adresse web de contact, ou vide"),
            "phases": _array_of("Phase", "Phases"),
        },
        required=("id", "name"),
    ),
    "Phase": _object(
        {
            "name": _string("Phase (investigation, construction, acceleration, consolidation, transfere…)"),
            "start": _string("Début", **DATE),
            "end": _string("Fin (vide si aucune)", **DATE),
        },
        required=("name", "start"),
    ),
    "Organisation": _object(
        {
            "id": _string("Identifiant"),
            "name": _string("Nom"),
            "acronym": _string("Sigle"),
            "domaine_ministeriel": _string("Domaine ministériel"),
            "type": _string("Type (administration-centrale, operateur…)"),
        },
        required=("id", "name"),
    ),
    "Sponsor": _object(
        {
            "name": _string("Nom"),
            "acronym": _string("Sigle"),
            "domaine_ministeriel": _string("Domaine ministériel"),
            "type": _string("Type"),
        },
        required=("name",),
    ),
    "StartupsResponse": _object(
        {
            "links": _object({"self": _string("Adresse de la ressource")}),
            "data": _array_of("StartupResource", "Startups publiées"),
            "included": {
                "type": "array",
                "description": "Incubateurs cités par les `relationships`, une fois chacun",
                "items": _object(
                    {
                        "id": _string("Identifiant"),
                        "type": _string("« incubator »"),
                        "attributes": _ref("Incubator"),
                    }
                ),
            },
        }
    ),
    "StartupResource": _object(
        {
            "id": _string("Identifiant de la startup"),
            "type": _string("Type de ressource", enum=["startup"]),
            "attributes": _ref("StartupAttributes"),
            "relationships": _object({"incubator": _reference(False), "incubators": _reference(True)}),
        },
        required=("id", "type", "attributes"),
    ),
    "StartupAttributes": _object(
        {
            "name": _string("Nom"),
            "pitch": _string("Mission en une phrase"),
            "stats_url": _string("Statistiques publiques, ou vide"),
            "budget_url": _string("Budget"),
            "impact_url": _string("Mesure d'impact (présent avec `link`)"),
            "link": _string("Adresse du service"),
            "repository": _string("Dépôt de code"),
            "contact": _string("Adresse web de contact, ou vide"),
            "content_url_encoded_markdown": _string("Présentation en Markdown, encodée pour une URL"),
            "events": _array_of("Event", "Événements"),
            "phases": _array_of("Phase", "Phases"),
            "sponsors": _strings("Identifiants des sponsors"),
            "thematiques": _strings("Thématiques"),
            "technos": _strings("Technologies"),
            "analyse_risques": _string("Analyse de risques"),
            "analyse_risques_url": _string("Analyse de risques (adresse)"),
            "dashlord_url": _string("Tableau de bord DashLord"),
            "accessibility_status": _string(
                "Conformité RGAA", enum=["non conforme", "partiellement conforme", "totalement conforme"]
            ),
        }
    ),
    "Event": _object(
        {
            "name": _string("Événement (committee, product_launch, national_impact, fast, end…)"),
            "date": _string("Date", **DATE),
            "comment": _string("Commentaire"),
        }
    ),
    "StartupDetails": _object(
        {
            "id": _string("Identifiant"),
            "name": _string("Nom"),
            "repository": _string("Dépôt de code"),
            "contact": _string("Adresse web de contact, ou vide"),
            "phases": _array_of("Phase", "Phases"),
            "active_members": _strings("Membres en mission"),
            "previous_members": _strings("Anciens membres partis vers une autre mission"),
            "expired_members": _strings("Membres dont la mission a pris fin"),
        }
    ),
}


def _json(schema, summary, operation, tag):
    return {
        "get": {
            "summary": summary,
            "operationId": operation,
            "tags": [tag],
            "responses": {
                "200": {"description": summary, "content": {"application/json": {"schema": schema}}}
            },
        }
    }


PATHS = {
    "/authors.json": _json({"type": "array", "items": _ref("Author")}, "Membres", "getAuthors", "Membres"),
    "/incubators.json": _json(
        {"type": "object", "additionalProperties": _ref("Incubator")},
        "Incubateurs",
        "getIncubators",
        "Incubateurs",
    ),
    "/organisations.json": _json(
        {"type": "array", "items": _ref("Organisation")}, "Organisations", "getOrganisations", "Organisations"
    ),
    "/sponsors.json": _json(
        {"type": "object", "additionalProperties": _ref("Sponsor")}, "Sponsors", "getSponsors", "Sponsors"
    ),
    "/startups.json": _json(_ref("StartupsResponse"), "Startups (JSON:API)", "getStartups", "Startups"),
    "/startups_details.json": _json(
        {"type": "object", "additionalProperties": _ref("StartupDetails")},
        "Startups et leurs membres",
        "getStartupsDetails",
        "Startups",
    ),
    "/startups.csv": {
        "get": {
            "summary": "Startups (CSV, séparateur point-virgule ; `null` pour une adresse absente)",
            "operationId": "getStartupsCsv",
            "tags": ["Startups"],
            "responses": {
                "200": {"description": "Startups", "content": {"text/csv": {"schema": {"type": "string"}}}}
            },
        }
    },
}


def openapi_document(base_url: str) -> dict:
    """The OpenAPI 3 description, with this site as the server."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "API compatible beta.gouv.fr",
            "description": (
                "Les startups, incubateurs, organisations et membres publiés sur ce site, aux formats de "
                "l'API v2.7 de beta.gouv.fr : un outil qui la lit change seulement d'adresse de base. "
                "Seules les pages publiées et publiques y figurent ; aucune adresse électronique."
            ),
            "version": VERSION,
        },
        "servers": [{"url": base_url}],
        "paths": PATHS,
        "components": {"schemas": SCHEMAS},
    }
