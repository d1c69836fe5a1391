"""The startup fiches (pages under Startups): fields, sponsors, terms, and their phases and events."""

from core.importing import RecordError, upsert_page
from core.taxonomy.models import Thematique

from ..models import Audience, StartupPage
from ..models.compliance import ACCESSIBILITY_CHOICES
from ..models.startups import refresh_current_phases
from .body import body_warnings, markdown_sections
from .cleaning import Cleaner, file_name_warnings, identifier_of, json_safe, parse_date, reference, slug_for
from .fiches import read_fiche

# The public types beta.gouv.fr offers (`usertypes`), with their labels; any other is kept as it comes.
STANDARD_AUDIENCES = {
    "etat": "État",
    "particulier": "Particuliers",
    "collectivite-territoriale": "Collectivités territoriales",
    "entreprise": "Entreprises",
    "association": "Associations",
    "etablissement-scolaire": "Établissements scolaires",
    "parlement": "Parlement",
}
# Compliance keys of the fiche read into the fields of the same name: yes/no answers, then addresses.
COMPLIANCE_FLAGS = ("analyse_risques", "mon_service_securise")
COMPLIANCE_URLS = ("analyse_risques_url", "stats_url", "dashlord_url", "budget_url", "impact_url")
# Front-matter keys read into fields; any other key is kept as is in `extra`.
STARTUP_FIELDS = {
    "title",
    "mission",
    "incubator",
    "sponsors",
    "phases",
    "events",
    "thematiques",
    "usertypes",
    "techno",
    "link",
    "repository",
    "contact",
    *COMPLIANCE_FLAGS,
    *COMPLIANCE_URLS,
    "accessibility_status",
}
GAP_DAYS = 31  # a gap shorter than a month between two phases is ordinary, not worth a warning


def prefetch_startups(importer, records):
    """The startup pages these fiches may update, and their section's slugs, in two queries."""
    importer.prefetch_pages(StartupPage, importer.startup_index, records)


def refresh_phases(importer):
    """Once every startup is in, re-derive current phases for all of them at once, not per fiche."""
    refresh_current_phases(importer.today)


def import_startup(importer, source, path, warn):
    data, body = read_fiche(path)
    clean = Cleaner(data, warn)
    title = clean.text("title")
    if not title:
        raise RecordError("titre manquant (champ « title »)")
    if len(title) > 255:
        warn("titre de plus de 255 caractères : tronqué")
        title = title[:255]
    phases = phase_rows(data.get("phases"), warn, importer.phases, importer.today)
    events = event_rows(data.get("events"))
    file_name_warnings(path, warn)
    identifier = identifier_of(path)

    incubator_id = clean.text("incubator")
    incubator = importer.incubators.get(incubator_id)
    if not incubator_id:
        warn("aucun incubateur")
    elif incubator is None:
        warn(f"incubateur introuvable : « {incubator_id} »")
    if data.get("incubators"):
        warn("plusieurs incubateurs (« incubators ») : le premier champ « incubator » fait foi")
    sponsors = []
    for value in clean.text_list("sponsors"):
        org = importer.organisations.get(reference(value))
        if org is None:
            warn(f"sponsor introuvable : « {reference(value)} »")
        elif org not in sponsors:
            sponsors.append(org)
    if "sponsors" not in data:
        warn("aucun sponsor")
    thematiques = [
        term(Thematique, importer.thematiques, value, warn) for value in clean.text_list("thematiques")
    ]
    audiences = [audience(importer.audiences, value, warn) for value in clean.text_list("usertypes")]
    accessibility = clean.text("accessibility_status").lower()
    if accessibility and accessibility not in dict(ACCESSIBILITY_CHOICES):
        warn(f"statut d'accessibilité inconnu : « {accessibility} » (conservé)")
    body_warnings(body, warn)
    existing = importer.existing[StartupPage].get(source)
    fields = {
        "title": title,
        "slug": importer.unique_slug(importer.startup_index, identifier, existing),
        "betagouv_id": identifier,
        "mission": clean.text("mission"),
        "incubator_id": incubator.pk if incubator else None,
        "techno": clean.text_list("techno"),
        "site_url": clean.url("link"),
        "repository_url": clean.url("repository"),
        **{key: clean.flag(key) for key in COMPLIANCE_FLAGS},
        **{key: clean.url(key) for key in COMPLIANCE_URLS},
        "contact": clean.contact()[:300],
        "accessibility_status": accessibility[:40],
        "extra": json_safe({k: v for k, v in data.items() if k not in STARTUP_FIELDS}),
    }
    clean.report_empty()
    page, outcome = upsert_page(
        StartupPage,
        importer.startup_index,
        source,
        fields,
        publish=importer.publish,
        relations={
            "sponsors": sponsors,
            "thematiques": [t for t in thematiques if t is not None],
            "audiences": [a for a in audiences if a is not None],
        },
        children={"phases": phases, "events": events},
        existing=existing,
        rendered={"body": (body, markdown_sections)},
    )
    importer.startup_ids[identifier] = page.pk
    return outcome


