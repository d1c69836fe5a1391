"""Hostile values in every public POST form: never a 500, and an invalid form writes nothing.

Each example fills a form with a mix of valid values and hostile ones (random text, NUL and other
control characters, SQL and HTML fragments, lists where one value is expected, wrong types, files
of the wrong type). A form that is refused (anything but a redirect) must leave every table a form
can write to exactly as it was: the database is compared, not just the status code.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community.members.models import Member
from tests.core.robustness import (
    PROPERTY_SETTINGS,
    assert_handled,
    build_site,
    fresh_example,
    hostile_text,
    hostile_value,
    row_counts,
)
from tests.resources.library.factories import PDF

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home):
    return build_site(home)


def valid_forms(site) -> dict:
    """Per form: who posts, where, and a valid submission each field of which may be made hostile."""
    return {
        "inscription": (
            None,
            "/compte/inscription/",
            {
                "first_name": "Ada",
                "last_name": "Lovelace",
                "email": "ada.lovelace@beta.gouv.fr",
                "password1": "une phrase de passe solide",
                "password2": "une phrase de passe solide",
            },
        ),
        "connexion": (None, "/compte/connexion/", {"login": "membre.robuste@beta.gouv.fr", "password": "x"}),
        "mot de passe oublié": (None, "/compte/mot-de-passe/oublie/", {"email": "ada@beta.gouv.fr"}),
        "contribution": (
            "member",
            site["contribuer"].url,
            {
                "title": "Une grille d'entretien",
                "intro": "Pour préparer ses entretiens.",
                "kind": str(site["kind"].pk),
                "phases": [str(site["phase"].pk)],
                "roles": [str(site["role"].pk)],
                "thematiques": [str(site["thematique"].pk)],
                "external_url": "https://beta.gouv.fr/grille",
            },
        ),
        "avis": (None, "/avis/", {"page": str(site["guide"].pk), "useful": "oui", "comment": "Merci."}),
        "amélioration": ("member", f"/ameliorer/{site['guide'].pk}/", {"text": "Il manque un exemple."}),
        "profil": (
            "member",
            "/compte/profil/",
            {
                "full_name": "Membre Robuste",
                "roles": [str(site["role"].pk)],
                "competences": "design, droit public",
                "bio": "Développeuse.",
                "mentoring": "on",
            },
        ),
        "étape de parcours": (
            "member",
            site["path"].url + f"etape/{site['step'].pk}/",
            {"done": "1"},
        ),
    }


UPLOAD_NAMES = ["modele.pdf", "outil.exe", "page.html", "x.svg", "sans-extension", "a\x00.pdf"]


@st.composite
def hostile_upload(draw):
    name = draw(st.sampled_from(UPLOAD_NAMES))
    content = draw(st.one_of(st.just(PDF), st.binary(max_size=2000)))
    return SimpleUploadedFile(name.replace("\x00", "_"), content, content_type="application/octet-stream")


@st.composite
def submission(draw, base: dict, with_file: bool):
    """The valid submission with some fields replaced by hostile values, dropped or added."""
    data = {}
    for field, valid in base.items():
        choice = draw(st.sampled_from(["valide", "hostile", "absent"]))
        if choice == "valide":
            data[field] = valid
        elif choice == "hostile":
            data[field] = draw(hostile_value)
    if draw(st.booleans()):
        data[draw(hostile_text)[:50] or "inconnu"] = draw(hostile_value)
    if with_file and draw(st.booleans()):
        data["file"] = draw(hostile_upload())
    return data


def member_snapshot(user):
    member = Member.objects.filter(user=user).first()
    return (member.full_name, member.bio, member.competences, member.mentoring, list(member.roles.all()))


@PROPERTY_SETTINGS
@given(data=st.data())
def test_public_forms_survive_hostile_input_and_write_nothing_when_invalid(site, caplog, data):
    forms = valid_forms(site)
    name = data.draw(st.sampled_from(sorted(forms)), label="formulaire")
    who, url, base = forms[name]
    payload = data.draw(submission(base, with_file=name == "contribution"), label="données")
    fresh_example(caplog)
    client = Client(raise_request_exception=False)
    if who == "member":
        client.force_login(site["member_user"])
    before, profile_before = row_counts(), member_snapshot(site["member_user"])

    response = client.post(url, payload)

    assert_handled(response, caplog)
    if response.status_code != 302:
        assert row_counts() == before, f"{name} refusé mais des lignes ont été écrites"
        assert member_snapshot(site["member_user"]) == profile_before


NUL = "avec\x00nul"


@pytest.mark.parametrize(
    ("form", "field"),
    [
        ("inscription", "first_name"),
        ("inscription", "email"),
        ("connexion", "login"),
        ("mot de passe oublié", "email"),
        ("contribution", "title"),
        ("contribution", "intro"),
        ("contribution", "kind"),
        ("contribution", "phases"),
        ("contribution", "external_url"),
        ("avis", "comment"),
        ("avis", "page"),
        ("amélioration", "text"),
        ("profil", "full_name"),
        ("profil", "bio"),
        ("profil", "competences"),
        ("profil", "roles"),
    ],
)
def test_nul_byte_in_any_field_is_refused_in_french_and_writes_nothing(site, caplog, form, field):
    """PostgreSQL refuses NUL in text: the form must refuse it first, next to the field."""
    who, url, data = valid_forms(site)[form]
    client = Client(raise_request_exception=False)
    if who == "member":
        client.force_login(site["member_user"])
    before, profile_before = row_counts(), member_snapshot(site["member_user"])

    response = client.post(url, {**data, field: NUL})

    assert_handled(response, caplog)
    assert response.status_code in (200, 400)
    assert row_counts() == before
    assert member_snapshot(site["member_user"]) == profile_before
    errors = response.context["form"].errors if response.context and "form" in response.context else None
    if errors is None:  # the feedback form is named feedback_form
        errors = response.context["feedback_form"].errors
    assert errors, f"{form}.{field} : aucune erreur affichée"


def test_valid_submissions_do_write(site):
    """The property above is only meaningful if the valid base submissions are accepted."""
    forms = valid_forms(site)
    for name in ["contribution", "avis", "amélioration", "profil", "étape de parcours", "inscription"]:
        who, url, data = forms[name]
        client = Client()
        if who == "member":
            client.force_login(site["member_user"])
        before = row_counts()
        response = client.post(url, data)
        assert response.status_code == 302, (name, response.content[:2000])
        assert row_counts() != before or name == "profil", name
