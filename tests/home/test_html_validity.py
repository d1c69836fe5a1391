"""Every page type passes the W3C Nu HTML checker (vnu.jar) with no error, as served (before scripts run).

One page of each public page type of the demo site, plus a guide imported from the real GitBook
export (two tab sets on one page) and the startups imported from beta.gouv.fr's real fiches, and
the pages that are views rather than Wagtail pages (search, a filtered listing, its « voir plus »,
sign-in, 404). All files go to the checker in one Java call.

The checker is installed by `.ci/run` (`npm ci --prefix .ci/htmlcheck`, Java from Debian's
`default-jre-headless`). Locally, without Java or without `npm ci`, the test is skipped and says
why; in CI (`CI=true`) a missing checker is a failure, not a skip.
"""

import json
import os
import shutil
import subprocess
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

from django.core.management import call_command
from django.test import Client

from wagtail.models import get_page_models

import pytest

from community.members.models import Member
from core.taxonomy.models import Phase, Role
from home.incubator_sites import create_incubator_site
from resources.guides.models import GuidePage
from tests import REPO_ROOT, SHARED_FIXTURES_DIR
from tests.community.members.factories import make_user

VNU_JAR = REPO_ROOT / ".ci" / "htmlcheck" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PROJECT_APPS = ("home", "community", "resources", "core")
INCUBATOR_HOST = "territoires.example.org"
# A real GitBook page with three tab sets (each once numbered from 1: the ids used to collide).
GUIDE_SPACE = SHARED_FIXTURES_DIR / "guides" / "doc.incubateur.net-communaute"
TABBED_GUIDE = (
    "gerer-son-produit/aide-a-la-mise-en-application-des-standards/accessibilite-et-inclusion/"
    "kit-accessibilite/construction.md"
)
# Pages that are views, not page models: (address, expected status).
VIEWS = [
    ("/recherche/?q=startup", 200),
    ("/compte/connexion/", 200),
    # The help router: its list, a confidential situation and a routed one (community/help/demo.py).
    ("/vers-qui-me-tourner/", 200),
    ("/vers-qui-me-tourner/epuisement/", 200),
    ("/vers-qui-me-tourner/preparer-comite/", 200),
    ("/cette-page-n-existe-pas/", 404),
]


def checker() -> list[str]:
    """The command running vnu.jar, or a skip (a failure in CI) saying what is missing."""
    java = shutil.which("java")
    missing = []
    if java is None:
        missing.append("Java (apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        missing.append("vnu.jar (npm ci --prefix .ci/htmlcheck)")
    if missing:
        message = "validateur HTML du W3C absent : " + ", ".join(missing)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " — .ci/run doit l'installer")
        pytest.skip(message)
    return [java, "-Xss4m", "-jar", str(VNU_JAR), "--format", "json", "--stdout"]


def validate(files: list[Path]) -> list[dict]:
    """The checker's errors for all `files`, in one JVM run."""
    done = subprocess.run([*checker(), *map(str, files)], capture_output=True, text=True, timeout=600)
    messages = json.loads(done.stdout)["messages"]
    return [message for message in messages if message["type"] in ("error", "non-document-error")]


def import_tabbed_guide(tmp_path: Path):
    """The space's home page and the page with several tab sets, as a small GitBook export."""
    space = tmp_path / "gitbook"
    (space / TABBED_GUIDE).parent.mkdir(parents=True)
    shutil.copy(GUIDE_SPACE / "README.md", space / "README.md")
    shutil.copy(GUIDE_SPACE / TABBED_GUIDE, space / TABBED_GUIDE)
    (space / ".gitbook").symlink_to(GUIDE_SPACE / ".gitbook")
    (space / "SUMMARY.md").write_text(
        f"# Table of contents\n\n* [Accueil](README.md)\n  * [Construction]({TABBED_GUIDE})\n",
        encoding="utf-8",
    )
    call_command("import_gitbook", str(space), "--publish", stdout=StringIO(), stderr=StringIO())


