"""The records of beta.gouv.fr's API v2.7, built from our pages: same names, order and empty values.

beta.gouv.fr renders its API with Jekyll templates, and a consumer's parser expects what they write:
a missing text is `""` (Liquid prints nil as an empty string), a missing phase end is `"end": ""`,
a few keys appear only when the fiche has them (`link`, `repository`, `budget_url`…, `bio`,
`github`, `competences`), and the CSV writes `null` for a missing URL. Each builder below follows its
template line by line; what differs on purpose:

- only live, public startups and incubators (never a draft, an unpublished or restricted page);
- `contact` is a web address or `""`: an e-mail address is often a named person's, and the site
  never publishes one (`StartupPage.public_contact`);
- authors are the members imported from beta.gouv.fr's public fiches (someone who signed up here
  did not agree to be listed in bulk), with public fields only: never an e-mail address;
- a mission names only startups that are published here.
"""

import datetime
import html
import json
import re

from django.db.models import Prefetch, TextField
from django.db.models.functions import Cast

from ..models import IncubatorPage, Organisation, StartupEvent, StartupPage, StartupPhase
from ..models.startups import web_address_only

TAG = re.compile(r"<[^>]*>")
# What `urllib.parse.quote(text)` writes, as a table over the UTF-8 bytes: quote() encodes byte by
# byte in Python, which was half of startups.json's time; str.translate does the same in C.
URL_SAFE = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~/"
PERCENT_ENCODED = {byte: chr(byte) if byte in URL_SAFE else f"%{byte:02X}" for byte in range(256)}


def url_encoded(text: str) -> str:
    """`quote(text)`: UTF-8, every byte but letters, digits, `_.-~` and `/` written as %XX."""
    return text.encode("utf-8").decode("latin-1").translate(PERCENT_ENCODED)


def _text(value) -> str:
    return "" if value is None else str(value)


def _date(value) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else ""


def live_public_startups():
    """Live startups anonymous visitors may read (never a draft, an unpublished or restricted page)."""
    return StartupPage.objects.live().public().order_by("slug")


def public_startups():
    """`live_public_startups` as pages, with what the records need in a few queries."""
    return (
        live_public_startups()
        .defer_streamfields()
        .select_related("incubator", "current_phase")
        .prefetch_related(
            Prefetch(
                "phases",
                queryset=StartupPhase.objects.select_related("phase").order_by("start", "sort_order"),
            ),
            "events",
            "sponsors",
            "thematiques",
        )
    )


def public_incubators():
    return IncubatorPage.objects.live().public().select_related("owner_organisation").order_by("slug")


def startup_id(page) -> str:
    return page.betagouv_id or page.slug


def incubator_id(page) -> str:
    return page.betagouv_id or page.slug if page is not None else ""


def incubators_of(main: str, extra, public_incubator_ids) -> tuple[str, list[str]]:
    """The startup's incubator (`main`, its identifier) and all its incubators (co-incubation: the
    fiche's `incubators`, kept in `extra`), published ones only; `""` and `[]` when there is none."""
    main = main if main in public_incubator_ids else ""
    listed = extra.get("incubators") if isinstance(extra, dict) else None
    if isinstance(listed, list) and listed:
        return main, [str(item).strip() for item in listed if str(item).strip() in public_incubator_ids]
    return main, [main] if main else []


def phases_of(page) -> list[dict]:
    return [
        {"name": phase.phase.slug, "start": _date(phase.start), "end": _date(phase.end)}
        for phase in page.phases.all()
    ]


def markdown_of(blocks) -> str:
    """The presentation back as Markdown (headings and plain paragraphs), URL-encoded as upstream.

    `blocks` is the body's raw JSON (a list of {"type", "value"}).
    """
    parts = []
    for block in blocks or []:
        value = block.get("value")
        if block.get("type") == "heading" and isinstance(value, dict):
            parts.append(f"## {value.get('text', '')}")
        elif isinstance(value, str):
            # The editor's own rich text: a regular expression is enough, and 20 times faster
            # than Django's strip_tags (an HTML parser) over a thousand pages.
            parts.append(html.unescape(TAG.sub("", value)).strip())
    return url_encoded("\n\n".join(part for part in parts if part))


def _extra(extra, key) -> str:
    value = extra.get(key) if isinstance(extra, dict) else None
    return _text(value).strip() if value not in (None, False) else ""


# startups.json is built from plain rows (`.values()`), not page instances: building 1,500 Wagtail
# pages with their prefetched relations cost most of the response time at 10× (bench/api.py).
STARTUP_COLUMNS = (
    "pk",
    "slug",
    "betagouv_id",
    "title",
    "mission",
    "stats_url",
    "site_url",
    "repository_url",
    "contact",
    "accessibility_status",
    "extra",
    "techno",
    "incubator_id",
)


def _by_startup(rows) -> dict[int, list]:
    """(startup pk, value…) rows grouped by startup, in the rows' order."""
    grouped = {}
    for pk, *values in rows:
        grouped.setdefault(pk, []).append(values)
    return grouped


