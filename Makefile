# AidHub: `make run` serves the demo on http://127.0.0.1:8000, `make test` runs the whole suite.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
# The first Python >= 3.12 on the PATH (pyenv shims included).
PYTHON ?= $(shell for candidate in python3.12 python3.13 python3.14 python3; do \
	if command -v $$candidate >/dev/null 2>&1 && $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		echo $$candidate; break; fi; done)

# Local runs: debug on, SQLite unless DATABASE_URL says otherwise. Demo organizers' two-factor code is 123456
# (allauth accepts this bypass only when DEBUG is on).
RUN_ENV := DEBUG=true MFA_TOTP_INSECURE_BYPASS_CODE=123456

# Types (mypy with django-stubs, configured in pyproject.toml; its cache in .mypy_cache). The plugin loads the
# settings, which need no secrets with DEBUG on.
MYPY := DEBUG=true $(PY) -m mypy

# Interface languages as locale folder names (zh_Hans, pt_BR), read from settings.LANGUAGES when `make messages`
# runs: adding a language means changing settings only.
UI_LANGUAGES = $(shell DEBUG=true $(PY) manage.py ui_languages)

# Python writes compiled bytecode (__pycache__, and pytest's rewritten test modules) even where the environment
# turns that off: the test run starts two workers and a dozen Python processes (servers, task workers,
# manage.py), and each would otherwise compile every module again (4 s of a core per worker just to collect).
unexport PYTHONDONTWRITEBYTECODE

.PHONY: help run test quick e2e lint typecheck format messages catalogs worker bench audit lock clean

run: $(VENV)/.installed catalogs
	$(RUN_ENV) $(PY) manage.py migrate --noinput
	$(RUN_ENV) $(PY) manage.py seed_demo
	$(RUN_ENV) $(PY) manage.py runserver 127.0.0.1:8000

help:
	@echo "make run        the demo on http://127.0.0.1:8000 (migrates and seeds a local SQLite database)"
	@echo "make test       ruff, migrations check, mypy (types), then the whole test suite"
	@echo "make quick      the same checks, then the tests that are neither browser tests nor marked slow (a few minutes less)"
	@echo "make e2e        only the browser tests"
	@echo "make lint       ruff, migrations check and mypy"
	@echo "make typecheck  only mypy"
	@echo "make format     ruff's fixes and formatting"
	@echo "make messages   extract new strings into the catalogs, then compile them"
	@echo "make worker     run queued background tasks (TASKS_BACKEND=database)"
	@echo "make bench      the load benchmark (bench/README.md)"
	@echo "make lock       recompile requirements*.txt (with hashes) from requirements*.in"
	@echo "make audit      known vulnerabilities in the pinned dependencies (needs the internet)"
	@echo "make clean      remove the virtualenv, caches and compiled catalogs"

test: lint catalogs
	$(PY) -m pytest

# While working: the checks of `make test`, then every test but the browser tests and those marked slow (pyproject.toml
# says what slow means). Not a replacement for `make test`, which CI runs: the slow tests are most of what a
# change to a template, a setting or a migration can break. The durations list names any test of a second or more
# that is not marked slow.
quick: lint catalogs
	$(PY) -m pytest -m "not e2e and not slow" --durations=10 --durations-min=1

# Only the browser tests (tests/e2e, Debian's Chromium). E2E_SCREENSHOTS=<folder> keeps a picture of every page.
e2e: $(VENV)/.installed-dev catalogs
	$(PY) -m pytest -m e2e

# Ruff, the migrations check and mypy: what `make test` and `make quick` run before the tests.
lint: $(VENV)/.installed-dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	DEBUG=true $(PY) manage.py makemigrations --check --dry-run
	$(MYPY)

# Only the type check: 0 errors, strict for aidhub/lib, services, selectors and capability rules (pyproject.toml).
typecheck: $(VENV)/.installed-dev
	$(MYPY)

format: $(VENV)/.installed-dev
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .

# Extract new strings into the catalogs (needs GNU gettext), then compile them.
messages: $(VENV)/.installed
	DEBUG=true $(PY) manage.py makemessages $(foreach lang,$(UI_LANGUAGES),-l $(lang)) --no-location --no-obsolete --no-wrap \
		--ignore ".venv/*" --ignore "staticfiles/*" --ignore "tests/*" --ignore "bench/*"
	# English is the source: its translation is the text itself.
	msgattrib --clear-fuzzy --empty --no-wrap locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po
	msgen --no-wrap locale/en/LC_MESSAGES/django.po -o locale/en/LC_MESSAGES/django.po
	$(MAKE) catalogs

# Compile .po into .mo in pure Python: works on machines without gettext.
catalogs: $(VENV)/.installed
	DEBUG=true $(PY) manage.py compile_catalogs

# Runs queued background tasks (emails, text messages) when TASKS_BACKEND=database.
worker: $(VENV)/.installed
	$(RUN_ENV) $(PY) manage.py db_worker

# The benchmark (bench/README.md): AidHub and a bare Django ceiling under wrk, at two scales, on PostgreSQL and
# Redis at 127.0.0.1 (databases aidhub_bench_*, Redis database 5). About 12 minutes on 2 cores.
bench: $(VENV)/.installed
	@command -v wrk >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; } || \
		{ echo "make bench needs wrk (Debian: apt-get install wrk)"; exit 1; }
	$(PY) bench/run.py

$(VENV)/bin/python:
	@if [ -z "$(PYTHON)" ]; then \
		echo "AidHub needs Python 3.12 or newer, and none was found on the PATH."; \
		echo "Install it (for example with pyenv: 'pyenv install 3.12'), then run make again."; \
		exit 1; fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Every package at the version and with the hashes of the lock files: what CI tested is what gets installed.
$(VENV)/.installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	touch $@ $(VENV)/.installed

# Recompiles the lock files (needs the internet) after a pin changed in requirements.in or requirements-dev.in;
# commit the four files together. Pulled-in packages keep their versions unless asked:
# `make lock LOCK_ARGS="--upgrade-package NAME"` (or `--upgrade` for all of them).
LOCK = CUSTOM_COMPILE_COMMAND="make lock" $(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe \
	--strip-extras --no-emit-index-url --no-emit-find-links $(LOCK_ARGS)
lock: $(VENV)/.installed-dev
	$(LOCK) -o requirements.txt requirements.in
	$(LOCK) -o requirements-dev.txt requirements-dev.in

# Release step (needs the internet): known vulnerabilities in the pinned dependencies (requirements-dev.txt holds
# every package of requirements.txt too, at the same versions).
audit:
	$(PYTHON) -m venv .venv-audit && .venv-audit/bin/python -m pip install --quiet pip-audit==2.10.1
	.venv-audit/bin/pip-audit --requirement requirements-dev.txt --require-hashes --no-deps --strict

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache .mypy_cache
	find . -name '*.mo' -path './locale/*' -delete