def one_page_per_type() -> dict[str, str]:
    """The address of one live, public page of each of the project's page types."""
    addresses = {}
    for model in get_page_models():
        if model.__module__.split(".")[0] not in PROJECT_APPS:
            continue
        page = model.objects.live().public().exact_type(model).order_by("pk").first()
        if page is not None:
            addresses[model.__name__] = page.url
    return addresses


@pytest.mark.django_db
def test_every_page_type_passes_the_w3c_checker(client, demo_site, tmp_path, settings):
    command = checker()  # skip before the slow part when the checker is absent
    assert command
    # An incubator's own site (home/incubator_sites.py): its home page is served on its hostname.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, INCUBATOR_HOST]
    create_incubator_site("fabrique-des-territoires", INCUBATOR_HOST)
    import_tabbed_guide(tmp_path)
    call_command(
        "import_betagouv",
        str(SHARED_FIXTURES_DIR / "betagouv"),
        "--publish",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    pages = one_page_per_type()
    every_type = {
        model.__name__ for model in get_page_models() if model.__module__.split(".")[0] in PROJECT_APPS
    }
    assert set(pages) == every_type, f"aucune page publiée de ces types : {every_type - set(pages)}"
    guide = GuidePage.objects.live().get(source_key__endswith=TABBED_GUIDE).url
    directory = pages["StartupIndexPage"]
    addresses = [(url, 200) for url in pages.values()] + VIEWS
    addresses += [(guide, 200), (directory + "?incubateur=dinum&phase=construction", 200)]
    addresses += [(directory + "?voir=sponsor", 200)]
    # The member pages: a fiche imported from beta.gouv.fr, and the directory members only see.
    fiche = Member.objects.filter(source__gt="").order_by("slug").first()
    members_only = "/membres/?voir=role"
    addresses += [(f"/membres/{fiche.slug}/", 200), (members_only, 200)]
    # The phase pages and « Pour moi » (a member's own page, and the anonymous role × phase picker).
    phase, role = Phase.objects.order_by("pk").first(), Role.objects.order_by("pk").first()
    for_me = "/pour-moi/"
    addresses += [("/phases/", 200), (f"/phases/{phase.slug}/", 200), (for_me, 200)]
    addresses += [(f"/pour-moi/?role={role.slug}&phase={phase.slug}", 200)]
    member_client = Client()
    member_client.force_login(make_user("lectrice"))
    files = []
    for index, (address, status) in enumerate(addresses):
        reader = member_client if address in (members_only, for_me) else client
        parts = urlsplit(address)  # another site's page has an absolute address: ask its host
        host = {"HTTP_HOST": parts.hostname} if parts.hostname else {}
        path = f"{parts.path}?{parts.query}" if parts.query else parts.path
        response = reader.get(path if parts.hostname else address, secure=True, **host)
        assert response.status_code == status, address
        path = tmp_path / f"page-{index:02d}.html"
        path.write_bytes(response.content)
        files.append(path)
    served = {
        address: path.read_text(encoding="utf-8") for path, (address, _) in zip(files, addresses, strict=True)
    }
    # What the original findings were about is really served: several tab sets on one page, a
    # figure with its caption, the directory's sponsors listed in full.
    assert served[guide].count('class="fr-tabs__list"') >= 2
    assert any("<figcaption" in html for html in served.values())
    assert "Voir moins" in served[directory + "?voir=sponsor"]
    errors = validate(files)
    names = {path.name: address for path, (address, _) in zip(files, addresses, strict=True)}
    report = [
        f"{names.get(error.get('url', '').rsplit('/', 1)[-1], error.get('url'))}:{error.get('lastLine')} "
        f"{error['message']} « {error.get('extract', '').strip()[:120]} »"
        for error in errors
    ]
    assert not report, f"{len(report)} erreurs du validateur W3C :\n" + "\n".join(report)
