"""Run the project's title classifier on a CSV file, through dbt and DuckDB.

The command-line tools classify_titles.py and match_titles.py use this module. It
loads the title seeds into a scratch DuckDB file, loads the titles of the input CSV,
and runs the dbt operation gtm_classify_titles_table, which renders the same SQL as the
int_titles__classified model. The models are therefore the only definition of how a
title is classified or matched.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TITLE_SEEDS = ["title_rules", "title_abbreviations", "title_functions"]
OUTPUT_COLUMNS = ["seniority", "functions", "is_founder", "is_owner", "is_board", "rule"]


def read_titles(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Return the header and rows of a CSV file that has a `title` column."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "title" not in reader.fieldnames:
            raise SystemExit(f"error: {path} has no `title` column; the first row must name the columns.")
        return list(reader.fieldnames), list(reader)


def run_dbt(arguments: list[str], database: Path, target_path: Path) -> None:
    environment = dict(
        os.environ,
        DBT_PROFILES_DIR=str(PROJECT_ROOT),
        GTM_DUCKDB_PATH=str(database),
        GTM_TARGET="duckdb",
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    dbt = Path(sys.executable).parent / "dbt"
    command = [str(dbt), *arguments, "--target-path", str(target_path), "--log-path", str(target_path / "logs")]
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:])
        raise SystemExit(f"error: dbt {arguments[0]} failed with exit code {result.returncode}")


def classify_titles(titles, pattern: str | None = None, mode: str | None = None) -> dict[str, dict]:
    """Classify titles with the dbt SQL in one operation; return one record per trimmed title.

    Each record has the columns of int_titles__classified (title_key, seniority,
    function_list, the flags, seniority_rule, title_signature), plus match_strength when
    a pattern and a mode are given. Blank titles are left out.
    """
    distinct_titles = sorted({title.strip() for title in titles if title and title.strip()})
    with tempfile.TemporaryDirectory(prefix="gtm_titles_") as scratch:
        scratch_path = Path(scratch)
        database = scratch_path / "titles.duckdb"
        run_dbt(["seed", "--select", *TITLE_SEEDS], database, scratch_path)

        with duckdb.connect(str(database)) as connection:
            connection.execute("create or replace table main.title_input (title varchar)")
            connection.executemany("insert into main.title_input values (?)", [[title] for title in distinct_titles])

        operation_args = {"input_relation": "main.title_input", "output_table": "main.title_output"}
        if pattern is not None:
            operation_args.update(pattern=pattern, mode=mode)
        run_dbt(["run-operation", "gtm_classify_titles_table", "--args", json.dumps(operation_args)], database, scratch_path)

        with duckdb.connect(str(database), read_only=True) as connection:
            cursor = connection.execute("select * from main.title_output")
            columns = [description[0] for description in cursor.description]
            return {record["title"]: record for record in (dict(zip(columns, values)) for values in cursor.fetchall())}


def classify_file(input_path: Path, pattern: str | None = None, mode: str | None = None) -> tuple[list[str], list[dict]]:
    """Classify the titles of a CSV file; return its header and rows with the results added.

    With a pattern and a mode, each row also gets `is_match` and `match_strength`.
    """
    header, rows = read_titles(input_path)
    classified = classify_titles((row["title"] for row in rows), pattern=pattern, mode=mode)

    # Staging trims titles before classifying them; the lookup does the same.
    results = []
    for row in rows:
        found = classified.get((row["title"] or "").strip())
        result = dict(row)
        result["seniority"] = found["seniority"] if found else ""
        result["functions"] = ";".join(code for code in (found["function_list"] or "").split("|") if code) if found else ""
        for flag in ["is_founder", "is_owner", "is_board"]:
            result[flag] = str(bool(found and found[flag])).lower()
        result["rule"] = (found["seniority_rule"] or "") if found else ""
        if pattern is not None:
            strength = float(found["match_strength"]) if found else 0.0
            result["is_match"] = str(strength > 0).lower()
            result["match_strength"] = f"{strength:g}"
        results.append(result)
    extra = OUTPUT_COLUMNS + (["is_match", "match_strength"] if pattern is not None else [])
    return header + [column for column in extra if column not in header], results


def write_rows(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
