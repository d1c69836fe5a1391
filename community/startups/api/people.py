"""`authors.json` and `startups_details.json`: the people of beta.gouv.fr's API v2.7, public fields only.

Authors are the members imported from beta.gouv.fr's public fiches (`Member.source` set): someone
who signed up on this site did not agree to be listed in a bulk export. No e-mail address is ever
written: the members app keeps none in these fields, and the biography is masked once more.

A member's `startups` are those of their current missions, `previously` those of missions that
ended; for a startup, `active_members` have a current mission on it, `previous_members` ended
theirs and went on elsewhere, `expired_members` ended theirs and have no later mission (the
contract ran out: upstream's « mission expirée »).
"""

from django.utils import timezone

from community.members.models import Member, Mission

from ..betagouv.cleaning import mask_emails
from .records import phases_of, public_startups, startup_id


def _current(mission, today) -> bool:
    return mission.end is None or mission.end >= today


def _iso(value) -> str:
    return value.isoformat() if value else ""


def _public_missions(startup_ids_by_pk):
    """Missions of imported members, each with the public startup it names (or None)."""
    missions = (
        Mission.objects.filter(member__source__gt="")
        .select_related("member")
        .order_by("member__slug", "start", "sort_order", "pk")
    )
    for mission in missions:
        mission.public_startup = startup_ids_by_pk.get(mission.startup_id)
        yield mission


def authors_document() -> list[dict]:
    """`authors.json` (template `v2.7-authors.json.liquid`)."""
    today = timezone.localdate()
    startup_ids = dict(public_startups().values_list("pk", "betagouv_id"))
    startup_ids.update(
        {pk: slug for pk, slug in public_startups().values_list("pk", "slug") if not startup_ids.get(pk)}
    )
    missions_of = {}
    for mission in _public_missions(startup_ids):
        missions_of.setdefault(mission.member_id, []).append(mission)
    authors = []
    for member in Member.objects.filter(source__gt="").order_by("slug"):
        missions = missions_of.get(member.pk, [])
        author = {
            "id": member.slug,
            "fullname": member.full_name,
            "role": member.job_title,
            "domaine": member.domaine,
            "link": member.link,
        }
        if member.bio:
            author["bio"] = mask_emails(member.bio.strip())[0]
        if member.github:
            author["github"] = member.github
        author["missions"] = []
        for mission in missions:
            row = {
                "start": _iso(mission.start),
                "end": _iso(mission.end),
                "status": mission.status,
                "employer": mission.employer,
            }
            if mission.public_startup:
                row["startups"] = [mission.public_startup]
            author["missions"].append(row)
        if member.competences:
            author["competences"] = [str(item) for item in member.competences]
        current = [m.public_startup for m in missions if m.public_startup and _current(m, today)]
        past = [m.public_startup for m in missions if m.public_startup and not _current(m, today)]
        if current:
            author["startups"] = list(dict.fromkeys(current))
        past = [ident for ident in dict.fromkeys(past) if ident not in current]
        if past:
            author["previously"] = past
        authors.append(author)
    return authors


def startups_details_document() -> dict:
    """`startups_details.json`: each public startup by identifier, with its members by status."""
    today = timezone.localdate()
    startups = list(public_startups())
    latest_end = {}
    by_startup = {}
    for mission in Mission.objects.filter(member__source__gt="").select_related("member"):
        member = mission.member.slug
        end = today if _current(mission, today) else mission.end
        latest_end[member] = max(latest_end.get(member, end), end)
        if mission.startup_id:
            by_startup.setdefault(mission.startup_id, []).append((member, mission, end))
    details = {}
    for page in startups:
        active, previous, expired = [], [], []
        for member, mission, end in by_startup.get(page.pk, []):
            if _current(mission, today):
                active.append(member)
            elif latest_end[member] > end:
                previous.append(member)
            else:
                expired.append(member)
        active = sorted(set(active))
        details[startup_id(page)] = {
            "id": startup_id(page),
            "name": page.title,
            "repository": page.repository_url,
            "contact": page.public_contact,
            "phases": phases_of(page),
            "active_members": active,
            "previous_members": sorted(set(previous) - set(active)),
            "expired_members": sorted(set(expired) - set(active) - set(previous)),
        }
    return details
