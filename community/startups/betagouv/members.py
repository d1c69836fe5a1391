"""The member fiches (authors): a public profile without personal data, and its missions."""

from django.conf import settings

from community.members.models import Member, Mission
from core.importing import RecordError, upsert_model

from ..models.incubators import Team
from .cleaning import Cleaner, identifier_of, mask_emails, parse_date, reference
from .fiches import read_fiche

# A mission is compared and stored as a tuple of these fields, in this order.
MISSION_FIELDS = ("startup_id", "startup_ref", "start", "end", "status", "employer")


def mission_row(mission):
    """A stored mission as the tuple a fiche's mission is compared with."""
    return tuple(getattr(mission, name) for name in MISSION_FIELDS)


def prefetch_members(importer, records):
    """The members these fiches may update and their missions, in two queries for the folder."""
    slugs = [identifier_of(path) for _, path in records]
    importer.members = {member.slug: member for member in Member.objects.filter(slug__in=slugs)}
    importer.missions = {}
    # Only the import's own missions: those a member declared on the site are not the fiche's.
    imported = Mission.objects.filter(member__slug__in=slugs, imported=True)
    for mission in imported.order_by("sort_order", "pk"):
        importer.missions.setdefault(mission.member_id, []).append(mission_row(mission))
    importer.member_teams = {}
    for row in Team.members.through.objects.filter(member__slug__in=slugs).values("member_id", "team_id"):
        importer.member_teams.setdefault(row["member_id"], set()).add(row["team_id"])


def import_member(importer, source, path, warn):
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
    rows = mission_rows(data.get("missions"), warn, importer.startup_ids)
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
    existing = importer.members.get(slug)
    if settings.FABRIQUE_MEMBER_SITE_OWNS_FICHES and existing is not None and existing.user_id:
        # The site is the source of truth: a claimed profile keeps what its person wrote here.
        fields = {"source": source}
    member, outcome = upsert_model(Member, {"slug": slug}, fields, existing=existing)
    # Missions have no natural key: when they differ they are replaced as a whole, and the
    # member counts as updated even if its own fields did not change.
    if importer.missions.get(member.pk, []) != rows:
        Mission.objects.filter(member=member, imported=True).delete()
        Mission.objects.bulk_create(
            Mission(
                member=member,
                sort_order=position,
                imported=True,
                **dict(zip(MISSION_FIELDS, row, strict=True)),
            )
            for position, row in enumerate(rows)
        )
        importer.missions[member.pk] = rows
        if outcome == "unchanged":
            outcome = "updated"
    teams = set()
    for ref in clean.text_list("teams"):
        team = importer.teams.get(reference(ref))
        if team is None:
            warn(f"équipe introuvable : « {reference(ref)} »")
        else:
            teams.add(team.pk)
    if importer.member_teams.get(member.pk, set()) != teams:
        member.incubator_teams.set(teams)
        importer.member_teams[member.pk] = teams
        if outcome == "unchanged":
            outcome = "updated"
    importer.members[slug] = member
    return outcome


def mission_rows(raw, warn, startup_ids):
    """Missions as `MISSION_FIELDS` tuples, one per startup; `startup_ids` maps betagouv ids to pages."""
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
            startup_id = startup_ids.get(ref) if ref else None
            if ref and startup_id is None:
                warn(f"mission n° {position} : startup introuvable « {ref} » (référence conservée)")
            rows.append((startup_id, ref[:200], start, end, status[:40], employer[:200]))
    return rows
