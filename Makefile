# Credit management suite for Odoo 18 — developer commands. See README.md.
VENV ?= .venv
PYTHON ?= $(VENV)/bin/python
ADDONS := credit_management credit_management_collections credit_management_hr_appraisal

.PHONY: help setup demo stop test lint format bench pot wheels compat reliability

help:
	@echo "make setup  - install what the project needs (Debian packages, Odoo 18, .venv); run by demo and test"
	@echo "make demo   - serve the demo database (credit_demo) on http://localhost:8069"
	@echo "make stop   - stop the demo database cluster"
	@echo "make test   - run every test in a throwaway database (MODULES=..., TEST_TAGS=... to narrow)"
	@echo "make lint   - ruff (format + lint) and pylint-odoo mandatory checks"
	@echo "make pot    - export i18n/<module>.pot and merge new terms into i18n/zh_CN.po"
	@echo "make bench  - speed benchmarks on a throwaway database"
	@echo "make compat - Odoo's own sale, sale_management, sale_stock, account_payment, portal tests"
	@echo "              with the modules installed (known failures: tests/compat_known_failures.txt)"
	@echo "make reliability - real servers (prefork, two servers, cron) on a throwaway database"

setup:
	CREDIT_VENV=$(VENV) setup/bootstrap.sh

demo: setup
	$(PYTHON) tests/harness.py demo

stop:
	$(PYTHON) tests/harness.py stop

test: setup
	$(PYTHON) tests/harness.py test

lint: setup
	$(VENV)/bin/ruff format --check $(ADDONS) tests setup
	$(VENV)/bin/ruff check $(ADDONS) tests setup
	$(PYTHON) -m pylint --rcfile=.pylintrc-mandatory $(ADDONS)

format:
	$(VENV)/bin/ruff format $(ADDONS) tests setup
	$(VENV)/bin/ruff check --fix $(ADDONS) tests setup

pot: setup
	$(PYTHON) tests/harness.py pot

bench: setup
	$(PYTHON) tests/harness.py bench

compat: setup
	$(PYTHON) tests/harness.py compat

reliability: setup
	$(PYTHON) tests/harness.py reliability

wheels:
	for a in $(ADDONS) setup/_metapackage; do $(PYTHON) -m pip wheel --no-deps -w dist ./$$a || exit 1; done
