"""XSS payloads in titles, messages and mentions are escaped or sanitised on every surface."""

from django.test import override_settings

import pytest

from community.discussions.models import Thread
from tests.community.discussions.factories import join, make_group, make_person
from tests.xss import PAYLOADS, executable_markup, pack

pytestmark = pytest.mark.django_db


@override_settings(FABRIQUE_RATE_LIMIT=1000)
def test_payloads_never_become_markup(client):
    group = make_group()
    author = join(group, make_person("alice", "alice.martin"))
    client.force_login(author)
    for title in pack(PAYLOADS, 200):
        body = "\n\n".join(f"@alice.martin {payload} [lien]({payload})" for payload in PAYLOADS)
        response = client.post(
            f"/groupes/{group.slug}/discussions/nouveau/", {"title": title, "kind": "question", "body": body}
        )
        assert response.status_code == 302
    assert Thread.objects.count() == len(pack(PAYLOADS, 200))
    urls = [
        f"/groupes/{group.slug}/discussions/",
        *(thread.get_absolute_url() for thread in Thread.objects.all()),
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert executable_markup(html) == [], url
    assert executable_markup(client.get("/recherche/", {"q": "script"}).content.decode()) == []
