# Fabrique — every task a newcomer needs. `make run` serves the site, `make test` passes the suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?= -n auto

.PHONY: help setup run test lint format lock migrate demo check-deploy clean

help:
	@echo "make run     installe, migre, charge la démo et sert http://$(HOST):$(PORT)"
	@echo "make test    installe puis lance toute la suite de tests"
	@echo "make lint    ruff check + ruff format --check"
	@echo "make format  reformate le code avec ruff"

# Fails loudly, in French, when a prerequisite is missing.
$(BIN)/python:
	@command -v $(PYTHON) >/dev/null || { echo "ERREUR : $(PYTHON) est introuvable. Installez Python 3.11 ou plus récent (apt install python3 python3-venv)." >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "ERREUR : Python 3.11 ou plus récent est requis ($$($(PYTHON) --version) trouvé)." >&2; exit 1; }
	@$(PYTHON) -c 'import venv, ensurepip' 2>/dev/null || { echo "ERREUR : le module venv de Python manque. Sur Debian : sudo apt install python3-venv" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

# Re-installs only when the lock file changes, so a second run is quick.
$(STAMP): requirements.lock $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	@touch $(STAMP)

setup: $(STAMP)

migrate: setup
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo

run: demo
	@echo "Fabrique est servi sur http://$(HOST):$(PORT) (Ctrl+C pour arrêter)."
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Regenerates the lock from pyproject.toml (needs network access to PyPI).
lock: setup
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev -p 3.11 --generate-hashes -o requirements.lock

check-deploy: setup
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))') \
	DJANGO_ALLOWED_HOSTS=example.org $(BIN)/python manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
