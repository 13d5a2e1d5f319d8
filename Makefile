# factcheck: `make run` serves the site, `make test` runs the whole suite (see README.md).
SHELL := /bin/bash
.DEFAULT_GOAL := run

# Python 3.12+: $PYTHON if given, else the first interpreter that really runs and is new enough among
# python3.13/python3.12/python3 on PATH and pyenv's installed versions (a pyenv shim may exist and still fail).
PYTHON ?= $(shell for p in python3.13 python3.12 $$HOME/.pyenv/versions/3.13*/bin/python3.13 \
	  $$HOME/.pyenv/versions/3.12*/bin/python3.12 /usr/bin/python3.13 /usr/bin/python3.12 python3; do \
	  if "$$p" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then command -v "$$p"; exit 0; fi; \
	done)
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

# Translations of the public pages: extract into locale/de/LC_MESSAGES/django.po, then compile the .mo that is
# committed (so neither `make run` nor `make test` needs gettext). Needs gettext's xgettext/msgfmt.
LOCALE_IGNORE := --ignore=.venv --ignore=var --ignore=tests --ignore='templates/review/*' \
	--ignore='templates/imports/*' --ignore='templates/admin/*' --ignore='templates/registration/*'
.PHONY: messages
messages: install
	$(PY) manage.py makemessages -l de $(LOCALE_IGNORE)
	$(PY) manage.py compilemessages -l de --ignore=.venv
