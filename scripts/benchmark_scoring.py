"""Benchmark ICP and Persona scoring: the dbt build against a DuckDB query and pandas.

One invocation:

1. copies the project into a work folder, writes the benchmark definitions of
   scripts/benchmark_workload.py (10 ICPs, 8 live, with 5 Personas each) into the copy's
   seeds, and generates the input tables with scripts/generate_benchmark_data.py;
2. (a) runs `dbt build` of the copy on those tables and reads per-model times from
   target/run_results.json;
3. (b) runs one DuckDB SQL script, written for this benchmark without the dbt macros,
   that computes the company and person assignments (icp_code, icp_score,
   persona_code, persona_score) from the same input tables. This is the engine's limit
   for the work;
4. (c) computes the same assignments with pandas (default string dtype) from Parquet
   copies of the same tables. (b) and (c) run --reference-runs times each (default 3)
   and the fastest run counts, because on a 2-CPU AMD EPYC machine one run of (b) took
   22 s where the next three took 17 to 18 s. The peak RSS printed for (b) and (c) is
   the highest of their runs;
5. checks that (a), (b) and (c) agree row for row, scores compared to two decimals, and
   prints wall times, peak resident memory (ru_maxrss of each child process), people
   per second, the ratios and MET / NOT MET for each target;
6. unless --no-scaling-run, repeats the build at a tenth of the people, for the
   scaling target.

Both (b) and (c) take each person's title classification (title key, seniority,
functions, role signature) from the int_titles__classified table that (a) built. So
they do not classify titles themselves, and the dbt times they are compared with leave
that model out. They also take the generated values as written (trimmed NFC text, ISO
country codes, numbers, USD revenue and unique ids), so they skip the cleaning that the
staging models do.

Usage:
    python scripts/benchmark_scoring.py --people 5000000 --work-dir /tmp/gtm-benchmark
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

import benchmark_workload as workload
from benchmark_workload import Definition

REPO_ROOT = Path(__file__).resolve().parent.parent
SCRIPTS_DIR = REPO_ROOT / "scripts"
AS_OF_DATE = "2026-12-01"
PROJECT_FILES = ["dbt_project.yml", "profiles.yml", ".dbtignore"]
PROJECT_DIRS = ["macros", "models", "seeds", "tests/generic", "tests/singular"]
IGNORED_NAMES = shutil.ignore_patterns("*.duckdb", "*.duckdb.wal", "__pycache__", "target", "logs")
INPUT_TABLES = ["companies", "company_technologies", "people", "opportunities", "signals"]

# The models on the path from the input tables to company_fit and person_fit, apart
# from title classification (which (b) and (c) read from the build). Staging models
# are views, so their work happens inside these.
SCORING_MODELS = [
    "int_companies__features",
    "int_companies__icp_scores",
    "int_companies__icp_ranked",
    "company_fit",
    "int_people__features",
    "int_people__persona_scores",
    "int_people__persona_ranked",
    "person_fit",
]

# Limits of the targets that the report checks.
SCORING_TO_SQL_MAX = 1.25
BUILD_TO_SQL_MAX = 4.0
PANDAS_TO_SCORING_MIN = 3.0
BUILD_RSS_MAX_BYTES = 4 * 1024**3
SCALING_MAX = 12.0


@dataclass
class ChildRun:
    """Wall time, peak resident memory and output of one child process."""

    seconds: float
    max_rss_bytes: int
    output: str


def run_child(command: list[str], cwd: Path, environment: dict[str, str] | None = None) -> ChildRun:
    """Run a command and return its wall time and peak RSS; raise when it fails."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as output:
        process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=output, stderr=subprocess.STDOUT, text=True)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - started
        output.seek(0)
        text = output.read()
    if process.returncode != 0:
        raise RuntimeError(f"command failed with exit code {process.returncode}: {' '.join(command)}\n{text[-4000:]}")
    # ru_maxrss is in kilobytes on Linux.
    return ChildRun(seconds, usage.ru_maxrss * 1024, text)


def copy_project(destination: Path) -> None:
    destination.mkdir(parents=True)
    for name in PROJECT_FILES:
        shutil.copy2(REPO_ROOT / name, destination / name)
    for name in PROJECT_DIRS:
        shutil.copytree(REPO_ROOT / name, destination / name, ignore=IGNORED_NAMES)
    workload.write_definition_seeds(destination / "seeds" / "definitions")


