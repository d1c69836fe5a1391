"""Import of the beta.gouv.fr content folders: phases, organisations, incubators, teams,
startups, then members and their missions, in that order so that references resolve.

Every fiche is keyed by its file name and imported in its own transaction through the shared
`core.importing` machinery. References (phases, organisations, incubators, startups, terms) are
loaded once per run into dictionaries, so a run costs a few queries per fiche that changed and
almost none per fiche that did not.
"""

from pathlib import Path

from django.utils import timezone

from community.members.models import Member, Mission
from core.importing import (
    ImportRun,
    RecordError,
    deferred_indexing,
    markdown_to_richtext,
    read_text,
    split_front_matter,
    upsert_model,
    upsert_page,
)
from core.pages import get_or_create_child
from core.taxonomy.models import Phase, Thematique

from ..models import (
    Audience,
    IncubatorIndexPage,
    IncubatorPage,
    Organisation,
    StartupIndexPage,
    StartupPage,
    Team,
)
from ..models.startups import ACCESSIBILITY_CHOICES, refresh_current_phases
from .body import body_warnings, markdown_sections
from .cleaning import (
    Cleaner,
    file_name_warnings,
    identifier_of,
    json_safe,
    mask_emails,
    parse_date,
    reference,
    slug_for,
)

FOLDERS = ("phases", "organisations", "incubators", "teams", "startups", "authors")
STANDARD_AUDIENCES = {
    "etat": "État",
    "particulier": "Particuliers",
    "collectivite-territoriale": "Collectivités territoriales",
    "entreprise": "Entreprises",
    "association": "Associations",
    "etablissement-scolaire": "Établissements scolaires",
    "parlement": "Parlement",
}
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
    "stats_url",
    "contact",
    "accessibility_status",
}
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
BATCH = 50  # records per commit (each still in its own savepoint)
GAP_DAYS = 31  # a gap shorter than a month between two phases is ordinary, not worth a warning


def fiche_files(directory: Path, folder: str) -> list[Path]:
    """Every fiche of a folder, `.md` or not (two organisations have no extension), by name.

    A `.md` entry that is not a regular file (a directory, a broken or looping link) is listed too,
    so that it is rejected with its reason instead of silently skipped.
    """
    path = directory / folder
    if not path.is_dir():
        return []
    return sorted(
        p
        for p in path.iterdir()
        if not p.name.startswith(".") and (p.is_file() or p.suffix == ".md" or not p.exists())
    )


def read_fiche(path: Path) -> tuple[dict, str]:
    return split_front_matter(read_text(path))