def startup_rows():
    """Live public startups as dicts, with their phases, events, sponsors and thematiques, in 6 queries."""
    startups = live_public_startups().values(*STARTUP_COLUMNS, body_json=Cast("body", TextField()))
    public = live_public_startups().values("pk")
    phases = _by_startup(
        StartupPhase.objects.filter(page__in=public)
        .order_by("start", "sort_order")
        .values_list("page_id", "phase__slug", "start", "end")
    )
    events = _by_startup(
        StartupEvent.objects.filter(page__in=public)
        .order_by("sort_order")
        .values_list("page_id", "name", "date", "comment")
    )
    sponsors = _by_startup(
        StartupPage.sponsors.through.objects.filter(startuppage__in=public)
        .order_by("organisation__name", "organisation_id")
        .values_list("startuppage_id", "organisation__slug")
    )
    thematiques = _by_startup(
        StartupPage.thematiques.through.objects.filter(startuppage__in=public)
        .order_by("thematique__order", "thematique__name", "thematique_id")
        .values_list("startuppage_id", "thematique__name")
    )
    for row in startups:
        pk = row["pk"]
        row["phases"] = [
            {"name": slug, "start": _date(start), "end": _date(end)}
            for slug, start, end in phases.get(pk, [])
        ]
        row["events"] = events.get(pk, [])
        row["sponsors"] = [slug for (slug,) in sponsors.get(pk, [])]
        row["thematiques"] = [name for (name,) in thematiques.get(pk, [])]
        yield row


def startup_resource(row, incubator_ids, public_ids) -> dict:
    """One item of `startups.json`'s `data` (template `v2.7-startups.json.liquid`), from `startup_rows`."""
    extra, site_url = row["extra"], row["site_url"]
    attributes = {"name": row["title"], "pitch": row["mission"]}
    if row["stats_url"]:
        attributes["stats_url"] = row["stats_url"]
    else:  # upstream derives it from the link when the fiche says `stats: true`
        attributes["stats_url"] = f"{site_url.strip()}/stats" if _extra(extra, "stats") else ""
    if _extra(extra, "budget_url"):
        attributes["budget_url"] = _extra(extra, "budget_url")
    if site_url:
        attributes["impact_url"] = _extra(extra, "impact_url")
        attributes["link"] = site_url
    if row["repository_url"]:
        attributes["repository"] = row["repository_url"]
    attributes["contact"] = web_address_only(row["contact"])
    attributes["content_url_encoded_markdown"] = markdown_of(json.loads(row["body_json"] or "[]"))
    attributes["events"] = [
        {"name": name, "date": _date(date), "comment": comment.replace("\n", "")}
        for name, date, comment in row["events"]
    ]
    attributes["phases"] = row["phases"]
    attributes["sponsors"] = row["sponsors"]
    attributes["thematiques"] = row["thematiques"]
    attributes["technos"] = [str(item) for item in row["techno"] or []]
    for key in ("analyse_risques", "analyse_risques_url", "dashlord_url"):
        if _extra(extra, key):
            attributes[key] = _extra(extra, key)
    if row["accessibility_status"]:
        attributes["accessibility_status"] = row["accessibility_status"]
    main, incubators = incubators_of(incubator_ids.get(row["incubator_id"], ""), extra, public_ids)
    return {
        "id": row["betagouv_id"] or row["slug"],
        "type": "startup",
        "attributes": attributes,
        "relationships": {
            "incubator": {"data": {"type": "incubator", "id": main}},
            "incubators": {"data": [{"type": "incubator", "id": ident} for ident in incubators]},
        },
    }


def _owner(incubator) -> str:
    owner = incubator.owner_organisation
    return f"/organisations/{owner.slug}" if owner is not None else ""


def startups_document(directory_url: str) -> dict:
    """`startups.json`: JSON:API startups, their incubators `included` once."""
    incubators = list(public_incubators())
    public_ids = {incubator_id(page) for page in incubators}
    incubator_ids = {
        pk: ident or slug
        for pk, ident, slug in IncubatorPage.objects.values_list("pk", "betagouv_id", "slug")
    }
    return {
        "links": {"self": directory_url},
        "data": [startup_resource(row, incubator_ids, public_ids) for row in startup_rows()],
        "included": [
            {
                "id": incubator_id(page),
                "type": "incubator",
                "attributes": {
                    "title": page.title,
                    "owner": _owner(page),
                    "website": page.website,
                    "github": page.github,
                    "contact": page.public_contact,
                },
            }
            for page in incubators
        ],
    }


def incubators_document() -> dict:
    """`incubators.json`: each incubator by identifier, with its public startups."""
    by_incubator = {}
    for page in public_startups():
        by_incubator.setdefault(page.incubator_id, []).append(page)
    return {
        incubator_id(page): {
            "title": page.title,
            "owner": _owner(page),
            "contact": page.public_contact,
            "address": page.address,
            "website": page.website,
            "github": page.github,
            "startups": [
                {
                    "id": startup_id(startup),
                    "name": startup.title,
                    "pitch": startup.mission,
                    "repository": startup.repository_url or None,
                    "contact": startup.public_contact,
                    "phases": phases_of(startup),
                }
                for startup in by_incubator.get(page.pk, [])
            ],
        }
        for page in public_incubators()
    }


def _organisation_fields(organisation) -> dict:
    return {
        "name": organisation.name,
        "acronym": organisation.acronym.strip(),
        "domaine_ministeriel": organisation.domaine_ministeriel,
        "type": organisation.type.strip(),
    }


def organisations_document() -> list[dict]:
    """`organisations.json` (template `v2.7-organisations.json.liquid`)."""
    return [
        {"id": organisation.slug, **_organisation_fields(organisation)}
        for organisation in Organisation.objects.order_by("slug")
    ]


def sponsors_document() -> dict:
    """`sponsors.json`: the same organisations, by identifier."""
    return {
        organisation.slug: _organisation_fields(organisation)
        for organisation in Organisation.objects.order_by("slug")
    }