def generate_inputs(project: Path, people: int, people_per_company: int, data_dir: Path | None) -> ChildRun:
    command = [
        sys.executable,
        str(SCRIPTS_DIR / "generate_benchmark_data.py"),
        "--database", str(project / "gtm.duckdb"),
        "--companies", str(max(1, people // people_per_company)),
        "--people-per-company", str(people_per_company),
        "--as-of-date", AS_OF_DATE,
    ]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return run_child(command, cwd=project)


def dbt_executable() -> str:
    candidate = Path(sys.executable).parent / "dbt"
    if not candidate.is_file():
        raise FileNotFoundError(f"dbt not found next to {sys.executable}; run `make build` once to create .venv")
    return str(candidate)


def run_dbt_build(project: Path, dbt_threads: int) -> ChildRun:
    environment = dict(os.environ)
    environment.update({
        "DBT_PROFILES_DIR": str(project),
        "GTM_DUCKDB_PATH": "gtm.duckdb",
        "GTM_THREADS": str(dbt_threads),
        "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
        "DBT_VERSION_CHECK": "false",
        "DBT_USE_COLORS": "false",
    })
    for name in ["GTM_TARGET", "GTM_SCHEMA", "DBT_PROJECT_DIR", "DBT_TARGET_PATH", "DBT_LOG_PATH"]:
        environment.pop(name, None)
    dbt_vars = {"gtm_use_demo_data": False, "gtm_source_schema": "raw", "gtm_as_of_date": AS_OF_DATE}
    command = [dbt_executable(), "build", "--exclude", "tag:demo", "--vars", json.dumps(dbt_vars)]
    return run_child(command, cwd=project, environment=environment)


def read_run_results(project: Path) -> list[dict]:
    return json.loads((project / "target" / "run_results.json").read_text(encoding="utf-8"))["results"]


def node_interval(result: dict) -> tuple[float, float] | None:
    """Return the (start, end) of a node's compile and execute steps as epoch seconds."""
    from datetime import datetime

    stamps = [
        datetime.fromisoformat(step[key].replace("Z", "+00:00")).timestamp()
        for step in result.get("timing", [])
        for key in ("started_at", "completed_at")
        if step.get(key)
    ]
    return (min(stamps), max(stamps)) if stamps else None


def covered_seconds(intervals: list[tuple[float, float]]) -> float:
    """Return the length of the union of intervals."""
    total, current_start, current_end = 0.0, None, None
    for start, end in sorted(intervals):
        if current_end is None or start > current_end:
            if current_end is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_end is not None:
        total += current_end - current_start
    return total


def summarize_build(project: Path, build: ChildRun) -> dict:
    """Return the model times of a build and its wall time without the tests.

    The time without tests is the build's wall time less the stretches in which only
    tests ran (two threads can run a test beside a model, and that time stays in).
    """
    results = read_run_results(project)
    model_seconds = {}
    test_intervals, other_intervals = [], []
    for result in results:
        unique_id = result["unique_id"]
        interval = node_interval(result)
        if unique_id.startswith(("test.", "unit_test.")):
            if interval:
                test_intervals.append(interval)
            continue
        if interval:
            other_intervals.append(interval)
        if unique_id.startswith("model."):
            model_seconds[unique_id.split(".")[-1]] = result["execution_time"]
    test_only = covered_seconds(test_intervals + other_intervals) - covered_seconds(other_intervals)
    return {
        "build_seconds": build.seconds,
        "build_without_tests_seconds": build.seconds - test_only,
        "build_max_rss_bytes": build.max_rss_bytes,
        "model_seconds": model_seconds,
        "scoring_seconds": sum(model_seconds.get(name, 0.0) for name in SCORING_MODELS),
        "failed_nodes": [r["unique_id"] for r in results if r["status"] not in ("success", "pass", "no-op")],
    }


def export_parquet(project: Path, folder: Path) -> None:
    """Copy the input tables and the classified titles to Parquet files for pandas."""
    folder.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(project / "gtm.duckdb"), read_only=True) as connection:
        for table in INPUT_TABLES:
            connection.execute(f"copy raw.{table} to '{folder / table}.parquet' (format parquet)")
        connection.execute(
            "copy (select title, title_key, title_signature, seniority, function_list from main.int_titles__classified)"
            f" to '{folder / 'titles'}.parquet' (format parquet)"
        )
        connection.execute(
            f"copy (select country_code, region, sub_region from main_reference.countries) to '{folder / 'countries'}.parquet' (format parquet)"
        )


# --- (b) DuckDB SQL ---------------------------------------------------------------------


def ordered_live(definitions: list[Definition]) -> list[Definition]:
    """Live definitions in tie-break order: priority, then code (Personas grouped by ICP first)."""
    return sorted(
        (d for d in definitions if d.status == "live"),
        key=lambda d: (d.icp_code if d.persona_code else "", d.priority, d.code),
    )


def sql_sort_key(definition: Definition, ordinal: int, bands) -> str:
    """Return an integer expression that sorts a record's candidates like the tie rule.

    The key is score cents x 1000 + (999 - ordinal), so the largest key has the highest
    score and, among equal scores, the definition that comes first in ordered_live
    (lower priority, then smaller code). It is NULL when a gate fails.
    """
    gates = []
    for criterion in definition.criteria:
        strength = workload.sql_strength(criterion, bands)
        if criterion.mode == "filter":
            gates.append(f"coalesce(({strength}) = 1, false)")
        elif criterion.mode == "exclude":
            gates.append(f"not coalesce(({strength}) = 1, false)")
    scored = [k for k in definition.criteria if k.mode == "score"]
    total = sum(k.weight for k in scored)
    if total == 0:
        cents = "10000"
    else:
        points = " + ".join(f"{k.weight!r} * coalesce({workload.sql_strength(k, bands)}, 0)" for k in scored)
        cents = f"cast(round(cast(100.0 * ({points}) / {total!r} as decimal(28, 6)), 2) * 100 as bigint)"
    condition = " and ".join(gates) or "true"
    return f"case when {condition} then {cents} * 1000 + {999 - ordinal} end"


def reference_sql(bands) -> str:
    """Return the DuckDB SQL script of (b), ending in two tables in schema reference_sql."""
    icps, personas = workload.workload_definitions()
    live_icps = ordered_live(icps)
    live_icp_codes = {icp.code for icp in live_icps}
    live_personas = [p for p in ordered_live(personas) if p.icp_code in live_icp_codes]
    technologies = workload.technology_values(icps)
    as_of = f"date '{AS_OF_DATE}'"

    technology_flags = ",\n            ".join(
        f"bool_or(lower(technology) = {workload.quote(' '.join(t.lower().split()))}) as {workload.technology_flag_column(t)}"
        for t in technologies
    )
    icp_keys = ",\n            ".join(sql_sort_key(icp, number, bands) for number, icp in enumerate(live_icps))
    icp_codes = ", ".join(workload.quote(icp.code) for icp in live_icps)

    persona_branches = []
    for icp in live_icps:
        keys = [
            sql_sort_key(persona, number, bands)
            for number, persona in enumerate(live_personas)
            if persona.icp_code == icp.code
        ]
        if keys:
            persona_branches.append(f"when {workload.quote(icp.code)} then greatest(\n                {', '.join(keys)})")
    persona_codes = ", ".join(workload.quote(p.code) for p in live_personas)
    recency = ",\n            ".join(
        f"min(date_diff('day', cast(occurred_at as date), {as_of})) filter (where signal_type = {workload.quote(signal_type)}) as {parameter}"
        for parameter, signal_type in workload.RECENCY_SIGNAL_TYPES.items()
        if parameter != "days_since_funding_announced"
    )
    return f"""
create schema if not exists reference_sql;

create or replace table reference_sql.company_assignments as
with
countries as (
    select lower(country_code) as country_key, country_code, region, sub_region
    from main_reference.countries
),
technology_flags as (
    select
        company_id,
        true as technologies,
        {technology_flags}
    from raw.company_technologies
    where company_id is not null and technology is not null
    group by company_id
),
pipeline as (
    select distinct company_id from raw.opportunities where company_id is not null
),
funding as (
    select
        company_id,
        min(date_diff('day', cast(occurred_at as date), {as_of})) as days_since_funding_announced
    from raw.signals
    where person_id is null and company_id is not null and signal_type = 'funding_announced'
        and cast(occurred_at as date) <= {as_of}
    group by company_id
),
features as (
    select
        companies.company_id,
        companies.industry,
        companies.employee_count,
        companies.annual_revenue,
        countries.country_code,
        countries.region,
        countries.sub_region,
        companies.funding_stage,
        100.0 * companies.open_roles / nullif(companies.employee_count, 0) as hiring_velocity,
        companies.net_new_headcount_12m,
        pipeline.company_id is not null as has_past_pipeline,
        case when companies.customer_status in ('customer', 'churned', 'prospect')
            then companies.customer_status = 'customer' end as is_current_customer,
        case when companies.customer_status in ('customer', 'churned', 'prospect')
            then companies.customer_status = 'churned' end as is_churned,
        funding.days_since_funding_announced,
        technology_flags.* exclude (company_id)
    from raw.companies as companies
    left join countries on lower(companies.country) = countries.country_key
    left join pipeline on companies.company_id = pipeline.company_id
    left join funding on companies.company_id = funding.company_id
    left join technology_flags on companies.company_id = technology_flags.company_id
    where companies.company_id is not null
),
best as (
    select
        company_id,
        greatest(
            {icp_keys}
        ) as best_key
    from features
)
select
    company_id,
    [{icp_codes}][1000 - best_key % 1000] as icp_code,
    (best_key // 1000) / 100.0 as icp_score
from best;

create or replace table reference_sql.person_assignments as
with
countries as (
    select lower(country_code) as country_key, country_code, region
    from main_reference.countries
),
person_signals as (
    select
        person_id,
        {recency}
    from raw.signals
    where person_id is not null and cast(occurred_at as date) <= {as_of}
    group by person_id
),
features as (
    select
        people.person_id,
        people.company_id,
        assignments.company_id is not null as has_company,
        assignments.icp_code as assigned_icp_code,
        assignments.icp_score,
        titles.title_key,
        titles.title_signature,
        titles.seniority,
        titles.function_list,
        countries.country_code,
        countries.region,
        people.years_of_experience,
        people.years_in_current_role,
        person_signals.* exclude (person_id)
    from raw.people as people
    left join main.int_titles__classified as titles on people.title = titles.title
    left join countries on lower(people.country) = countries.country_key
    left join person_signals on people.person_id = person_signals.person_id
    left join reference_sql.company_assignments as assignments on people.company_id = assignments.company_id
    where people.person_id is not null
),
best as (
    select
        person_id,
        company_id,
        has_company,
        assigned_icp_code,
        icp_score,
        case assigned_icp_code
            {chr(10).join('            ' + branch for branch in persona_branches).strip()}
        end as best_key
    from features
)
select
    person_id,
    company_id,
    assigned_icp_code as icp_code,
    icp_score,
    [{persona_codes}][1000 - best_key % 1000] as persona_code,
    (best_key // 1000) / 100.0 as persona_score,
    case
        when not has_company then 'no_company'
        when assigned_icp_code is null then 'no_icp_fit'
        when best_key is null then 'no_persona_fit'
        else 'qualified'
    end as qualification_status
from best;
"""


def run_reference_sql(database: Path, sql_path: Path) -> float:
    # DuckDB's default thread count (one per core), as in the dbt build's connection.
    with duckdb.connect(str(database)) as connection:
        started = time.perf_counter()
        connection.execute(sql_path.read_text(encoding="utf-8"))
        return time.perf_counter() - started


# --- (c) pandas --------------------------------------------------------------------------


def pandas_best(frame, definitions: list[Definition], key_column: str, bands, scope_column: str | None = None):
    """Return the best live candidate per record as a DataFrame (key, code, cents).

    Every definition is scored on every record of its scope, gated-out records are
    dropped, and the candidates are sorted by score, priority and code.
    """
    import numpy as np
    import pandas as pd

    candidates = []
    for definition in definitions:
        scope = frame if scope_column is None else frame[frame[scope_column] == definition.icp_code]
        if scope.empty:
            continue
        passed = pd.Series(True, index=scope.index)
        points = pd.Series(0.0, index=scope.index)
        for criterion in definition.criteria:
            strength = workload.pandas_strength(criterion, scope, bands)
            if criterion.mode == "filter":
                passed &= strength == 1
            elif criterion.mode == "exclude":
                passed &= ~(strength == 1)
            else:
                points += criterion.weight * strength.fillna(0.0)
        total = sum(k.weight for k in definition.criteria if k.mode == "score")
        if total == 0:
            cents = pd.Series(10000, index=scope.index)
        else:
            # The same rounding as the dbt models: to 6 decimals, then half up to 2.
            micro = np.rint(100.0 * points.to_numpy() / total * 1e6).astype("int64")
            cents = pd.Series((micro + 5000) // 10000, index=scope.index)
        chosen = scope.loc[passed, [key_column]].copy()
        chosen["code"] = definition.code
        chosen["priority"] = definition.priority
        chosen["cents"] = cents[passed]
        candidates.append(chosen)
    if not candidates:
        return pd.DataFrame({key_column: [], "code": [], "cents": []})
    ranked = pd.concat(candidates, ignore_index=True).sort_values(
        [key_column, "cents", "priority", "code"], ascending=[True, False, True, True]
    )
    return ranked.drop_duplicates(key_column)[[key_column, "code", "cents"]]


def run_pandas(input_dir: Path, output_dir: Path, bands) -> float:
    import pandas as pd

    started = time.perf_counter()
    icps, personas = workload.workload_definitions()
    live_icps = [icp for icp in icps if icp.status == "live"]
    live_codes = {icp.code for icp in live_icps}
    live_personas = [p for p in personas if p.status == "live" and p.icp_code in live_codes]
    as_of = pd.Timestamp(AS_OF_DATE)

    companies = pd.read_parquet(input_dir / "companies.parquet")
    technologies = pd.read_parquet(input_dir / "company_technologies.parquet")
    opportunities = pd.read_parquet(input_dir / "opportunities.parquet")
    signals = pd.read_parquet(input_dir / "signals.parquet")
    people = pd.read_parquet(input_dir / "people.parquet")
    titles = pd.read_parquet(input_dir / "titles.parquet")
    countries = pd.read_parquet(input_dir / "countries.parquet")
    countries["country_key"] = countries["country_code"].str.lower()

    signals = signals[signals["occurred_at"].dt.normalize() <= as_of].copy()
    signals["days"] = (as_of - signals["occurred_at"].dt.normalize()).dt.days

    # Company features.
    companies = companies[companies["company_id"].notna()].copy()
    companies["country_key"] = companies["country"].str.lower()
    companies = companies.drop(columns=["country"]).merge(
        countries[["country_key", "country_code", "region", "sub_region"]], on="country_key", how="left"
    )
    technologies = technologies[technologies["company_id"].notna() & technologies["technology"].notna()].copy()
    technologies["item"] = "|" + technologies["technology"].str.lower() + "|"
    technology_lists = (
        technologies.drop_duplicates(["company_id", "item"]).sort_values(["company_id", "item"])
        .groupby("company_id")["item"].agg("".join).rename("technologies")
    )
    companies = companies.merge(technology_lists, left_on="company_id", right_index=True, how="left")
    companies["has_past_pipeline"] = companies["company_id"].isin(opportunities["company_id"])
    known_status = companies["customer_status"].isin(["customer", "churned", "prospect"])
    companies["is_current_customer"] = (companies["customer_status"] == "customer").where(known_status)
    companies["is_churned"] = (companies["customer_status"] == "churned").where(known_status)
    companies["hiring_velocity"] = 100.0 * companies["open_roles"] / companies["employee_count"].where(companies["employee_count"] != 0)
    funding = (
        signals[signals["person_id"].isna() & signals["company_id"].notna() & (signals["signal_type"] == "funding_announced")]
        .groupby("company_id")["days"].min().rename("days_since_funding_announced")
    )
    companies = companies.merge(funding, left_on="company_id", right_index=True, how="left")

    best_icps = pandas_best(companies, live_icps, "company_id", bands)
    company_assignments = companies[["company_id"]].merge(best_icps, on="company_id", how="left")
    company_assignments = company_assignments.rename(columns={"code": "icp_code"})
    company_assignments["icp_score"] = company_assignments.pop("cents") / 100.0

    # Person features.
    people = people[people["person_id"].notna()].copy()
    people = people.merge(titles, on="title", how="left")
    people["country_key"] = people["country"].str.lower()
    people = people.drop(columns=["country"]).merge(countries[["country_key", "country_code", "region"]], on="country_key", how="left")
    person_signals = signals[signals["person_id"].notna()]
    for parameter, signal_type in workload.RECENCY_SIGNAL_TYPES.items():
        if parameter == "days_since_funding_announced":
            continue
        days = person_signals[person_signals["signal_type"] == signal_type].groupby("person_id")["days"].min().rename(parameter)
        people = people.merge(days, left_on="person_id", right_index=True, how="left")
    people = people.merge(
        company_assignments.rename(columns={"icp_code": "assigned_icp_code"}).assign(has_company=True),
        on="company_id", how="left",
    )
    people["has_company"] = people["has_company"].fillna(False).astype(bool)

    best_personas = pandas_best(people, live_personas, "person_id", bands, scope_column="assigned_icp_code")
    person_assignments = people[["person_id", "company_id", "assigned_icp_code", "icp_score", "has_company"]].merge(
        best_personas, on="person_id", how="left"
    )
    person_assignments = person_assignments.rename(columns={"assigned_icp_code": "icp_code", "code": "persona_code"})
    person_assignments["persona_score"] = person_assignments.pop("cents") / 100.0
    status = pd.Series("qualified", index=person_assignments.index)
    status[person_assignments["persona_code"].isna()] = "no_persona_fit"
    status[person_assignments["icp_code"].isna()] = "no_icp_fit"
    status[~person_assignments["has_company"]] = "no_company"
    person_assignments["qualification_status"] = status
    person_assignments = person_assignments.drop(columns=["has_company"])

    output_dir.mkdir(parents=True, exist_ok=True)
    company_assignments.to_parquet(output_dir / "company_assignments.parquet", index=False)
    person_assignments.to_parquet(output_dir / "person_assignments.parquet", index=False)
    return time.perf_counter() - started


# --- Comparison --------------------------------------------------------------------------


COMPARISONS = {
    "companies": ("company_id", ["icp_code"], ["icp_score"]),
    "people": ("person_id", ["company_id", "icp_code", "persona_code", "qualification_status"], ["icp_score", "persona_score"]),
}


def compare_outputs(connection: duckdb.DuckDBPyConnection, grain: str, left: str, right: str) -> tuple[int, list[tuple]]:
    """Return the number of rows that differ between two relations of one grain, and up to 5 examples.

    A row differs when it is missing on one side, when a code differs, or when a score
    differs after rounding to two decimals.
    """
    key, codes, scores = COMPARISONS[grain]
    differences = [f"left_side.{column} is distinct from right_side.{column}" for column in codes]
    differences += [
        f"round(left_side.{column}::double, 2) is distinct from round(right_side.{column}::double, 2)" for column in scores
    ]
    query = f"""
        select
            coalesce(left_side.{key}, right_side.{key}) as record_id,
            left_side.{key} is null as missing_left,
            right_side.{key} is null as missing_right,
            {', '.join(f'left_side.{c} as left_{c}, right_side.{c} as right_{c}' for c in codes + scores)}
        from {left} as left_side
        full outer join {right} as right_side
            on left_side.{key} = right_side.{key}
        where left_side.{key} is null or right_side.{key} is null or {' or '.join(differences)}
    """
    count = connection.execute(f"select count(*) from ({query})").fetchone()[0]
    examples = connection.execute(f"{query} order by record_id limit 5").fetchall()
    return count, examples


# --- Report ------------------------------------------------------------------------------


def megabytes(value: int) -> str:
    return f"{value / 1024**2:,.0f} MB"


def verdict(is_met: bool) -> str:
    return "MET" if is_met else "NOT MET"


def machine_description() -> str:
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1024**3
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({cpu}), {memory:.0f} GB RAM, {platform.system()} {platform.release()}"


def run_reference(command: list[str], cwd: Path, runs: int, label: str) -> tuple[float, int]:
    """Run (b) or (c) `runs` times and return the fastest time and the highest peak RSS."""
    seconds = []
    peak_rss = 0
    for _ in range(runs):
        child = run_child(command, cwd=cwd)
        seconds.append(json.loads(child.output.strip().splitlines()[-1])["seconds"])
        peak_rss = max(peak_rss, child.max_rss_bytes)
    print(f"{label} runs: {', '.join(f'{value:.2f} s' for value in seconds)}")
    return min(seconds), peak_rss


def run_benchmark(arguments: argparse.Namespace) -> int:
    work_dir = arguments.work_dir or Path(tempfile.mkdtemp(prefix="gtm-benchmark-"))
    project = work_dir / "project"
    if project.exists():
        shutil.rmtree(project)
    copy_project(project)
    bands = workload.read_bands(project / "seeds" / "reference" / "bands.csv")
    icps, personas = workload.workload_definitions()
    criteria_count = sum(len(d.criteria) for d in icps + personas)
    print(f"work folder: {work_dir}")
    print(f"machine: {machine_description()}")
    print(f"versions: Python {platform.python_version()}, DuckDB {duckdb.__version__}, {dbt_version()}, pandas {pandas_version()}")
    print(f"dbt threads (models built at once): {arguments.dbt_threads}")
    print(
        f"definitions: {len(icps)} ICPs ({sum(i.status == 'live' for i in icps)} live), "
        f"{len(personas)} Personas, {criteria_count} criteria"
    )

    generated = generate_inputs(project, arguments.people, arguments.people_per_company, arguments.data_dir)
    print(f"inputs: {generated.output.strip().splitlines()[-1]}")

    build = run_dbt_build(project, arguments.dbt_threads)
    summary = summarize_build(project, build)
    if summary["failed_nodes"]:
        print(f"error: the dbt build reported failures: {summary['failed_nodes']}", file=sys.stderr)
        return 1

    sql_path = work_dir / "reference.sql"
    sql_path.write_text(reference_sql(bands), encoding="utf-8")
    sql_seconds, sql_rss = run_reference(
        [sys.executable, __file__, "run-sql", "--database", str(project / "gtm.duckdb"), "--sql", str(sql_path)],
        work_dir,
        arguments.reference_runs,
        "(b) DuckDB SQL",
    )

    parquet_dir = work_dir / "parquet"
    export_parquet(project, parquet_dir / "inputs")
    pandas_seconds, pandas_rss = run_reference(
        [sys.executable, __file__, "run-pandas", "--inputs", str(parquet_dir / "inputs"), "--outputs", str(parquet_dir / "outputs"),
         "--bands", str(project / "seeds" / "reference" / "bands.csv")],
        work_dir,
        arguments.reference_runs,
        "(c) pandas",
    )

    disagreements = 0
    with duckdb.connect(str(project / "gtm.duckdb"), read_only=True) as connection:
        sides = {
            "companies": {
                "(a) dbt": "main.company_fit",
                "(b) SQL": "reference_sql.company_assignments",
                "(c) pandas": f"read_parquet('{parquet_dir / 'outputs' / 'company_assignments.parquet'}')",
            },
            "people": {
                "(a) dbt": "main.person_fit",
                "(b) SQL": "reference_sql.person_assignments",
                "(c) pandas": f"read_parquet('{parquet_dir / 'outputs' / 'person_assignments.parquet'}')",
            },
        }
        counts = {grain: connection.execute(f"select count(*) from {relations['(a) dbt']}").fetchone()[0] for grain, relations in sides.items()}
        assigned = connection.execute(
            "select count(*) filter (where icp_code is not null), count(*) filter (where persona_code is not null) from main.person_fit"
        ).fetchone()
        print(f"outputs: {counts['companies']:,} companies, {counts['people']:,} people, {assigned[0]:,} people with an ICP, {assigned[1]:,} with a Persona")
        for grain, relations in sides.items():
            for other in ["(b) SQL", "(c) pandas"]:
                count, examples = compare_outputs(connection, grain, relations["(a) dbt"], relations[other])
                disagreements += count
                print(f"agreement, {grain}, (a) dbt vs {other}: {'all rows agree' if count == 0 else f'{count:,} rows differ'}")
                for example in examples:
                    print(f"    {example}")

    people = counts["people"]
    scoring = summary["scoring_seconds"]
    print()
    print("(a) dbt build, per model (seconds):")
    for name, seconds in sorted(summary["model_seconds"].items(), key=lambda item: -item[1])[:14]:
        marker = "  [scoring]" if name in SCORING_MODELS else ""
        print(f"    {name:<40} {seconds:8.2f}{marker}")
    print()
    print(f"{'run':<52} {'wall s':>9} {'peak RSS':>10} {'people/s':>12}")
    rows = [
        ("(a) dbt build, tests included", summary["build_seconds"], summary["build_max_rss_bytes"]),
        ("(a) dbt build, tests excluded", summary["build_without_tests_seconds"], None),
        ("(a) scoring models (sum of model times)", scoring, None),
        ("(a) int_titles__classified", summary["model_seconds"].get("int_titles__classified", 0.0), None),
        ("(b) DuckDB SQL, assignments (fastest run)", sql_seconds, sql_rss),
        ("(c) pandas, assignments (fastest run)", pandas_seconds, pandas_rss),
    ]
    for label, seconds, rss in rows:
        print(f"{label:<52} {seconds:9.2f} {megabytes(rss) if rss else '':>10} {people / seconds:12,.0f}")
    print()

    results = {
        "people": people,
        "scoring_to_sql": scoring / sql_seconds,
        "build_to_sql": summary["build_without_tests_seconds"] / sql_seconds,
        "pandas_to_scoring": pandas_seconds / scoring,
        "build_max_rss_bytes": summary["build_max_rss_bytes"],
    }
    targets = [
        (f"(a) scoring models <= {SCORING_TO_SQL_MAX} x (b)", f"{results['scoring_to_sql']:.2f} x", results["scoring_to_sql"] <= SCORING_TO_SQL_MAX),
        (f"(a) build without tests <= {BUILD_TO_SQL_MAX:g} x (b)", f"{results['build_to_sql']:.2f} x", results["build_to_sql"] <= BUILD_TO_SQL_MAX),
        (f"(a) scoring >= {PANDAS_TO_SCORING_MIN:g} x faster than (c)", f"{results['pandas_to_scoring']:.2f} x", results["pandas_to_scoring"] >= PANDAS_TO_SCORING_MIN),
        ("(a) build peak RSS <= 4 GB", megabytes(summary["build_max_rss_bytes"]), summary["build_max_rss_bytes"] <= BUILD_RSS_MAX_BYTES),
    ]

    if arguments.scaling_run:
        small_project = work_dir / "project_tenth"
        if small_project.exists():
            shutil.rmtree(small_project)
        copy_project(small_project)
        small_people = max(arguments.people_per_company, arguments.people // 10)
        generate_inputs(small_project, small_people, arguments.people_per_company, arguments.data_dir)
        small_build = run_dbt_build(small_project, arguments.dbt_threads)
        small_summary = summarize_build(small_project, small_build)
        ratio = summary["build_without_tests_seconds"] / small_summary["build_without_tests_seconds"]
        print(f"scaling run: {small_people:,} people, build without tests {small_summary['build_without_tests_seconds']:.2f} s, "
              f"peak RSS {megabytes(small_summary['build_max_rss_bytes'])}")
        targets.append((f"build at {people:,} people <= {SCALING_MAX:g} x build at {small_people:,}", f"{ratio:.2f} x", ratio <= SCALING_MAX))
        results["scaling"] = ratio

    print("targets:")
    for label, value, is_met in targets:
        print(f"    {label:<60} {value:>10}  {verdict(is_met)}")
    print()
    print("(b) and (c) read each title's classification from int_titles__classified of (a) and take the generated")
    print("values as written; they compute features, criteria, scores and both assignments themselves.")
    (work_dir / "results.json").write_text(json.dumps({**results, "summary": summary}, indent=2), encoding="utf-8")

    if disagreements:
        print(f"error: {disagreements:,} rows differ between the three implementations", file=sys.stderr)
        return 1
    return 0


def dbt_version() -> str:
    from importlib.metadata import version

    return f"dbt-core {version('dbt-core')}, dbt-duckdb {version('dbt-duckdb')}"


def pandas_version() -> str:
    from importlib.metadata import version

    return version("pandas")


def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"invalid count {text}: use 1 or more")
    return value


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command")

    sql = commands.add_parser("run-sql", help="internal: run the SQL of (b) and print its time as JSON")
    sql.add_argument("--database", type=Path, required=True)
    sql.add_argument("--sql", type=Path, required=True)

    pandas_command = commands.add_parser("run-pandas", help="internal: run (c) and print its time as JSON")
    pandas_command.add_argument("--inputs", type=Path, required=True)
    pandas_command.add_argument("--outputs", type=Path, required=True)
    pandas_command.add_argument("--bands", type=Path, required=True)

    parser.add_argument("--people", type=int, default=5_000_000, help="number of people (default: 5000000)")
    parser.add_argument("--people-per-company", type=int, default=5, help="people per company (default: 5)")
    parser.add_argument(
        "--dbt-threads", type=int, default=2,
        help="models that dbt runs at once, GTM_THREADS (default: 2, the profile's default); DuckDB uses every core either way",
    )
    parser.add_argument("--work-dir", type=Path, default=None, help="folder for the project copies and outputs (default: a new temporary folder, kept)")
    parser.add_argument("--data-dir", type=Path, default=None, help="folder of the public title data sets (default: the generator's)")
    parser.add_argument("--no-scaling-run", dest="scaling_run", action="store_false", help="skip the build at a tenth of the people")
    parser.add_argument(
        "--reference-runs", type=positive_int, default=3,
        help="runs of (b) and of (c) each, of which the fastest counts (default: 3)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    arguments = parse_args(argv)
    if arguments.command == "run-sql":
        print(json.dumps({"seconds": run_reference_sql(arguments.database, arguments.sql)}))
        return 0
    if arguments.command == "run-pandas":
        bands = workload.read_bands(arguments.bands)
        print(json.dumps({"seconds": run_pandas(arguments.inputs, arguments.outputs, bands)}))
        return 0
    return run_benchmark(arguments)


if __name__ == "__main__":
    sys.exit(main())
