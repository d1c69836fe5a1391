"""The beta.gouv.fr-compatible endpoints: JSON (and one CSV) built by `records` and `people`."""

from django.http import HttpResponse, JsonResponse

from core.opendata import open_data_view

from ..models import StartupIndexPage
from . import people, records
from .openapi import openapi_document

CSV_HEADER = "id;name;mission;start;status;incubator;stats;link;repository;accessibility;contact;incubators"


def _json(data):
    # UTF-8 as written, like upstream's files (no \u escapes).
    return JsonResponse(data, safe=False, json_dumps_params={"ensure_ascii": False})


def _site_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@open_data_view
def startups(request):
    directory = StartupIndexPage.objects.live().public().first()
    base = directory.get_full_url(request).rstrip("/") if directory else _site_url(request) + "/startups"
    return _json(records.startups_document(base))


@open_data_view
def startups_details(request):
    return _json(people.startups_details_document())


@open_data_view
def incubators(request):
    return _json(records.incubators_document())


@open_data_view
def organisations(request):
    return _json(records.organisations_document())


@open_data_view
def sponsors(request):
    return _json(records.sponsors_document())


@open_data_view
def authors(request):
    return _json(people.authors_document())


def _quoted(value: str) -> str:
    """A quoted CSV cell as upstream writes it; an inner quote is doubled, a line break becomes a space."""
    return '"' + " ".join(value.split("\n")).replace('"', '""') + '"'


def _or_null(value: str) -> str:
    return value.strip() or "null"


@open_data_view
def startups_csv(request):
    """`startups.csv` (template `v2.7-startups.csv.liquid`): `;`-separated, `null` for a missing URL."""
    lines = [CSV_HEADER]
    public_ids = {records.incubator_id(page) for page in records.public_incubators()}
    for page in records.public_startups():
        phases = records.phases_of(page)
        incubator, incubators = records.incubators_of(
            records.incubator_id(page.incubator), page.extra, public_ids
        )
        cells = [
            records.startup_id(page),
            _quoted(page.title),
            _quoted(page.mission),
            phases[0]["start"] if phases else "",
            phases[-1]["name"] if phases else "",
            incubator,
            _or_null(page.stats_url),
            _or_null(page.site_url),
            _or_null(page.repository_url),
            _quoted(page.accessibility_status),
            page.public_contact,
            _quoted(",".join(incubators)),
        ]
        lines.append(";".join(cells))
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="startups.csv"'
    return response


@open_data_view
def swagger(request):
    return _json(openapi_document(request.build_absolute_uri("/api/betagouv/v2.7").rstrip("/")))