class BetagouvImporter:
    """One import run over a directory laid out like beta.gouv.fr's `content/` folder.

    `parent` is the page the Startups and Incubateurs sections hang under (the site's home page);
    a section missing there is created the first time.
    """

    def __init__(self, directory, parent, *, publish=False, dry_run=False, progress_stream=None, today=None):
        self.directory = Path(directory)
        self.parent = parent
        self.publish = publish
        self.dry_run = dry_run
        self.progress_stream = progress_stream
        self.today = today or timezone.localdate()

    # ----------------------------------------------------------------- the run

    def run(self):
        if not self.directory.is_dir():
            raise RecordError(f"dossier introuvable : {self.directory}")
        if not any((self.directory / folder).is_dir() for folder in FOLDERS):
            raise RecordError(
                f"{self.directory} ne contient aucun des dossiers attendus ({', '.join(FOLDERS)})"
            )
        with (
            ImportRun(dry_run=self.dry_run, progress_stream=self.progress_stream, batch_size=BATCH) as run,
            deferred_indexing(),
        ):
            self.startup_index = self._section(StartupIndexPage, "startups", "Startups")
            self.incubator_index = self._section(IncubatorIndexPage, "incubateurs", "Incubateurs")
            self._load_caches()
            steps = [
                ("phases", self.import_phase, "Phases"),
                ("organisations", self.import_organisation, "Organisations"),
                ("incubators", self.import_incubator, "Incubateurs"),
                ("teams", self.import_team, "Équipes"),
                ("startups", self.import_startup, "Startups"),
                ("authors", self.import_member, "Membres"),
            ]
            for folder, handler, label in steps:
                files = fiche_files(self.directory, folder)
                if folder == "startups":
                    self._prefetch_pages(StartupPage, files, folder, "startups")
                elif folder == "incubators":
                    self._prefetch_pages(IncubatorPage, files, folder, "incubators")
                elif folder == "authors":
                    self._prefetch_members(files)
                run.run(((f"{folder}/{p.name}", p) for p in files), handler, label=label)
                if folder == "startups":
                    refresh_current_phases(self.today)
        return run.report

    def _section(self, model, slug, title):
        """The section page that holds imported pages, created (and published) the first time."""
        page = model.objects.first()
        if page is None:
            page, _ = get_or_create_child(self.parent, model, slug, title=title, show_in_menus=True)
        return page

    def _load_caches(self):
        self.phases = {phase.slug: phase for phase in Phase.objects.all()}
        self.organisations = {org.slug: org for org in Organisation.objects.all()}
        incubators = IncubatorPage.objects.exclude(betagouv_id="").defer_streamfields()
        self.incubators = {page.betagouv_id: page for page in incubators}
        self.thematiques = {term.slug: term for term in Thematique.objects.all()}
        self.audiences = {term.slug: term for term in Audience.objects.all()}
        self.teams = {team.slug: team for team in Team.objects.all()}
        self.startup_ids = dict(StartupPage.objects.exclude(betagouv_id="").values_list("betagouv_id", "pk"))
        self.existing = {}
        self.sibling_slugs = {}

    def _prefetch_pages(self, model, files, folder, kind):
        keys = [f"{folder}/{p.name}" for p in files]
        pages = model.objects.filter(source_key__in=keys).defer_streamfields()
        self.existing[kind] = {page.source_key: page for page in pages}
        parent = self.startup_index if model is StartupPage else self.incubator_index
        self.sibling_slugs[parent.pk] = set(parent.get_children().values_list("slug", flat=True))

    def _prefetch_members(self, files):
        slugs = [identifier_of(p) for p in files]
        self.members = {member.slug: member for member in Member.objects.filter(slug__in=slugs)}
        self.missions = {}
        for mission in Mission.objects.filter(member__slug__in=slugs).order_by("sort_order", "pk"):
            self.missions.setdefault(mission.member_id, []).append(mission_row(mission))

    def _unique_slug(self, parent, identifier, existing):
        if existing is not None:
            return existing.slug
        taken = self.sibling_slugs.setdefault(parent.pk, set())
        base = slug_for(identifier) or "fiche"
        slug, n = base, 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        return slug

    # ----------------------------------------------------------------- phases

    def import_phase(self, source, path, warn):
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
        phase, outcome = upsert_model(Phase, {"slug": slug}, fields, existing=self.phases.get(slug))
        self.phases[slug] = phase
        return outcome

    # ----------------------------------------------------------------- organisations

    def import_organisation(self, source, path, warn):
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
        existing = self.organisations.get(slug)
        org, outcome = upsert_model(Organisation, {"slug": slug}, fields, existing=existing)
        self.organisations[slug] = org
        return outcome

    # ----------------------------------------------------------------- incubators

    def import_incubator(self, source, path, warn):
        data, body = read_fiche(path)
        file_name_warnings(path, warn)
        clean = Cleaner(data, warn)
        title = clean.text("title")
        if not title:
            raise RecordError("titre manquant (champ « title »)")
        identifier = identifier_of(path)
        owner = self._organisation(clean.text("owner"), warn, "organisation porteuse")
        body_warnings(body, warn)
        existing = self.existing["incubators"].get(source)
        fields = {
            "title": title[:255],
            "slug": self._unique_slug(self.incubator_index, identifier, existing),
            "betagouv_id": identifier,
            "short_description": markdown_to_richtext(clean.text("short_description")),
            "description": markdown_to_richtext(body.strip()),
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
            IncubatorPage, self.incubator_index, source, fields, publish=self.publish, existing=existing
        )
        self.incubators[identifier] = page
        return outcome

    def _organisation(self, value, warn, what):
        if not value:
            warn(f"aucune {what}")
            return None
        slug = reference(value)
        org = self.organisations.get(slug)
        if org is None:
            warn(f"{what} introuvable : « {slug} »")
        return org

    # ----------------------------------------------------------------- teams

    def import_team(self, source, path, warn):
        data, _ = read_fiche(path)
        clean = Cleaner(data, warn)
        name = clean.text("name")
        if not name:
            raise RecordError("nom manquant (champ « name »)")
        incubator_id = clean.text("incubator")
        incubator = self.incubators.get(incubator_id) if incubator_id else None
        if incubator_id and incubator is None:
            warn(f"incubateur introuvable : « {incubator_id} »")
        slug = identifier_of(path)
        fields = {
            "name": name[:255],
            "mission": markdown_to_richtext(clean.text("mission")),
            "incubator_id": incubator.pk if incubator else None,
            "source_key": source,
        }
        team, outcome = upsert_model(Team, {"slug": slug}, fields, existing=self.teams.get(slug))
        self.teams[slug] = team
        return outcome

    # ----------------------------------------------------------------- startups

    def import_startup(self, source, path, warn):
        data, body = read_fiche(path)
        clean = Cleaner(data, warn)
        title = clean.text("title")
        if not title:
            raise RecordError("titre manquant (champ « title »)")
        if len(title) > 255:
            warn("titre de plus de 255 caractères : tronqué")
            title = title[:255]
        phases = self._phases(data.get("phases"), warn)
        events = self._events(data.get("events"))
        file_name_warnings(path, warn)
        identifier = identifier_of(path)

        incubator_id = clean.text("incubator")
        incubator = self.incubators.get(incubator_id)
        if not incubator_id:
            warn("aucun incubateur")
        elif incubator is None:
            warn(f"incubateur introuvable : « {incubator_id} »")
        if data.get("incubators"):
            warn("plusieurs incubateurs (« incubators ») : le premier champ « incubator » fait foi")
        sponsors = []
        for value in clean.text_list("sponsors"):
            org = self.organisations.get(reference(value))
            if org is None:
                warn(f"sponsor introuvable : « {reference(value)} »")
            elif org not in sponsors:
                sponsors.append(org)
        if "sponsors" not in data:
            warn("aucun sponsor")
        thematiques = [
            self._term(Thematique, self.thematiques, value, warn) for value in clean.text_list("thematiques")
        ]
        audiences = [self._audience(v, warn) for v in clean.text_list("usertypes")]
        accessibility = clean.text("accessibility_status").lower()
        if accessibility and accessibility not in dict(ACCESSIBILITY_CHOICES):
            warn(f"statut d'accessibilité inconnu : « {accessibility} » (conservé)")
        body_warnings(body, warn)
        existing = self.existing["startups"].get(source)
        fields = {
            "title": title,
            "slug": self._unique_slug(self.startup_index, identifier, existing),
            "betagouv_id": identifier,
            "mission": clean.text("mission"),
            "body": markdown_sections(body),
            "incubator_id": incubator.pk if incubator else None,
            "techno": clean.text_list("techno"),
            "site_url": clean.url("link"),
            "repository_url": clean.url("repository"),
            "stats_url": clean.url("stats_url"),
            "contact": clean.contact()[:300],
            "accessibility_status": accessibility[:40],
            "extra": json_safe({k: v for k, v in data.items() if k not in STARTUP_FIELDS}),
        }
        clean.report_empty()
        page, outcome = upsert_page(
            StartupPage,
            self.startup_index,
            source,
            fields,
            publish=self.publish,
            relations={
                "sponsors": sponsors,
                "thematiques": [t for t in thematiques if t is not None],
                "audiences": [a for a in audiences if a is not None],
            },
            children={"phases": phases, "events": events},
            existing=existing,
        )
        self.startup_ids[identifier] = page.pk
        return outcome

    def _phases(self, raw, warn):
        """Validated phases in date order, with a warning for each oddity of the real data."""
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
            if name not in self.phases:
                known = ", ".join(sorted(self.phases)) or "aucune"
                raise RecordError(f"phase inconnue : « {raw_name} » (phases connues : {known})")
            if name != raw_name:
                warn(f"nom de phase « {raw_name} » lu comme « {name} »")
            start = parse_date(item.get("start"), f"le début de la phase « {name} »")
            if start is None:
                raise RecordError(f"date de début manquante pour la phase « {name} »")
            end = parse_date(item.get("end"), f"la fin de la phase « {name} »")
            comment = item.get("comment")
            rows.append(
                {
                    "phase_id": self.phases[name].pk,
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
            if row["start"] > self.today:
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

    def _events(self, raw):
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

    def _term(self, model, cache, value, warn, name=None, **defaults):
        slug = slug_for(value)
        if not slug:
            warn(f"valeur sans lettres ni chiffres ignorée : « {value} »")
            return None
        term = cache.get(slug)
        if term is None:
            term = model.objects.create(slug=slug, name=(name or value)[:120], **defaults)
            cache[slug] = term
        return term

    def _audience(self, value, warn):
        if value in STANDARD_AUDIENCES:
            label = STANDARD_AUDIENCES[value]
            return self._term(Audience, self.audiences, value, warn, name=label, is_standard=True)
        warn(f"public cible hors de la liste beta.gouv.fr, conservé tel quel : « {value} »")
        return self._term(Audience, self.audiences, value, warn)

    # ----------------------------------------------------------------- members

    def import_member(self, source, path, warn):
        data, body = read_fiche(path)
        clean = Cleaner(data, warn)
        full_name = clean.text("fullname")
        if not full_name:
            raise RecordError("nom manquant (champ « fullname »)")
        for key in [k for k in data if "mail" in k.lower() or k.lower() in {"phone", "tel", "avatar"}]:
            warn(f"donnée personnelle non importée : champ « {key} »")
        bio, masked = mask_emails(body.strip())
        if masked:
            warn(f"{masked} adresse(s) électronique(s) masquée(s) dans la présentation")
        rows = self._missions(data.get("missions"), warn)
        slug = identifier_of(path)
        fields = {
            "full_name": full_name[:200],
            "bio": bio,
            "job_title": clean.text("role")[:200],
            "domaine": clean.text("domaine")[:100],
            "competences": clean.text_list("competences"),
            "link": clean.url("link"),
            "github": clean.text("github")[:200],
            "member_type": clean.text("memberType")[:60],
            "source": source,
        }
        member, outcome = upsert_model(Member, {"slug": slug}, fields, existing=self.members.get(slug))
        if self.missions.get(member.pk, []) != rows:
            Mission.objects.filter(member=member).delete()
            Mission.objects.bulk_create(
                Mission(member=member, sort_order=position, **dict(zip(MISSION_FIELDS, row, strict=True)))
                for position, row in enumerate(rows)
            )
            self.missions[member.pk] = rows
            if outcome == "unchanged":
                outcome = "updated"
        self.members[slug] = member
        return outcome

    def _missions(self, raw, warn):
        if raw in (None, "", []):
            return []
        if not isinstance(raw, list):
            raise RecordError("« missions » doit être une liste")
        rows = []
        for position, item in enumerate(raw, start=1):
            if not isinstance(item, dict):
                raise RecordError(f"mission n° {position} illisible")
            start = parse_date(item.get("start"), f"le début de la mission n° {position}")
            end = parse_date(item.get("end"), f"la fin de la mission n° {position}")
            status = str(item.get("status") or "").strip()
            employer = str(item.get("employer") or "").strip()
            startups = item.get("startups") or [None]
            if not isinstance(startups, list):
                startups = [startups]
            for ref in startups:
                ref = reference(ref) if ref else ""
                startup_id = self.startup_ids.get(ref) if ref else None
                if ref and startup_id is None:
                    warn(f"mission n° {position} : startup introuvable « {ref} » (référence conservée)")
                rows.append((startup_id, ref[:200], start, end, status[:40], employer[:200]))
        return rows


MISSION_FIELDS = ("startup_id", "startup_ref", "start", "end", "status", "employer")


def mission_row(mission):
    return tuple(getattr(mission, name) for name in MISSION_FIELDS)


def import_betagouv(directory, parent, **options):
    """Import a beta.gouv.fr `content/`-like directory under `parent`; returns the `ImportReport`."""
    return BetagouvImporter(directory, parent, **options).run()
