# Credit management suite for Odoo 18 — developer commands. See README.md.
PYTHON ?= python3
ADDONS := credit_management credit_management_collections credit_management_hr_appraisal

.PHONY: help demo stop test lint format bench pot wheels

help:
	@echo "make demo   - serve the demo database (credit_demo) on http://localhost:8069"
	@echo "make stop   - stop the demo database cluster"
	@echo "make test   - run every test in a throwaway database (MODULES=..., TEST_TAGS=... to narrow)"
	@echo "make lint   - ruff (format + lint) and pylint-odoo mandatory checks"
	@echo "make pot    - export i18n/<module>.pot and merge new terms into i18n/zh_CN.po"
	@echo "make bench  - speed benchmarks on a throwaway database"

demo:
	$(PYTHON) tests/harness.py demo

stop:
	$(PYTHON) tests/harness.py stop

test:
	$(PYTHON) tests/harness.py test

lint:
	ruff format --check $(ADDONS) tests setup
	ruff check $(ADDONS) tests setup
	$(PYTHON) -m pylint --rcfile=.pylintrc-mandatory $(ADDONS)

format:
	ruff format $(ADDONS) tests setup
	ruff check --fix $(ADDONS) tests setup

pot:
	$(PYTHON) tests/harness.py pot

bench:
	$(PYTHON) tests/harness.py bench

wheels:
	for a in $(ADDONS) setup/_metapackage; do $(PYTHON) -m pip wheel --no-deps -w dist ./$$a || exit 1; done
