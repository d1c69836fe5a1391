"""Importing the real beta.gouv.fr sample: pages, links, quirks as warnings, idempotent re-runs."""

import datetime
import json
import re

from django.core.management import call_command

from wagtail.models import Revision

import pytest
from bs4 import BeautifulSoup

from community.members.models import Member, Mission
from community.startups.models import IncubatorPage, Organisation, StartupPage, Team
from core.taxonomy.models import Phase

pytestmark = pytest.mark.django_db

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def run_import(directory, tmp_path, *extra):
    report_path = tmp_path / "rapport.json"
    output = tmp_path / "sortie.txt"
    with open(output, "w", encoding="utf-8") as stdout:
        call_command("import_betagouv", str(directory), "--report", str(report_path), *extra, stdout=stdout)
    return json.loads(report_path.read_text(encoding="utf-8")), output.read_text(encoding="utf-8")


def page_text(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode(), BeautifulSoup(response.content, "html.parser")


def warnings_for(report, source):
    return [w["message"] for w in report["warnings"] if w["source"] == source]


def test_import_of_the_real_sample_then_an_unchanged_rerun(client, home, shared_fixtures, tmp_path):
    directory = shared_fixtures / "betagouv"
    report, output = run_import(directory, tmp_path, "--publish")

    assert report["rejected"] == []
    assert set(report) == {"created", "updated", "unchanged", "rejected", "warnings", "notices"}
    assert "Import terminé." in output and "créés :" in output
    assert StartupPage.objects.live().count() == 157
    assert IncubatorPage.objects.count() == 23
    assert Organisation.objects.count() == 145
    assert Team.objects.count() == 36
    assert Member.objects.count() == 40
    assert list(Phase.objects.order_by("order").values_list("slug", flat=True)[:2]) == ["opere", "transfere"]
    assert Phase.objects.get(slug="transfere").name == "Transféré"

    # uai_siret.md: file name with an underscore, overlapping phases, free-text audiences, 3 sponsors.
    uai = StartupPage.objects.get(betagouv_id="uai_siret")
    assert uai.title == "Référentiel UAI-SIRET des OFA-CFA"
    assert uai.slug == "uai-siret"
    assert uai.mission.startswith("Faciliter l’identification des organismes de formation")
    assert uai.incubator.betagouv_id == "mission-apprentissage"
    assert sorted(uai.sponsors.values_list("slug", flat=True)) == ["menjs", "mesr", "mtei"]
    assert [(p.phase.slug, p.start, p.end) for p in uai.phases.all()] == [
        ("investigation", datetime.date(2021, 9, 1), datetime.date(2022, 1, 1)),
        ("construction", datetime.date(2022, 1, 1), datetime.date(2022, 8, 29)),
        ("consolidation", datetime.date(2022, 8, 29), datetime.date(2022, 10, 30)),
        ("transfere", datetime.date(2022, 10, 17), None),
    ]
    assert uai.current_phase.slug == "transfere"
    assert uai.current_phase_start == datetime.date(2022, 10, 17)
    audiences = set(uai.audiences.values_list("name", flat=True))
    assert {"État", "Établissements scolaires", "le réseau des Carif-Oref"} <= audiences
    assert uai.site_url == "https://referentiel.apprentissage.onisep.fr/"
    assert uai.techno == [] and list(uai.thematiques.all()) == []
    assert [b.block_type for b in uai.body][:3] == ["paragraph", "heading", "paragraph"]
    assert uai.body[1].value["text"] == "Constat"
    uai_warnings = warnings_for(report, "startups/uai_siret.md")
    assert any("se chevauchent" in w for w in uai_warnings)
    assert any("hors de la liste" in w and "Carif-Oref" in w for w in uai_warnings)
    html, soup = page_text(client, uai)
    assert soup.h1.get_text(strip=True) == uai.title
    assert "Mission interministérielle pour l’apprentissage" in html
    assert "Consolidation" in html or "En consolidation" in html
    assert "le réseau des Carif-Oref" in html
    assert "https://github.com/betagouv/beta.gouv.fr/blob/master/content/_startups/uai_siret.md" in html
    assert "CC BY-NC-SA 4.0" in html
    assert (
        soup.select_one(".startup-timeline__item--current").get_text(" ", strip=True).startswith("Transféré")
    )

    # ecopass.md: two incubators, uppercase domain in the contact, product launch event, links.
    ecopass = StartupPage.objects.get(betagouv_id="ecopass")
    assert ecopass.incubator.betagouv_id == "mtes"
    assert ecopass.extra["incubators"] == ["ademe", "mtes"]
    assert ecopass.contact == "affichage-environnemental@ecobalyse.beta.gouv.fr"
    assert ecopass.repository_url == "https://github.com/incubateur-ademe/ecopass"
    assert ecopass.stats_url == "https://affichage-environnemental.ecobalyse.beta.gouv.fr/stats"
    assert sorted(ecopass.thematiques.values_list("name", flat=True)) == ["Entreprises", "Écologie"]
    assert [(e.name, e.date) for e in ecopass.events.all()] == [
        ("product_launch", datetime.date(2026, 7, 29))
    ]
    assert sorted(ecopass.sponsors.values_list("slug", flat=True)) == ["ademe", "cgdd"]
    ecopass_warnings = warnings_for(report, "startups/ecopass.md")
    assert any("majuscules" in w for w in ecopass_warnings)
    assert any("plusieurs incubateurs" in w for w in ecopass_warnings)
    html, _ = page_text(client, ecopass)
    assert "Lancement du produit" in html and "Code source" in html

    # data.etat.md: a phase that starts in the future is not the current one.
    data_etat = StartupPage.objects.get(betagouv_id="data.etat")
    assert data_etat.current_phase.slug == "construction"
    assert data_etat.accessibility_status == "partiellement conforme"
    assert "python" in data_etat.techno
    assert any("futur" in w for w in warnings_for(report, "startups/data.etat.md"))
    _, soup = page_text(client, data_etat)
    assert "à venir" in soup.select_one(".startup-timeline__item--future").get_text()

    # a-just.md: team from the members' missions, extra fields kept verbatim, bold headings cleaned.
    a_just = StartupPage.objects.get(betagouv_id="a-just")
    assert a_just.extra["fast"] == {"promotion": 13, "montant": 300000}
    assert a_just.body[0].value["text"] == "Contexte"
    member = Member.objects.get(slug="gwennaelle.quaeybeur")
    assert member.full_name == "Gwennaëlle Quaeybeur"
    assert member.job_title == "Intrapreneure A-JUST" and member.domaine == "Intraprenariat"
    assert member.github == "Gwennaelleqbr"
    mission = Mission.objects.get(member=member)
    assert (mission.startup, mission.status, mission.employer) == (a_just, "admin", "DSJ")
    html, soup = page_text(client, a_just)
    assert "Gwennaëlle Quaeybeur" in html

    # Quirky values: stray spaces, comma-joined list, file names without .md, missing owner.
    lembauche = StartupPage.objects.get(betagouv_id="mes.aides.a.lembauche")
    assert lembauche.site_url == lembauche.site_url.strip() and lembauche.site_url.startswith("https://")
    joined = [page for page in StartupPage.objects.all() if "Nodejs" in page.techno]
    assert len(joined) == 1 and {"Typescript", "React", "Nextjs", "mongoDB"} <= set(joined[0].techno)
    assert Organisation.objects.get(slug="Préfecture").name
    assert Organisation.objects.filter(slug="idfm").exists()
    assert any("sans extension" in w for w in warnings_for(report, "organisations/idfm"))
    menj = IncubatorPage.objects.get(betagouv_id="menj")
    assert menj.owner_organisation is None
    assert any("introuvable" in w for w in warnings_for(report, "incubators/menj.md"))
    assert StartupPage.objects.get(betagouv_id="données-et-territoires").slug == "donnees-et-territoires"
    assert len(StartupPage.objects.get(betagouv_id="rim-culture").body) == 0

    # Incubator page: owner, startups, attribution; no e-mail address on any imported page.
    dinum = IncubatorPage.objects.get(betagouv_id="dinum")
    assert dinum.owner_organisation.slug == "dinum"
    assert dinum.website == "https://beta.gouv.fr/"
    html, _ = page_text(client, dinum)
    assert "Direction interministérielle du numérique" in html
    assert "Data-État" in html
    for page in [uai, ecopass, data_etat, a_just, lembauche, dinum, menj]:
        html, soup = page_text(client, page)
        assert not EMAIL.findall(soup.find("main").get_text(" ")), page.url
        assert "mailto:" not in html

    # Second run: everything unchanged, no new revision.
    revisions = Revision.objects.count()
    second, output = run_import(directory, tmp_path, "--publish")
    assert second["created"] == second["updated"] == 0
    assert second["rejected"] == []
    assert second["unchanged"] == report["created"] + report["updated"] + report["unchanged"]
    assert Revision.objects.count() == revisions