def phase_rows(raw, warn, known, today):
    """Validated phases in date order, with a warning for each oddity of the real data.

    `known` maps phase slugs to `Phase` rows; an unknown phase rejects the fiche.
    """
    if raw in (None, "", []):
        warn("aucune phase")
        return []
    if not isinstance(raw, list):
        raise RecordError("« phases » doit être une liste de phases {name, start, end, comment}")
    rows = []
    for position, item in enumerate(raw, start=1):
        if not isinstance(item, dict):
            raise RecordError(f"phase n° {position} illisible : « {item} »")
        raw_name = str(item.get("name") or "")
        name = raw_name.strip().lower()
        if name not in known:
            names = ", ".join(sorted(known)) or "aucune"
            raise RecordError(f"phase inconnue : « {raw_name} » (phases connues : {names})")
        if name != raw_name:
            warn(f"nom de phase « {raw_name} » lu comme « {name} »")
        start = parse_date(item.get("start"), f"le début de la phase « {name} »")
        if start is None:
            raise RecordError(f"date de début manquante pour la phase « {name} »")
        end = parse_date(item.get("end"), f"la fin de la phase « {name} »")
        comment = item.get("comment")
        rows.append(
            {
                "phase_id": known[name].pk,
                "start": start,
                "end": end,
                "comment": "" if comment is None else str(comment).strip(),
                "_name": name,
            }
        )
    ordered = sorted(rows, key=lambda row: row["start"])  # stable: equal dates keep their order
    if ordered != rows:
        warn("phases dans le désordre : rangées par date de début")
    for row in ordered:
        if row["end"] and row["end"] < row["start"]:
            warn(f"la phase « {row['_name']} » finit ({row['end']}) avant de commencer ({row['start']})")
        if row["start"] > today:
            warn(f"la phase « {row['_name']} » commence dans le futur ({row['start']})")
    for before, after in zip(ordered, ordered[1:], strict=False):
        if before["end"] and before["end"] > after["start"]:
            warn(
                f"les phases « {before['_name']} » (fin {before['end']}) et « {after['_name']} » "
                f"(début {after['start']}) se chevauchent"
            )
        elif before["end"] and (after["start"] - before["end"]).days > GAP_DAYS:
            days = (after["start"] - before["end"]).days
            warn(f"{days} jours sans phase entre « {before['_name']} » et « {after['_name']} »")
    last = ordered[-1]
    if last["end"]:
        warn(f"la dernière phase « {last['_name']} » a une date de fin ({last['end']})")
    for position, row in enumerate(ordered):
        del row["_name"]
        row["sort_order"] = position
    return ordered


def event_rows(raw):
    """Validated events in the fiche's order; an event without a readable date rejects the fiche."""
    if raw in (None, "", []):
        return []
    if not isinstance(raw, list):
        raise RecordError("« events » doit être une liste d'événements {name, date, comment}")
    rows = []
    for position, item in enumerate(raw):
        if not isinstance(item, dict):
            raise RecordError(f"événement n° {position + 1} illisible : « {item} »")
        name = str(item.get("name") or "other").strip()
        date = parse_date(item.get("date"), f"l'événement « {name} »")
        if date is None:
            raise RecordError(f"date manquante pour l'événement « {name} »")
        comment = item.get("comment")
        rows.append(
            {
                "name": name[:60],
                "date": date,
                "comment": "" if comment is None else str(comment).strip(),
                "sort_order": position,
            }
        )
    return rows


def term(model, cache, value, warn, name=None, **defaults):
    """The term for `value` from `cache` (slug → term), created the first time a fiche names it."""
    slug = slug_for(value)
    if not slug:
        warn(f"valeur sans lettres ni chiffres ignorée : « {value} »")
        return None
    found = cache.get(slug)
    if found is None:
        found = model.objects.create(slug=slug, name=(name or value)[:120], **defaults)
        cache[slug] = found
    return found


def audience(cache, value, warn):
    """A target public: one of beta.gouv.fr's list with its label, or any other kept as written."""
    if value in STANDARD_AUDIENCES:
        label = STANDARD_AUDIENCES[value]
        return term(Audience, cache, value, warn, name=label, is_standard=True)
    warn(f"public cible hors de la liste beta.gouv.fr, conservé tel quel : « {value} »")
    return term(Audience, cache, value, warn)
