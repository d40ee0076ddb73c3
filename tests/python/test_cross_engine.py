"""Compare the demo build of every engine with the DuckDB build, mart by mart, row by row.

Every mart of the models/marts folder is read whole from each engine. Codes, states,
ranks and counts must be equal; numbers are compared rounded to four decimals, which
keeps scores exact to two. Columns that hold the time of the run differ between builds
by nature and are left out, and a run id inside a key is replaced by a placeholder.
"""

from __future__ import annotations

import datetime
import decimal
import json

import pytest

from conftest import ENGINES

# Columns whose value is the time or the id of the build, not a result of the scoring.
RUN_COLUMNS = {"scored_at", "entered_at", "updated_at", "changed_at", "run_id"}

OTHER_ENGINES = [engine for engine in ENGINES if engine != "duckdb"]

pytestmark = pytest.mark.skipif(
    "duckdb" not in ENGINES or not OTHER_ENGINES,
    reason="the cross-engine comparison needs DuckDB and at least one other engine in GTM_TEST_ENGINES",
)


def mart_models(project) -> dict[str, str]:
    """Return each mart model's name and its key column, the first column it declares."""
    manifest = json.loads((project.root / "target" / "manifest.json").read_text(encoding="utf-8"))
    return {
        node["name"]: next(iter(node["columns"]))
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["original_file_path"].startswith("models/marts/")
    }


def normalise(value):
    """Return a value in a form that compares equal across engines."""
    if isinstance(value, (float, decimal.Decimal)):
        return f"{round(float(value), 4):.4f}"
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def read_mart(project, model: str, key: str) -> dict[str, dict]:
    rows = project.query(f"select * from main.{model}")
    by_key = {}
    for row in rows:
        # The change feed's keys begin with the run id, which differs between any two builds.
        if row.get("run_id"):
            row = {**row, key: row[key].replace(row["run_id"], "<run>")}
        by_key[row[key]] = {column: normalise(value) for column, value in row.items() if column not in RUN_COLUMNS}
    assert len(by_key) == len(rows), f"{model}: {key} is not unique on {project.engine}"
    return by_key


@pytest.fixture(scope="module")
def reference_build(demo_builds):
    project, result = demo_builds("duckdb")
    assert result.returncode == 0, result.output[-6000:]
    return project


@pytest.mark.parametrize("other_engine", OTHER_ENGINES)
def test_marts_identical_to_duckdb(demo_builds, reference_build, other_engine):
    other, result = demo_builds(other_engine)
    assert result.returncode == 0, result.output[-6000:]

    marts = mart_models(reference_build)
    assert {"company_fit", "person_fit", "candidate_scores", "score_breakdown", "qualification_tree"} <= set(marts)
    differences = []
    for model, key in sorted(marts.items()):
        expected = read_mart(reference_build, model, key)
        actual = read_mart(other, model, key)
        missing = sorted(set(expected) - set(actual))
        extra = sorted(set(actual) - set(expected))
        if missing or extra:
            differences.append(f"{model}: {len(missing)} rows only on duckdb (first {missing[:3]}), "
                               f"{len(extra)} rows only on {other_engine} (first {extra[:3]})")
        changed = [row_key for row_key in sorted(set(expected) & set(actual)) if expected[row_key] != actual[row_key]]
        for row_key in changed[:5]:
            columns = [
                f"{column}: duckdb {expected[row_key][column]!r}, {other_engine} {actual[row_key].get(column)!r}"
                for column in expected[row_key]
                if expected[row_key][column] != actual[row_key].get(column)
            ]
            differences.append(f"{model} {row_key}: " + "; ".join(columns))
        if len(changed) > 5:
            differences.append(f"{model}: {len(changed) - 5} more rows differ")

    assert differences == [], "\n".join(differences)


@pytest.mark.parametrize("other_engine", OTHER_ENGINES)
def test_demo_marts_not_empty(demo_builds, reference_build, other_engine):
    other, _ = demo_builds(other_engine)
    for model in ("company_fit", "person_fit", "audience_members"):
        [row] = other.query(f"select count(*) as row_count from main.{model}")
        assert row["row_count"] > 0, f"{model} is empty on {other_engine}"
