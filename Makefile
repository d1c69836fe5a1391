# Fabrique — every task a newcomer needs. `make run` serves the site, `make test` passes the suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?= -n auto

CHROMIUM ?= /usr/bin/chromium
# Development defaults (debug on, throwaway key) for the commands a developer runs; production
# uses config.settings.base, where debug is off unless DJANGO_DEBUG=1 (README « Configuration »).
DEV_SETTINGS := DJANGO_SETTINGS_MODULE=config.settings.dev

.PHONY: help setup browser-deps run test test-repeat lint format audit lock migrate demo check-deploy screenshots bench clean

help:
	@echo "make run     installe, migre, charge la démo et sert http://$(HOST):$(PORT)"
	@echo "make test    installe puis lance toute la suite de tests"
	@echo "make test-repeat  les tests navigateur trois fois de suite, tous verts (aucun test instable)"
	@echo "make lint    ruff check + ruff format --check + lint-imports (les imports ne remontent pas)"
	@echo "make audit   dépendances vulnérables (pip-audit, réseau requis) + analyse du code (bandit)"
	@echo "make format  reformate le code avec ruff"
	@echo "make bench   mesures de performance sur la base DATABASE_URL (voir README)"
	@echo "make screenshots  captures des pages clés (bureau et mobile) dans screenshots/"

# Fails loudly, in French, when a prerequisite is missing.
$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "ERREUR : $(PYTHON) est introuvable. Installez Python 3.11 ou plus récent (apt install python3 python3-venv)." >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "ERREUR : Python 3.11 ou plus récent est requis ($$($(PYTHON) --version) trouvé)." >&2; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "ERREUR : le module venv de Python manque. Sur Debian : sudo apt install python3-venv" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Re-installs only when a lock file changes, so a second run is quick. Development and tests get
# requirements-dev.lock: the application's requirements.lock (same versions) plus the test and lint
# tools. A production host installs requirements.lock alone (README « Mettre un site en production »).
$(STAMP): requirements.lock requirements-dev.lock $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements-dev.lock
	@touch $(STAMP)

setup: $(STAMP)

migrate: setup
	$(DEV_SETTINGS) $(BIN)/python manage.py migrate --noinput

demo: migrate
	$(DEV_SETTINGS) $(BIN)/python manage.py load_demo

# The task worker (emails, search index, renditions: README « Tâches de fond ») runs beside the web
# server, in its own session so that it is stopped with its reloader child when the server stops.
run: demo
	@echo "Fabrique est servi sur http://$(HOST):$(PORT), avec son worker de tâches de fond (Ctrl+C pour arrêter)."
	@trap 'kill -TERM -- -$$worker 2>/dev/null || true' EXIT; \
	$(DEV_SETTINGS) setsid $(BIN)/python manage.py task_worker & worker=$$!; \
	$(DEV_SETTINGS) $(BIN)/python manage.py runserver $(HOST):$(PORT)

# Browser tests drive Debian's Chromium (never a downloaded browser). Installed when missing if
# we may use apt (root or sudo), otherwise a clear message says what to install.
browser-deps:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$$(id -u)" -eq 0 ]; then APT="apt-get"; elif sudo -n true 2>/dev/null; then APT="sudo apt-get"; else APT=""; fi; \
	  if [ -z "$$APT" ]; then echo "ERREUR : Chromium est requis pour les tests navigateur. Installez-le : sudo apt install chromium chromium-driver" >&2; exit 1; fi; \
	  echo "Installation de Chromium (paquets Debian chromium et chromium-driver)…"; \
	  $$APT update -qq && DEBIAN_FRONTEND=noninteractive $$APT install -y -qq chromium chromium-driver >/dev/null; \
	fi

# Browser journeys run in their own pytest process: they reset the database between tests
# (live server), which must not interleave with the rollback-based tests of the main run.
test: setup browser-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS) -m "not browser"
	$(BIN)/python -m pytest $(PYTEST_ARGS) -m browser tests/browser

# The browser journeys TEST_REPEAT times in a row (3 by default), each run in a new random order
# (pytest-randomly prints its seed), stopping at the first red run: a test that fails once is a bug
# to fix at its cause, never retried. Not in .ci/run (time budget): run it before a release.
TEST_REPEAT ?= 3
test-repeat: setup browser-deps
	@for run in $$(seq 1 $(TEST_REPEAT)); do \
	  echo "==> Tests navigateur, passage $$run sur $(TEST_REPEAT)"; \
	  $(BIN)/python -m pytest $(PYTEST_ARGS) -m browser tests/browser \
	    || { echo "ÉCHEC au passage $$run sur $(TEST_REPEAT) : un test instable est un défaut à corriger." >&2; exit 1; }; \
	done; echo "Tests navigateur verts $(TEST_REPEAT) fois de suite."

# Style, then architecture: an import pointing up a layer or across features fails (pyproject.toml).
lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Security checks run by CI before the tests (docs/securite.md). bandit: no medium or high finding
# allowed. pip-audit asks a vulnerability service about every locked version (.ci/audit-deps: a
# finding fails; an unreachable service is reported loudly, never as a pass).
audit: setup
	$(BIN)/bandit -q -c pyproject.toml -r config core home resources community -ll
	BIN=$(BIN) .ci/audit-deps

# Regenerates both locks from pyproject.toml (needs network access to PyPI): the application's, then
# the development one constrained to the same versions.
LOCK := $(BIN)/uv pip compile pyproject.toml -p 3.11 --generate-hashes --custom-compile-command "make lock"
lock: setup
	$(BIN)/python -m pip install --quiet uv
	$(LOCK) -o requirements.lock
	$(LOCK) --extra dev -c requirements.lock -o requirements-dev.lock

check-deploy: setup
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') \
	DJANGO_ALLOWED_HOSTS=example.org WAGTAILADMIN_BASE_URL=https://example.org \
	$(BIN)/python manage.py check --deploy --fail-level WARNING

# PNGs of the key pages at desktop and mobile widths, for reviewers (in screenshots/).
screenshots: demo browser-deps
	$(DEV_SETTINGS) $(BIN)/python tests/browser/screenshots.py --output screenshots

# Performance figures of the database in DATABASE_URL (fill it first: bench/populate.py --scale 10).
BENCH_RUN_TIME ?= 2m
bench: setup
	@test -n "$$DATABASE_URL" || { echo "ERREUR : définissez DATABASE_URL (une base remplie par bench/populate.py)." >&2; exit 1; }
	$(BIN)/python bench/render.py
	$(BIN)/python bench/admin.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/load.py --run-time $(BENCH_RUN_TIME)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
