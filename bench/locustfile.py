"""Visitors of the site for the load test: pages read most, listings with filters, and searches.

Run through bench/load.py, which starts the server and writes the page list this file reads
(BENCH_LOCUST_URLS, a JSON file of {"pages": [...], "listings": [...], "searches": [...]}).
"""

import json
import os
import random

from locust import HttpUser, between, task

URLS = json.loads(open(os.environ["BENCH_LOCUST_URLS"]).read())  # noqa: SIM115


class Visitor(HttpUser):
    """An anonymous reader: mostly detail pages, some directory filters, some searches."""

    wait_time = between(0.5, 2)

    @task(6)
    def page(self):
        self.client.get(random.choice(URLS["pages"]), name="page")

    @task(3)
    def listing(self):
        self.client.get(random.choice(URLS["listings"]), name="liste filtrée")

    @task(2)
    def search(self):
        self.client.get("/recherche/", params={"q": random.choice(URLS["searches"])}, name="recherche")
