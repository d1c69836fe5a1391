"""`/sante/` for the load balancer: JSON, never cached, 200 while the database answers (even with the
cache down), 503 when it does not (tests/core/test_faults.py stops the database for real)."""

import json
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.test import override_settings
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult

from core.mail import deliver_email, message_to_dict
from tests.core.services import closed_redis_url, production_caches

pytestmark = pytest.mark.django_db

HEALTH = "/sante/"


def test_everything_up_answers_200_in_json(client):
    response = client.get(HEALTH)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "statut": "ok",
        "database": "ok",
        "cache": {"default": "ok", "ratelimit": "ok"},
        "queue": {"en_attente": 0, "en_cours": 0},  # django-tasks-db's queue, empty
    }


def test_never_cached_by_us_nor_by_a_proxy(client):
    for _ in range(2):
        response = client.get(HEALTH)
        assert "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response  # not stored, not served from the page cache


def test_answers_get_and_head_only(client):
    assert client.head(HEALTH).status_code == 200
    assert client.post(HEALTH).status_code == 405


def test_cache_down_is_reported_but_the_node_stays_in_service(client):
    with override_settings(CACHES=production_caches(closed_redis_url())):
        response = client.get(HEALTH)
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["statut"] == "dégradé"
    assert body["database"] == "ok"
    assert body["cache"] == {"default": "indisponible", "ratelimit": "indisponible"}


def test_queue_depth_is_read_from_the_real_database_queue(client, settings):
    """Tasks enqueued through django-tasks-db (the production backend) are counted: due, running;
    a retry scheduled for later is not due yet and counts in neither."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    message = message_to_dict(EmailMultiAlternatives("Objet", "Texte", to=["equipe@example.org"]))
    for _ in range(3):
        deliver_email.enqueue(message)
    deliver_email.using(run_after=timezone.now() + timedelta(minutes=4)).enqueue(message, attempt=2)
    assert DBTaskResult.objects.count() == 4  # really in the database queue, not run at once

    assert json.loads(client.get(HEALTH).content)["queue"] == {"en_attente": 3, "en_cours": 0}

    DBTaskResult.objects.ready().first().claim("sante-test")  # what a worker does when it picks one up
    assert json.loads(client.get(HEALTH).content)["queue"] == {"en_attente": 2, "en_cours": 1}
