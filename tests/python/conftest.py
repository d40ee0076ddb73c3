"""Shared helpers for the pytest suite: throwaway copies of the dbt project.

Each test module copies the project into a temporary directory, replaces seed CSVs
with its own definitions or input data, and runs the real dbt CLI against a DuckDB
file inside that directory. Nothing is mocked. Only GTM_UPDATE_GOLDEN=1 writes to the
working tree, and only the expected files of the golden test.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[2]
FIXTURES_DIR = PROJECT_ROOT / "tests" / "fixtures"

# Fixed date for recency criteria, so that within_days results do not depend on the
# day the suite runs.
AS_OF_DATE = "2026-12-01"

# Files and folders that make up the project. The virtual environment, build output,
# logs and database files are left out on purpose.
PROJECT_FILES = ["dbt_project.yml", "profiles.yml", ".dbtignore"]
PROJECT_DIRS = ["macros", "models", "seeds", "snapshots", "tests/generic", "tests/singular"]
IGNORED_NAMES = shutil.ignore_patterns(
    "*.duckdb", "*.duckdb.wal", "__pycache__", "target", "logs", "dbt_packages"
)


def read_header(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8") as handle:
        return next(csv.reader(handle))


# Column order of the demo input seeds, read from the committed CSV headers, which are
# the column order the staging models read.
DEMO_COLUMNS = {
    name: read_header(PROJECT_ROOT / "seeds" / "demo" / f"{name}.csv")
    for name in ["companies", "company_technologies", "people", "opportunities", "signals", "enrichment_answers"]
}

DEFINITION_COLUMNS = {
    "icps": ["icp_code", "icp_name", "status", "priority", "description"],
    "personas": ["icp_code", "persona_code", "persona_name", "status", "priority", "description"],
    "criteria": [
        "icp_code",
        "persona_code",
        "criterion_code",
        "mode",
        "parameter",
        "operator",
        "value",
        "min_value",
        "max_value",
        "falloff",
        "weight",
        "rationale",
    ],
    "bands": ["band_set", "band_code", "band_label", "min_value", "max_value"],
}


def find_dbt_executable() -> Path:
    """Return the dbt CLI of the project's virtual environment.

    The interpreter running pytest comes first, because the suite is meant to run with
    the project's own `.venv/bin/python`. Its sibling `dbt` is the matching CLI.
    """
    candidates = [
        Path(sys.executable).parent / "dbt",
        PROJECT_ROOT / ".venv" / "bin" / "dbt",
    ]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise FileNotFoundError(
        "dbt CLI not found next to the Python interpreter or in .venv/bin. "
        "Run `make build` once to create the virtual environment."
    )


def write_csv(path: Path, columns: list[str], rows: list[dict[str, str]]) -> None:
    """Write rows as a CSV seed with the given header. Missing keys become blank cells."""
    unknown = {key for row in rows for key in row} - set(columns)
    if unknown:
        raise ValueError(f"{path.name}: columns {sorted(unknown)} are not in the header {columns}")
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in columns})


def read_csv(path: Path) -> list[dict[str, str]]:
    """Read a CSV file into a list of dicts of text values."""
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


PROBLEM_LINE_PATTERN = re.compile(r"^\s*- (.+?)\s*$")


def listed_problems(output: str, header_pattern: re.Pattern) -> tuple[int, list[str]]:
    """Return the count in a validation error header and the problem lines listed under it.

    `header_pattern` matches the header line and captures the problem count.
    """
    lines = output.splitlines()
    for index, line in enumerate(lines):
        header = header_pattern.search(line)
        if header:
            problems = []
            for following in lines[index + 1:]:
                problem = PROBLEM_LINE_PATTERN.match(following)
                if not problem:
                    break
                problems.append(problem.group(1))
            return int(header.group(1)), problems
    raise AssertionError(f"no line matching {header_pattern.pattern!r} in the dbt output:\n{output[-4000:]}")


@dataclass
class DbtResult:
    """Exit code and combined stdout and stderr of one dbt invocation."""

    returncode: int
    output: str


class ProjectCopy:
    """A copy of the dbt project in its own directory, with its own DuckDB file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.database_path = root / "gtm.duckdb"

    @classmethod
    def create(cls, destination: Path, source: Path = PROJECT_ROOT) -> "ProjectCopy":
        """Copy the project files from `source` into `destination`, which must not exist yet."""
        destination.mkdir(parents=True)
        for name in PROJECT_FILES:
            shutil.copy2(source / name, destination / name)
        for name in PROJECT_DIRS:
            if (source / name).is_dir():
                shutil.copytree(source / name, destination / name, ignore=IGNORED_NAMES)
        return cls(destination)

    def seed_path(self, folder: str, name: str) -> Path:
        return self.root / "seeds" / folder / f"{name}.csv"

    def replace_seed(self, folder: str, name: str, rows: list[dict[str, str]], columns: list[str]) -> None:
        """Overwrite `seeds/<folder>/<name>.csv`, a seed that must already exist in the project."""
        path = self.seed_path(folder, name)
        if not path.is_file():
            raise FileNotFoundError(f"seed {path} does not exist in the project copy")
        write_csv(path, columns, rows)

    def replace_definitions(self, **tables: list[dict[str, str]]) -> None:
        """Overwrite definition seeds by name: icps, personas, criteria and bands."""
        for name, rows in tables.items():
            folder = "reference" if name == "bands" else "definitions"
            self.replace_seed(folder, name, rows, DEFINITION_COLUMNS[name])

    def replace_demo_data(self, **tables: list[dict[str, str]]) -> None:
        """Overwrite every demo input seed. A table left out of `tables` keeps only its header."""
        for name, columns in DEMO_COLUMNS.items():
            self.replace_seed("demo", name, tables.get(name, []), columns)

    def copy_seeds_from(self, directory: Path) -> None:
        """Copy every `<folder>/<name>.csv` under `directory` over the project's seeds."""
        for source in sorted(directory.glob("*/*.csv")):
            target = self.seed_path(source.parent.name, source.stem)
            if not target.is_file():
                raise FileNotFoundError(f"{source} replaces no seed of the project ({target} is missing)")
            shutil.copyfile(source, target)

    def dbt(self, *args: str, timeout: float = 300, extra_vars: dict | None = None) -> DbtResult:
        """Run the dbt CLI in this copy and return its exit code and combined output.

        `gtm_as_of_date` is always passed, so recency criteria count from AS_OF_DATE;
        `extra_vars` adds or overrides other vars.
        Anonymous usage statistics and the version check are switched off, so dbt
        contacts no other host.
        """
        environment = dict(os.environ)
        environment.update(
            {
                "DBT_PROFILES_DIR": str(self.root),
                # Relative to the working directory, which is the copy's root. The
                # profile text is then the same in every copy, so dbt accepts the
                # snapshot's partial-parse file instead of parsing from scratch.
                "GTM_DUCKDB_PATH": self.database_path.name,
                "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
                "DBT_VERSION_CHECK": "false",
                "DBT_USE_COLORS": "false",
                "DBT_LOG_PATH": str(self.root / "logs"),
                "DBT_TARGET_PATH": str(self.root / "target"),
            }
        )
        for name in ["GTM_TARGET", "GTM_SCHEMA", "GTM_THREADS", "DBT_PROJECT_DIR"]:
            environment.pop(name, None)
        dbt_vars = {"gtm_as_of_date": AS_OF_DATE, **(extra_vars or {})}
        command = [
            str(find_dbt_executable()),
            *args,
            "--vars",
            json.dumps(dbt_vars),
        ]
        completed = subprocess.run(
            command,
            cwd=self.root,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=timeout,
            check=False,
        )
        return DbtResult(completed.returncode, completed.stdout)

    def run_results(self) -> dict[str, str]:
        """Return the status of every node of the last dbt run, keyed by unique_id."""
        path = self.root / "target" / "run_results.json"
        results = json.loads(path.read_text(encoding="utf-8"))["results"]
        return {result["unique_id"]: result["status"] for result in results}

    def table_exists(self, schema: str, table: str) -> bool:
        """Return whether the DuckDB file has a table or view `schema.table`."""
        if not self.database_path.exists():
            return False
        with duckdb.connect(str(self.database_path), read_only=True) as connection:
            count = connection.execute(
                "select count(*) from information_schema.tables where table_schema = ? and table_name = ?",
                [schema, table],
            ).fetchone()[0]
        return count > 0

    def query(self, sql: str, parameters: list | None = None) -> list[dict]:
        """Run one read-only query on the DuckDB file and return rows as dicts."""
        with duckdb.connect(str(self.database_path), read_only=True) as connection:
            cursor = connection.execute(sql, parameters or [])
            columns = [description[0] for description in cursor.description]
            return [dict(zip(columns, row)) for row in cursor.fetchall()]


