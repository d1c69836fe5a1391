"""The beta.gouv.fr-compatible API (/api/betagouv/v2.7/): upstream's schemas, shapes and empty values.

Every response is validated against beta.gouv.fr's own OpenAPI file (read in place from the shared
fixtures) and against the one we serve. Upstream's description closes a few lists of values that
its own fiches no longer respect (phase `abandon`, event `committee`, type
`collectivite-territoriale`…): those lists, named in `STALE_UPSTREAM_ENUMS`, are the only rule
left out of the check against it.
"""

import copy
import csv
import io
import json
import re
from urllib.parse import quote

from django.core.management import call_command

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from community.members.models import Member, Mission
from community.startups.api import records, views
from community.startups.models import StartupPage
from tests import SHARED_FIXTURES_DIR
from tests.community.startups.factories import incubator, startup
from tests.core.taxonomy.factories import PhaseFactory

pytestmark = pytest.mark.django_db

BASE = "/api/betagouv/v2.7/"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
STALE_UPSTREAM_ENUMS = {
    ("Author", "domaine"),
    ("Mission", "status"),
    ("Phase", "name"),
    ("Event", "name"),
    ("Organisation", "domaine_ministeriel"),
    ("Organisation", "type"),
}
JSON_ENDPOINTS = [
    "authors.json",
    "incubators.json",
    "organisations.json",
    "sponsors.json",
    "startups.json",
    "startups_details.json",
]


def _nullable_to_json_schema(node):
    """OpenAPI 3.0's `nullable: true` is JSON Schema's `type: [t, "null"]`."""
    if isinstance(node, dict):
        if node.pop("nullable", False) and "type" in node:
            node["type"] = [node["type"], "null"]
        for value in node.values():
            _nullable_to_json_schema(value)
    elif isinstance(node, list):
        for value in node:
            _nullable_to_json_schema(value)
    return node


def validators(openapi, drop_enums=frozenset()):
    """One validator per path, its `$ref`s resolved against the document's components."""
    openapi = _nullable_to_json_schema(copy.deepcopy(openapi))
    for schema_name, field in drop_enums:
        openapi["components"]["schemas"][schema_name]["properties"][field].pop("enum")
    found = {}
    for path, item in openapi["paths"].items():
        content = item["get"]["responses"]["200"]["content"]
        if "application/json" in content:
            schema = {**content["application/json"]["schema"], "components": openapi["components"]}
            found[path.lstrip("/")] = Draft7Validator(schema)
    return found


@pytest.fixture(scope="module")
def upstream_validators():
    openapi = json.loads((SHARED_FIXTURES_DIR / "betagouv" / "api" / "swagger.json").read_text())
    return validators(openapi, STALE_UPSTREAM_ENUMS)


def assert_valid(validator, data, name):
    errors = sorted(validator.iter_errors(data), key=lambda error: list(error.absolute_path))
    assert not errors, f"{name}: " + "; ".join(
        f"{list(error.absolute_path)}: {error.message}" for error in errors[:5]
    )


def test_every_endpoint_validates_with_the_real_sample_imported(
    client, home, shared_fixtures, upstream_validators, tmp_path
):
    with open(tmp_path / "sortie.txt", "w") as output:
        call_command("import_betagouv", str(shared_fixtures / "betagouv"), "--publish", stdout=output)
    served = client.get(BASE + "swagger.json")
    assert served.status_code == 200
    ours = validators(served.json())
    assert set(ours) == set(upstream_validators) == set(JSON_ENDPOINTS)
    for name in JSON_ENDPOINTS:
        response = client.get(BASE + name)
        assert response.status_code == 200, name
        assert response["Content-Type"] == "application/json"
        data = response.json()
        assert_valid(upstream_validators[name], data, name)
        assert_valid(ours[name], data, name)
        if name == "authors.json":
            assert not EMAIL.search(response.content.decode()), "an e-mail address in authors.json"
    startups = client.get(BASE + "startups.json").json()
    assert len(startups["data"]) == 157
    uai = next(item for item in startups["data"] if item["id"] == "uai_siret")
    assert uai["relationships"]["incubator"]["data"]["type"] == "incubator"
    included = {item["id"] for item in startups["included"]}
    assert {item["relationships"]["incubator"]["data"]["id"] for item in startups["data"]} <= included | {""}
    assert len(client.get(BASE + "authors.json").json()) == Member.objects.count() == 40
    rows = list(csv.reader(io.StringIO(client.get(BASE + "startups.csv").content.decode()), delimiter=";"))
    assert ";".join(rows[0]) == views.CSV_HEADER
    assert len(rows) == 158 and all(len(row) == 12 for row in rows)


