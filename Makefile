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

.PHONY: install run serve test lint bench eval migrate backup restore clean

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then echo "Python 3.12 or newer is needed (set PYTHON=/path/to/python3.12)"; exit 1; fi
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(PY) manage.py migrate --noinput

# The development server and the background worker together; Ctrl-C stops both (and the embedded database).
run: migrate
	DJANGO_DEBUG=1 $(PY) manage.py setup_demo
	DJANGO_DEBUG=1 $(PY) manage.py rundev 127.0.0.1:$(PORT)

# Production: migrations, static files, gunicorn with WEB_CONCURRENCY workers on HOST:PORT (see README, Deploying).
HOST ?= 127.0.0.1
serve: install
	@if [ -z "$$DJANGO_SECRET_KEY" ]; then echo "make serve needs DJANGO_SECRET_KEY: a long random secret (README, Deploying)"; exit 1; fi
	DJANGO_DEBUG=0 $(PY) manage.py migrate --noinput
	DJANGO_DEBUG=0 $(PY) manage.py collectstatic --noinput -v 0
	DJANGO_DEBUG=0 exec $(VENV)/bin/gunicorn factcheck.wsgi --preload --workers $${WEB_CONCURRENCY:-2} \
	  --bind $(HOST):$(PORT) --timeout 60 --graceful-timeout 30 --max-requests 2000 --max-requests-jitter 200 \
	  --access-logfile - --no-control-socket --forwarded-allow-ips="$${DJANGO_BEHIND_PROXY:+*}"

backup: install
	$(PY) manage.py backup_db

restore: install
	@if [ -z "$(FILE)" ]; then echo "usage: make restore FILE=var/backups/factcheck-….dump"; exit 1; fi
	$(PY) manage.py restore_db "$(FILE)"

test: install
	$(PY) -m ruff check .
	@out=$$($(PY) manage.py makemigrations --check --dry-run 2>&1); status=$$?; \
	if [ $$status -ne 0 ]; then \
	  if grep -q '^Migrations for' <<<"$$out"; then echo "models and migrations differ: run makemigrations"; \
	  else echo "$$out"; echo "manage.py failed before it could compare models and migrations (above)"; fi; exit 1; fi
	$(PY) -m pytest -p no:cacheprovider $(PYTEST_ARGS)

lint: install
	$(PY) -m ruff check .

bench: migrate
	$(PY) manage.py bench $(BENCH_ARGS)

# Imports the seed articles into a scratch database and scores them (../shared is not part of the project);
# then the real news pages of ../shared/realpages (metadata and body figures). Each runs alone too.
.PHONY: eval-seeds eval-realpages
eval: eval-seeds eval-realpages

eval-seeds: install
	@if [ ! -d "$(SHARED)/seeds/articles" ]; then echo "$(SHARED)/seeds not found: nothing to evaluate"; else \
	  echo "== seeds: $(SHARED)/seeds/articles"; \
	  $(PY) manage.py evaluate --seeds $(SHARED)/seeds/articles --gold $(SHARED)/seeds/gold.json \
	    --scorer $(SHARED)/tools/score_extraction.py; fi

eval-realpages: install
	@if [ ! -d "$(SHARED)/realpages/pages" ]; then echo "$(SHARED)/realpages not found: nothing to evaluate"; else \
	  echo "== real pages: $(SHARED)/realpages/pages"; \
	  $(PY) manage.py evaluate --seeds $(SHARED)/realpages/pages --gold $(SHARED)/realpages/gold.json \
	    --scorer $(SHARED)/tools/score_extraction.py --database factcheck_eval_realpages; fi

clean:
	rm -rf $(VENV) var

# The long fuzz run of the importers (hypothesis): FUZZ_EXAMPLES inputs per importer, 10,000 unless given.
FUZZ_EXAMPLES ?= 10000
.PHONY: fuzz
fuzz: install
	FACTCHECK_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(PY) -m pytest -p no:cacheprovider -q tests/importers/test_fuzz.py \
	  --hypothesis-show-statistics --durations=0

# The background worker for browser imports (deployments: run one or more, on one or more machines; each
# job is taken by exactly one). WORKER_ARGS passes options, e.g. WORKER_ARGS="--interval 5".
.PHONY: worker
worker: install
	$(PY) manage.py db_worker --no-reload $(WORKER_ARGS)

# Translations of the public pages: extract into locale/de/LC_MESSAGES/django.po, then compile the .mo that is
# committed (so neither `make run` nor `make test` needs gettext). Needs gettext's xgettext/msgfmt.
LOCALE_IGNORE := --ignore=.venv --ignore=var --ignore=tests --ignore='templates/review/*' \
	--ignore='templates/imports/*' --ignore='templates/admin/*' --ignore='templates/registration/*'
.PHONY: messages
messages: install
	$(PY) manage.py makemessages -l de $(LOCALE_IGNORE)
	$(PY) manage.py compilemessages -l de --ignore=.venv
