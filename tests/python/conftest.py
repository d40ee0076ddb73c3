"""Shared helpers for the pytest suite: throwaway copies of the dbt project.

Each test module copies the project into a temporary directory, replaces seed CSVs
with its own definitions or input data, and runs the real dbt CLI against a real
database: a DuckDB file inside that directory, a database of its own on a PostgreSQL
server on loopback, or a Spark warehouse and metastore inside that directory (a local
PySpark session in the dbt process). Nothing is mocked. Only GTM_UPDATE_GOLDEN=1 writes to
the working tree, and only the expected files of the golden test.

GTM_TEST_ENGINES (comma-separated, default `duckdb,postgres,spark`) chooses the engines of
the tests that run on every engine. The tests use the PostgreSQL server that the GTM_PG_*
variables name when it accepts connections. Otherwise scripts/postgres_server.sh starts a
throwaway one for the session and stops it afterwards. Spark needs Java 17 on the PATH.
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
import psycopg2
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

ENGINES = tuple(
    engine.strip() for engine in os.environ.get("GTM_TEST_ENGINES", "duckdb,postgres,spark").split(",") if engine.strip()
)
SUPPORTED_ENGINES = ("duckdb", "postgres", "spark")
_unknown_engines = sorted(set(ENGINES) - set(SUPPORTED_ENGINES))
if _unknown_engines:
    raise ValueError(
        f"GTM_TEST_ENGINES names unknown engines {_unknown_engines}; use a comma-separated list of {SUPPORTED_ENGINES}"
    )

POSTGRES_SERVER_SCRIPT = PROJECT_ROOT / "scripts" / "postgres_server.sh"
POSTGRES_VARIABLES = ("GTM_PG_HOST", "GTM_PG_PORT", "GTM_PG_USER", "GTM_PG_PASSWORD")

# Folder of a copy's Spark warehouse and metastore, relative to the copy's root, where
# dbt runs. A relative path keeps the profile text the same in every copy.
SPARK_DIR = "spark"
# A dbt command on Spark starts a JVM and plans every query there: the demo build takes
# several times as long as on DuckDB, so time limits are scaled by this factor.
SPARK_TIMEOUT_FACTOR = 4


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


def postgres_settings() -> dict[str, str]:
    """Return the GTM_PG_* connection settings of the test server, read from the environment."""
    settings = {name: os.environ[name] for name in POSTGRES_VARIABLES if name in os.environ}
    missing = sorted(set(POSTGRES_VARIABLES) - set(settings))
    if missing:
        raise RuntimeError(f"PostgreSQL test server not configured: {', '.join(missing)} not set")
    return settings


def postgres_connect(database: str) -> "psycopg2.extensions.connection":
    settings = postgres_settings()
    return psycopg2.connect(
        host=settings["GTM_PG_HOST"],
        port=int(settings["GTM_PG_PORT"]),
        user=settings["GTM_PG_USER"],
        password=settings["GTM_PG_PASSWORD"],
        dbname=database,
        connect_timeout=5,
    )


def postgres_accepts_connections() -> bool:
    try:
        postgres_connect("postgres").close()
    except (RuntimeError, psycopg2.OperationalError):
        return False
    return True


class ProjectCopy:
    """A copy of the dbt project in its own directory, with its own database.

    On DuckDB the database is the file gtm.duckdb in the copy. On PostgreSQL it is a
    database named after the copy's directory, created on the test server, so every
    copy keeps the schema names of a user's build (`main`, `main_demo`, ...). On Spark
    it is the warehouse and Derby metastore under `spark/` in the copy.
    """

    def __init__(self, root: Path, engine: str = "duckdb") -> None:
        if engine not in SUPPORTED_ENGINES:
            raise ValueError(f"unknown engine {engine!r}; expected one of {SUPPORTED_ENGINES}")
        self.root = root
        self.engine = engine
        self.database_path = root / "gtm.duckdb"
        self.spark_warehouse = root / SPARK_DIR / "warehouse"
        # Temporary directory names are unique within a test session, and the process id
        # separates sessions that share one server, so each copy gets a database of its own.
        directory = re.sub(r"[^a-z0-9]+", "_", root.parent.name.lower())[:40]
        self.postgres_database = f"gtm_{directory}_{os.getpid()}"

    @classmethod
    def create(cls, destination: Path, source: Path = PROJECT_ROOT, engine: str = "duckdb") -> "ProjectCopy":
        """Copy the project files from `source` into `destination`, which must not exist yet.

        On PostgreSQL the copy's database is created, empty, on the test server.
        """
        destination.mkdir(parents=True)
        for name in PROJECT_FILES:
            shutil.copy2(source / name, destination / name)
        for name in PROJECT_DIRS:
            if (source / name).is_dir():
                shutil.copytree(source / name, destination / name, ignore=IGNORED_NAMES)
        project = cls(destination, engine)
        if engine == "postgres":
            project.create_postgres_database()
        return project

    def create_postgres_database(self) -> None:
        connection = postgres_connect("postgres")
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(f'drop database if exists "{self.postgres_database}"')
                cursor.execute(f'create database "{self.postgres_database}"')
        finally:
            connection.close()

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

    def dbt(
        self, *args: str, timeout: float = 300, extra_vars: dict | None = None, extra_env: dict | None = None
    ) -> DbtResult:
        """Run the dbt CLI in this copy and return its exit code and combined output.

        `gtm_as_of_date` is always passed, so recency criteria count from AS_OF_DATE;
        `extra_vars` adds or overrides other vars, and `extra_env` sets environment
        variables such as GTM_BI_ROLES.
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
        for name in [
            "GTM_TARGET",
            "GTM_SCHEMA",
            "GTM_THREADS",
            "DBT_PROJECT_DIR",
            "GTM_PG_DATABASE",
            "GTM_BI_ROLES",
            "GTM_CANDIDATE_SCORES_MATERIALIZED",
            "GTM_SCORE_BREAKDOWN_MATERIALIZED",
        ]:
            environment.pop(name, None)
        environment.update(extra_env or {})
        environment["GTM_TARGET"] = self.engine
        if self.engine == "postgres":
            environment.update(postgres_settings())
            environment["GTM_PG_DATABASE"] = self.postgres_database
        if self.engine == "spark":
            # The tests read Spark's tables through their Parquet files, and a view has
            # none, so candidate_scores and score_breakdown are stored as tables.
            environment.update(
                {
                    "GTM_SPARK_DIR": SPARK_DIR,
                    "SPARK_LOCAL_IP": "127.0.0.1",
                    "GTM_CANDIDATE_SCORES_MATERIALIZED": "table",
                    "GTM_SCORE_BREAKDOWN_MATERIALIZED": "table",
                }
            )
            timeout *= SPARK_TIMEOUT_FACTOR
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
        """Return whether the copy's database has a table or view `schema.table`."""
        if self.engine == "duckdb" and not self.database_path.exists():
            return False
        if self.engine == "spark" and not self.spark_warehouse.exists():
            return False
        [row] = self.query(
            "select count(*) as tables from information_schema.tables where table_schema = ? and table_name = ?",
            [schema, table],
        )
        return row["tables"] > 0

    def query(self, sql: str, parameters: list | None = None) -> list[dict]:
        """Run one read-only query on the copy's database and return rows as dicts.

        Parameters are written `?`, as DuckDB takes them. On PostgreSQL they become
        `%s`, so a query must contain no other `?` or `%`. On Spark the query runs in
        DuckDB over the Parquet files of the copy's Spark tables (see spark_views).
        """
        if self.engine == "postgres":
            connection = postgres_connect(self.postgres_database)
            connection.set_session(readonly=True)
            try:
                with connection.cursor() as cursor:
                    cursor.execute(sql.replace("?", "%s"), parameters or None)
                    return fetch_dicts(cursor)
            finally:
                connection.close()
        if self.engine == "spark":
            with duckdb.connect() as connection:
                for statement in self.spark_views():
                    connection.execute(statement)
                return fetch_dicts(connection.execute(sql, parameters or []))
        with duckdb.connect(str(self.database_path), read_only=True) as connection:
            return fetch_dicts(connection.execute(sql, parameters or []))

    def spark_views(self) -> list[str]:
        """Return DuckDB statements that expose each table of the copy's Spark warehouse.

        Spark keeps a managed Parquet table `schema.table` in the folder
        `<warehouse>/<schema>.db/<table>/`, and writes at least one Parquet file even for an
        empty table. Views (the staging models) have no files and are not exposed; reading
        them needs Spark itself.
        """
        statements = []
        for schema_dir in sorted(self.spark_warehouse.glob("*.db")):
            schema = schema_dir.name.removesuffix(".db")
            statements.append(f'create schema if not exists "{schema}"')
            for table_dir in sorted(path for path in schema_dir.iterdir() if any(path.glob("*.parquet"))):
                files = str(table_dir / "*.parquet").replace("'", "''")
                statements.append(f'create view "{schema}"."{table_dir.name}" as select * from read_parquet(\'{files}\')')
        return statements