@dataclass
class ParsedSnapshot:
    """A copy of the project taken once per session, and the result of `dbt parse` in it."""

    project: ProjectCopy
    result: DbtResult


@pytest.fixture(scope="session")
def parsed_snapshot(tmp_path_factory) -> ParsedSnapshot:
    """Copy the working tree once and parse it, with no database file present.

    Every other copy is taken from this snapshot, so all tests of a session see the same
    project files even while the working tree changes.
    """
    project = ProjectCopy.create(tmp_path_factory.mktemp("snapshot") / "project")
    return ParsedSnapshot(project, project.dbt("parse"))


@pytest.fixture(scope="session")
def make_project(tmp_path_factory, parsed_snapshot):
    """Return a function that creates a fresh ProjectCopy from the session snapshot.

    The copy gets the snapshot's partial-parse file, so its first dbt command only
    re-parses the seeds that the test replaces, which saves a few seconds per build.
    """
    partial_parse = parsed_snapshot.project.root / "target" / "partial_parse.msgpack"

    def factory(name: str) -> ProjectCopy:
        project = ProjectCopy.create(tmp_path_factory.mktemp(name) / "project", source=parsed_snapshot.project.root)
        if partial_parse.is_file():
            (project.root / "target").mkdir()
            shutil.copy2(partial_parse, project.root / "target" / partial_parse.name)
        return project

    return factory
