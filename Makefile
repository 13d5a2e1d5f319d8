# factcheck: `make run` serves the site, `make test` runs the whole suite (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Python 3.12+: $PYTHON if given, else the first of python3.13/3.12 on PATH or in pyenv.
PYTHON ?= $(shell for v in 3.13 3.12; do \
	  for p in "$$(command -v python$$v 2>/dev/null)" $$HOME/.pyenv/versions/$$v*/bin/python$$v /usr/bin/python$$v /usr/local/bin/python$$v; do \
	    if [ -n "$$p" ] && [ -x "$$p" ]; then echo "$$p"; exit 0; fi; done; done; \
	  if python3 -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then command -v python3; fi)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install run test lint bench eval migrate browsers clean

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 or newer is needed (set PYTHON=/path/to/python3.12)"; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

run: migrate
	DJANGO_DEBUG=1 $(PY) manage.py setup_demo
	DJANGO_DEBUG=1 $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(PY) -m ruff check .
	$(PY) manage.py makemigrations --check --dry-run >/dev/null || { echo "models and migrations differ: run makemigrations"; exit 1; }
	$(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .

bench: migrate
	$(PY) manage.py bench $(BENCH_ARGS)

# Imports the seed articles into a scratch database and scores them (../shared is not part of the project).
eval: install
	@if [ ! -d "$(SHARED)/seeds/articles" ]; then echo "$(SHARED)/seeds not found: nothing to evaluate"; exit 0; fi
	$(PY) manage.py evaluate --seeds $(SHARED)/seeds/articles --gold $(SHARED)/seeds/gold.json --scorer $(SHARED)/tools/score_extraction.py

clean:
	rm -rf $(VENV) var