def fetch_dicts(cursor) -> list[dict]:
    """Return the rows of an executed DB-API cursor as dicts keyed by column name."""
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
def postgres_server():
    """Make sure a PostgreSQL server accepts connections at the GTM_PG_* settings, for the session.

    A server that already accepts connections, at the GTM_PG_* settings or else at the
    defaults of scripts/postgres_server.sh, is used as it is and left running. Otherwise
    the script starts one on loopback (installing PostgreSQL from the Debian packages
    when it runs as root and the server is missing), and the session stops that one at
    the end.
    """
    if postgres_accepts_connections():
        yield postgres_settings()
        return

    exports = subprocess.run(
        ["bash", str(POSTGRES_SERVER_SCRIPT), "env"], capture_output=True, text=True, check=True
    ).stdout
    previous = {name: os.environ.get(name) for name in POSTGRES_VARIABLES}
    for assignment in exports.split()[1:]:
        name, _, value = assignment.partition("=")
        if name in POSTGRES_VARIABLES:
            os.environ[name] = value

    started_here = not postgres_accepts_connections()
    if started_here:
        started = subprocess.run(
            ["bash", str(POSTGRES_SERVER_SCRIPT), "start"], capture_output=True, text=True, check=False
        )
        if started.returncode != 0:
            raise RuntimeError(f"could not start the PostgreSQL test server:\n{started.stdout}{started.stderr}")
    try:
        yield postgres_settings()
    finally:
        if started_here:
            subprocess.run(["bash", str(POSTGRES_SERVER_SCRIPT), "stop"], capture_output=True, check=False)
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture(params=ENGINES, scope="module")
def engine(request) -> str:
    """The engine of a module's project copies: each test module runs once per engine."""
    if request.param == "postgres":
        request.getfixturevalue("postgres_server")
    if request.param == "spark" and shutil.which("java") is None:
        raise RuntimeError("Spark needs Java 17 on the PATH: run `apt-get install openjdk-17-jre-headless`")
    return request.param