@pytest.fixture
def startups(home):
    construction = PhaseFactory(slug="construction", name="Construction")
    dinum = incubator(home, "dinum", title="DINUM", betagouv_id="dinum", contact="equipe@beta.gouv.fr")
    published = startup(
        home,
        "Aides simples",
        phases=[(construction, "2024-01-01")],
        betagouv_id="aides-simples",
        incubator=dinum,
        contact="une.personne@beta.gouv.fr",
        site_url="https://aides.beta.gouv.fr",
        mission='Un "guichet" unique',
    )
    draft = startup(home, "Brouillon secret", betagouv_id="brouillon-secret", incubator=dinum)
    draft.unpublish()
    member = Member.objects.create(
        slug="ada.lovelace",
        full_name="Ada Lovelace",
        source="authors/ada.md",
        bio="Écrire à ada@example.org.",
    )
    Mission.objects.create(member=member, startup=published, startup_ref="aides-simples", start="2024-01-01")
    Mission.objects.create(
        member=member, startup=draft, startup_ref="brouillon-secret", start="2023-01-01", end="2023-06-30"
    )
    Member.objects.create(slug="inscrite.ici", full_name="Inscrite Ici")
    return {"published": published, "draft": draft}


def test_drafts_never_appear_and_empty_values_follow_upstream(client, startups):
    bodies = {name: client.get(BASE + name).content.decode() for name in [*JSON_ENDPOINTS, "startups.csv"]}
    for name, body in bodies.items():
        assert "brouillon-secret" not in body and "Brouillon secret" not in body, name
        assert "une.personne@" not in body and "equipe@" not in body and "ada@example" not in body, name
    item = json.loads(bodies["startups.json"])["data"][0]
    assert item["id"] == "aides-simples"
    assert item["attributes"]["contact"] == ""
    assert item["attributes"]["stats_url"] == ""
    assert item["attributes"]["phases"] == [{"name": "construction", "start": "2024-01-01", "end": ""}]
    assert (
        "repository" not in item["attributes"] and item["attributes"]["link"] == "https://aides.beta.gouv.fr"
    )
    authors = json.loads(bodies["authors.json"])
    assert [author["id"] for author in authors] == ["ada.lovelace"]
    assert authors[0]["startups"] == ["aides-simples"] and "previously" not in authors[0]
    assert authors[0]["missions"][0] == {
        "start": "2023-01-01",
        "end": "2023-06-30",
        "status": "",
        "employer": "",
    }
    details = json.loads(bodies["startups_details.json"])
    assert details["aides-simples"]["active_members"] == ["ada.lovelace"]
    row = bodies["startups.csv"].splitlines()[1]
    assert (
        row
        == 'aides-simples;"Aides simples";"Un ""guichet"" unique";2024-01-01;construction;dinum;null;https://aides.beta.gouv.fr;null;"";;"dinum"'
    )


def test_endpoints_are_cacheable_and_the_swagger_names_this_site(client, startups):
    response = client.get(BASE + "startups.json")
    assert "max-age=" in response["Cache-Control"] and "public" in response["Cache-Control"]
    assert client.get(BASE + "startups.json")["X-Page-Cache"] == "hit"
    assert client.get(BASE + "startups.csv")["Content-Type"] == "text/csv; charset=utf-8"
    assert client.get(BASE + "swagger.json").json()["servers"] == [
        {"url": "http://testserver/api/betagouv/v2.7"}
    ]
    assert client.post(BASE + "startups.json").status_code == 405


def test_a_startup_unpublished_later_disappears(client, startups):
    assert "aides-simples" in client.get(BASE + "startups.json").content.decode()
    StartupPage.objects.get(betagouv_id="aides-simples").unpublish()
    assert "aides-simples" not in client.get(BASE + "startups.json").content.decode()


@pytest.mark.django_db(databases=[])
@given(st.text())
def test_the_presentation_is_url_encoded_exactly_as_quote_does(text):
    """startups.json encodes `content_url_encoded_markdown` with a translation table (speed):
    the text must be the one `urllib.parse.quote` writes, which upstream's consumers decode."""
    assert records.url_encoded(text) == quote(text)
