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
import re
from urllib.parse import quote

from django.db.models import Prefetch

from ..models import IncubatorPage, Organisation, StartupPage, StartupPhase

TAG = re.compile(r"<[^>]*>")


def _text(value) -> str:
    return "" if value is None else str(value)


def _date(value) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else ""


def public_startups(with_body=False):
    """Live startups anonymous visitors may read, with what the records need in a few queries."""
    pages = StartupPage.objects.all() if with_body else StartupPage.objects.defer_streamfields()
    return (
        pages.live()
        .public()
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
        .order_by("slug")
    )


def public_incubators():
    return IncubatorPage.objects.live().public().select_related("owner_organisation").order_by("slug")


def startup_id(page) -> str:
    return page.betagouv_id or page.slug


def incubator_id(page) -> str:
    return page.betagouv_id or page.slug if page is not None else ""


def incubators_of(page, public_incubator_ids) -> tuple[str, list[str]]:
    """The startup's incubator and all its incubators (co-incubation: the fiche's `incubators`),
    published ones only; `""` and `[]` when there is none."""
    main = incubator_id(page.incubator)
    main = main if main in public_incubator_ids else ""
    listed = page.extra.get("incubators") if isinstance(page.extra, dict) else None
    if isinstance(listed, list) and listed:
        return main, [str(item).strip() for item in listed if str(item).strip() in public_incubator_ids]
    return main, [main] if main else []


def phases_of(page) -> list[dict]:
    return [
        {"name": phase.phase.slug, "start": _date(phase.start), "end": _date(phase.end)}
        for phase in page.phases.all()
    ]


def markdown_of(page) -> str:
    """The presentation back as Markdown (headings and plain paragraphs), URL-encoded as upstream."""
    parts = []
    for block in page.body.raw_data:
        value = block.get("value")
        if block.get("type") == "heading" and isinstance(value, dict):
            parts.append(f"## {value.get('text', '')}")
        elif isinstance(value, str):
            # The editor's own rich text: a regular expression is enough, and 20 times faster
            # than Django's strip_tags (an HTML parser) over a thousand pages.
            parts.append(html.unescape(TAG.sub("", value)).strip())
    return quote("\n\n".join(part for part in parts if part))


def _extra(page, key) -> str:
    value = page.extra.get(key) if isinstance(page.extra, dict) else None
    return _text(value).strip() if value not in (None, False) else ""


def startup_resource(page, public_incubator_ids) -> dict:
    """One item of `startups.json`'s `data` (template `v2.7-startups.json.liquid`)."""
    attributes = {"name": page.title, "pitch": page.mission}
    if page.stats_url:
        attributes["stats_url"] = page.stats_url
    else:  # upstream derives it from the link when the fiche says `stats: true`
        attributes["stats_url"] = f"{page.site_url.strip()}/stats" if _extra(page, "stats") else ""
    if _extra(page, "budget_url"):
        attributes["budget_url"] = _extra(page, "budget_url")
    if page.site_url:
        attributes["impact_url"] = _extra(page, "impact_url")
        attributes["link"] = page.site_url
    if page.repository_url:
        attributes["repository"] = page.repository_url
    attributes["contact"] = page.public_contact
    attributes["content_url_encoded_markdown"] = markdown_of(page)
    attributes["events"] = [
        {"name": event.name, "date": _date(event.date), "comment": event.comment.replace("\n", "")}
        for event in page.events.all()
    ]
    attributes["phases"] = phases_of(page)
    attributes["sponsors"] = [sponsor.slug for sponsor in page.sponsors.all()]
    attributes["thematiques"] = [thematique.name for thematique in page.thematiques.all()]
    attributes["technos"] = [str(item) for item in page.techno or []]
    for key in ("analyse_risques", "analyse_risques_url", "dashlord_url"):
        if _extra(page, key):
            attributes[key] = _extra(page, key)
    if page.accessibility_status:
        attributes["accessibility_status"] = page.accessibility_status
    main, incubators = incubators_of(page, public_incubator_ids)
    return {
        "id": startup_id(page),
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
    return {
        "links": {"self": directory_url},
        "data": [startup_resource(page, public_ids) for page in public_startups(with_body=True)],
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
