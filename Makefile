# Värna – the single entry point. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
VAR := var
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP := $(VENV)/.dev-installed
export DJANGO_SETTINGS_MODULE := varna.web.config.settings

.PHONY: help run test lint typecheck imports rules-check unit browser-deps bench clean messages

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | column -t -s $$'\t'

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): $(VENV)/bin/python pyproject.toml requirements.lock
	$(PY) -m pip install --quiet -c requirements.lock -e .
	touch $@

$(DEV_STAMP): $(RUNTIME_STAMP) pyproject.toml requirements.lock
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev]'
	touch $@

$(VAR)/secret-key:
	mkdir -p $(VAR)
	$(PY) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	chmod 600 $@

run: $(RUNTIME_STAMP) $(VAR)/secret-key ## install, migrate SQLite, check the rule base and the organisation file, sync units, load the 2016 plans and the demo (VARNA_DEMO=false skips it), serve on 127.0.0.1:$(PORT)
	$(VENV)/bin/varna rules check
	$(VENV)/bin/varna org check $${VARNA_MUNICIPALITY_FILE:-}
	VARNA_SECRET_KEY_FILE=$(VAR)/secret-key VARNA_HTTPS=false $(PY) -m django migrate --noinput
	VARNA_SECRET_KEY_FILE=$(VAR)/secret-key VARNA_HTTPS=false $(PY) -m django collectstatic --noinput --verbosity 0
	VARNA_SECRET_KEY_FILE=$(VAR)/secret-key VARNA_HTTPS=false $(VENV)/bin/varna units sync
	@# The guideline's 2016 plans, bundled default content; loading again keeps what people changed.
	VARNA_SECRET_KEY_FILE=$(VAR)/secret-key VARNA_HTTPS=false $(VENV)/bin/varna plans load-default
	@# The fictional demo (VARNA_DEMO=false leaves it out); its logins work only from this machine.
	@if [ "$${VARNA_DEMO:-true}" != false ]; then \
		PORT=$(PORT) VARNA_SECRET_KEY_FILE=$(VAR)/secret-key VARNA_HTTPS=false $(VENV)/bin/varna demo load; fi
	@echo "Värna serves on http://127.0.0.1:$(PORT)/ – the workspace: http://127.0.0.1:$(PORT)/arbetsrum/"
	VARNA_SECRET_KEY_FILE=$(VAR)/secret-key VARNA_HTTPS=false VARNA_ALLOWED_HOSTS=127.0.0.1,localhost \
		$(VENV)/bin/gunicorn varna.web.config.wsgi --bind 127.0.0.1:$(PORT) --workers 2 --threads 4 \
		--access-logfile - --forwarded-allow-ips=""

lint: $(DEV_STAMP) ## ruff
	$(VENV)/bin/ruff check src tests bench

typecheck: $(DEV_STAMP) ## mypy (strict for the domain packages)
	VARNA_DEBUG=true $(VENV)/bin/mypy

imports: $(DEV_STAMP) ## import-linter: the domain packages never import Django
	$(VENV)/bin/lint-imports

rules-check: $(RUNTIME_STAMP) ## validate the bundled rule base and the bundled Malmö organisation file
	$(VENV)/bin/varna rules check
	$(VENV)/bin/varna org check

AXE := tests/browser/node_modules/axe-core/axe.min.js

browser-deps: ## install Debian's chromium (needs root) and axe-core (npm ci, pinned in tests/browser) when missing
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null \
			|| echo "warning: could not install chromium; browser tests will be skipped"; \
		else echo "warning: /usr/bin/chromium missing and not root; browser tests will be skipped"; fi; \
	fi
	@# axe-core: on a developer's machine a failure only skips the accessibility check; in CI it stops.
	@if [ ! -f $(AXE) ]; then \
		npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error || { \
			echo "warning: npm ci in tests/browser failed; the accessibility check will be skipped"; \
			[ "$$CI" != true ]; }; \
	fi

unit: $(DEV_STAMP) ## the test suite on SQLite, then on PostgreSQL when VARNA_TEST_DATABASE_URL is set
	$(VENV)/bin/pytest -q -p no:cacheprovider
	@if [ -n "$$VARNA_TEST_DATABASE_URL" ]; then \
		echo "== again on PostgreSQL ($$VARNA_TEST_DATABASE_URL), database-backed tests =="; \
		DATABASE_URL="$$VARNA_TEST_DATABASE_URL" $(VENV)/bin/pytest -q -p no:cacheprovider -m "not browser" tests/web; \
	fi

test: $(DEV_STAMP) browser-deps lint typecheck imports rules-check unit ## everything CI runs

bench: $(DEV_STAMP) ## measure decisions/s and API latency; de-identification beside Presidio (installs the bench extra)
	$(PY) -m pip install --quiet -c requirements.lock -e '.[dev,bench]'
	$(PY) bench/assess.py
	$(PY) bench/deid.py
	$(PY) bench/ctc.py

clean: ## remove the virtualenv and local data
	rm -rf $(VENV) $(VAR) staticfiles