@pytest.fixture(scope="session")
def make_project(tmp_path_factory, parsed_snapshot):
    """Return a function that creates a fresh ProjectCopy from the session snapshot.

    The copy gets the snapshot's partial-parse file, so its first dbt command only
    re-parses the seeds that the test replaces, which saves a few seconds per build.
    A PostgreSQL copy needs the postgres_server fixture active (the engine fixture
    takes care of that).
    """
    partial_parse = parsed_snapshot.project.root / "target" / "partial_parse.msgpack"

    def factory(name: str, engine: str = "duckdb") -> ProjectCopy:
        project = ProjectCopy.create(
            tmp_path_factory.mktemp(name) / "project", source=parsed_snapshot.project.root, engine=engine
        )
        if partial_parse.is_file():
            (project.root / "target").mkdir()
            shutil.copy2(partial_parse, project.root / "target" / partial_parse.name)
        return project

    return factory


@pytest.fixture(scope="session")
def demo_builds(make_project, request):
    """Return a function that builds the demo project once per engine and caches the build.

    The demo data is scored as of its snapshot date, as `make build` does. The same
    build serves the demo tests of each engine and the cross-engine comparison.
    """
    builds: dict[str, tuple[ProjectCopy, DbtResult]] = {}

    def build(engine: str) -> tuple[ProjectCopy, DbtResult]:
        if engine not in builds:
            if engine == "postgres":
                request.getfixturevalue("postgres_server")
            project = make_project(f"demo_build_{engine}", engine)
            builds[engine] = (project, project.dbt("build", timeout=900, extra_vars={"gtm_as_of_date": ""}))
        return builds[engine]

    return build
