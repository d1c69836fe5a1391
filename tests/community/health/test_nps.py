"""The NPS: promoters minus detractors, once per person and quarter, never shown under 10 answers."""

import html
import re

from django.template import engines
from django.test import RequestFactory

import pytest

from community.health.models import NpsAnswer
from community.health.nps import current_period, net_promoter_score, previous_periods
from tests.community.health.conftest import answers
from tests.community.members.factories import make_user
from tests.community.startups.factories import incubator, startup
from tests.core.taxonomy.factories import RoleFactory

pytestmark = pytest.mark.django_db


def section(response, html_id):
    text = html.unescape(response.content.decode())
    return text.split(f'id="{html_id}"')[1].split("</figure>")[0]


def table_cells(fragment):
    return re.findall(r"<t[hd][^>]*>([^<]*)</t[hd]>", fragment)


@pytest.mark.parametrize(
    ("scores", "expected"),
    [
        ([10, 10, 9, 9, 9, 8, 7, 6, 3, 0], 20),  # 5 promoters, 3 detractors, 2 passives out of 10
        ([7, 8, 7, 8], 0),  # passives only
        ([0, 6, 6], -100),
        ([9, 10, 6], 33),
        ([], None),
    ],
)
def test_nps_is_promoters_minus_detractors(scores, expected):
    assert net_promoter_score(scores) == expected


def test_the_figures_page_shows_the_nps_of_the_quarter(client, figures_page):
    answers([10, 10, 9, 9, 9, 8, 7, 6, 3, 0])
    NpsAnswer.objects.create(user=make_user("plus-tard"), period=current_period(), score=None)
    trend = section(client.get(figures_page.url), "nps-trimestre")
    cells = table_cells(trend)
    row = cells.index(
        trend.split("<tbody>")[1].split("</tr>")[-2].split("<th")[1].split(">")[1].split("<")[0]
    )
    assert cells[row : row + 3][1:] == ["20", "10"]  # the dismissal counts nowhere


def test_groups_under_ten_answers_show_no_figure(client, figures_page, home):
    dinum = incubator(home, "dinum", "Incubateur de la DINUM")
    cantine = startup(home, "Cantine", incubator=dinum)
    coach = RoleFactory(slug="coach", name="Coach")
    answers([10] * 9, roles=[coach], missions=[cantine])
    response = client.get(figures_page.url)
    trend = section(response, "nps-trimestre")
    assert "masqué (moins de 10 réponses)" in trend and "<td>100</td>" not in trend
    assert "Coach" not in section(response, "nps-role")
    assert "Incubateur de la DINUM" not in section(response, "nps-incubateur")

    answers([0], prefix="dixieme", roles=[coach], missions=[cantine])
    response = client.get(figures_page.url)
    assert "<td>80</td>" in section(response, "nps-trimestre")  # 9 promoters, 1 detractor
    assert "Coach" in section(response, "nps-role") and "<td>80</td>" in section(response, "nps-role")
    assert "<td>80</td>" in section(response, "nps-incubateur")


def test_older_quarters_form_the_trend(client, figures_page):
    last = previous_periods(2)[0]
    answers([10] * 10, prefix="avant", period=last)
    answers([0] * 10, prefix="maintenant")
    trend = section(client.get(figures_page.url), "nps-trimestre")
    assert "<td>100</td>" in trend and "<td>-100</td>" in trend


def test_one_answer_per_person_and_quarter(client, figures_page):
    user = make_user("camille")
    client.force_login(user)
    page = client.get(figures_page.url).content.decode()
    assert 'id="recommandation"' in page
    response = client.post("/recommandation/", {"score": "9", "action": "repondre", "next": figures_page.url})
    assert response.status_code == 302 and response["Location"] == figures_page.url
    client.post("/recommandation/", {"score": "0", "action": "repondre", "next": figures_page.url})
    assert list(NpsAnswer.objects.values_list("user", "period", "score")) == [(user.pk, current_period(), 9)]
    assert 'id="recommandation"' not in client.get(figures_page.url).content.decode()
    client.logout()
    client.force_login(user)  # a new session asks the database, which still says « answered »
    assert 'id="recommandation"' not in client.get(figures_page.url).content.decode()


def test_later_dismisses_the_question_for_the_quarter(client, figures_page):
    user = make_user("camille")
    client.force_login(user)
    client.post("/recommandation/", {"action": "plus-tard", "next": figures_page.url})
    assert NpsAnswer.objects.get(user=user).score is None
    assert 'id="recommandation"' not in client.get(figures_page.url).content.decode()


def test_a_bad_answer_is_refused_in_french(client, figures_page):
    client.force_login(make_user("camille"))
    response = client.post(
        "/recommandation/", {"action": "repondre", "next": "https://ailleurs.example/"}, follow=True
    )
    assert "Choisissez une note de 0 à 10" in html.unescape(response.content.decode())
    assert not NpsAnswer.objects.exists()
    response = client.post(
        "/recommandation/", {"score": "9", "action": "repondre", "next": "https://ailleurs.example/"}
    )
    assert response["Location"] == "/"  # never sent off the site


def test_no_question_for_visitors_on_account_forms_or_confidential_pages(client, figures_page):
    assert 'id="recommandation"' not in client.get(figures_page.url).content.decode()
    user = make_user("camille")
    client.force_login(user)
    assert 'id="recommandation"' not in client.get("/compte/profil/").content.decode()
    request = RequestFactory().get("/situations/harcelement/")
    request.user, request.session = user, {}
    template = engines["django"].from_string("{% load health_tags %}{% nps_prompt %}")
    assert 'id="recommandation"' not in template.render({"confidential": True}, request)
    assert 'id="recommandation"' in template.render({}, request)
    assert client.post("/recommandation/", {"score": "5", "action": "repondre"}).status_code == 302
    client.logout()
    assert client.post("/recommandation/", {"score": "5", "action": "repondre"}).status_code == 302
    assert NpsAnswer.objects.count() == 1
