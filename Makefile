# Two entry points: `make build` (set up, build on the demo data, print the tree, publish
# the marts as read-only files) and `make test` (the whole test suite, lint included).
# Both create the virtual environment on first use and reinstall it when
# requirements.txt changes.

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

# make stops at the first failing command, so the marts are published only after a green
# dbt build.
build: $(BIN)/dbt
	$(DBT) build
	$(BIN)/python scripts/print_tree.py --database $${GTM_DUCKDB_PATH:-gtm.duckdb}
	$(BIN)/python scripts/publish_marts.py --database $${GTM_DUCKDB_PATH:-gtm.duckdb} --output $${GTM_PUBLISH_PATH:-published}

lint: $(BIN)/dbt
	$(BIN)/sqlfluff lint models analyses
	$(BIN)/python scripts/lint_compiled.py

# The suite builds throwaway copies of the project (demo data, fixture definitions,
# broken definitions, real data where ../shared/data exists) and runs both lint checks.
test: $(BIN)/dbt
	$(BIN)/python -m pytest tests/python

clean:
	rm -rf target logs gtm.duckdb published spark
