# Two entry points: `make build` (set up, build on the demo data, print the tree) and
# `make test` (the whole test suite, lint included). Both create the virtual environment
# on first use.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
DBT := $(BIN)/dbt
export DBT_PROFILES_DIR := $(CURDIR)

.PHONY: build test lint dbt-test pytest clean

$(BIN)/dbt: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $(BIN)/dbt

build: $(BIN)/dbt
	$(DBT) build
	$(BIN)/python scripts/print_tree.py --database $${GTM_DUCKDB_PATH:-gtm.duckdb}

lint: $(BIN)/dbt
	$(BIN)/sqlfluff lint models analyses
	$(BIN)/python scripts/lint_compiled.py

test: $(BIN)/dbt
	$(BIN)/python -m pytest tests/python
	$(MAKE) lint

clean:
	rm -rf target logs gtm.duckdb
