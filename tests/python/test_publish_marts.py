"""scripts/publish_marts.py on a small DuckDB file with a hand-written manifest.

The audience tests run the script on real builds. These cases cover what a demo build
does not produce, such as a mart without rows or a model outside models/marts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import PROJECT_ROOT

PUBLISH_SCRIPT = PROJECT_ROOT / "scripts" / "publish_marts.py"


def manifest_node(resource_type: str, name: str, path: str) -> dict:
    return {"resource_type": resource_type, "alias": name, "schema": "main", "original_file_path": path}


@pytest.fixture
def published(tmp_path: Path) -> Path:
    # dbt-duckdb writes views that name the catalog, which DuckDB takes from the file name.
    database = tmp_path / "warehouse.duckdb"
    with duckdb.connect(str(database)) as connection:
        connection.execute("create table main.empty_mart (member_key varchar not null, score decimal(5, 2), seen_at timestamp)")
        connection.execute("create table main.filled_mart as select 'a' as member_key, 1.5::decimal(5, 2) as score")
        connection.execute("create table main.staging_table as select 1 as id")
        connection.execute("create view main.view_mart as select member_key from warehouse.main.filled_mart")
    manifest = tmp_path / "manifest.json"
    manifest.write_text(
        json.dumps(
            {
                "nodes": {
                    "model.p.empty_mart": manifest_node("model", "empty_mart", "models/marts/empty_mart.sql"),
                    "model.p.filled_mart": manifest_node("model", "filled_mart", "models/marts/filled_mart.sql"),
                    "model.p.view_mart": manifest_node("model", "view_mart", "models/marts/view_mart.sql"),
                    "model.p.staging_table": manifest_node("model", "staging_table", "models/staging/staging_table.sql"),
                }
            }
        ),
        encoding="utf-8",
    )
    output = tmp_path / "published"
    subprocess.run(
        [sys.executable, str(PUBLISH_SCRIPT), "--database", str(database), "--manifest", str(manifest), "--output", str(output)],
        check=True,
        capture_output=True,
        text=True,
    )
    return output


def test_empty_mart_keeps_columns(published):
    expected = [("member_key", "VARCHAR"), ("score", "DECIMAL(5,2)"), ("seen_at", "TIMESTAMP")]
    with duckdb.connect(str(published / "gtm_marts.duckdb"), read_only=True) as connection:
        columns = [(row[0], row[1]) for row in connection.execute("describe empty_mart").fetchall()]
        row_count = connection.execute("select count(*) from empty_mart").fetchone()[0]
    parquet_columns = [(row[0], row[1]) for row in duckdb.sql(f"describe select * from '{published / 'parquet' / 'empty_mart.parquet'}'").fetchall()]

    assert columns == expected
    assert row_count == 0
    assert parquet_columns == expected


def test_only_marts_published(published):
    with duckdb.connect(str(published / "gtm_marts.duckdb"), read_only=True) as connection:
        tables = sorted(row[0] for row in connection.execute("show tables").fetchall())

    assert tables == ["empty_mart", "filled_mart", "view_mart"]
    assert sorted(path.name for path in (published / "parquet").iterdir()) == [
        "empty_mart.parquet",
        "filled_mart.parquet",
        "view_mart.parquet",
    ]


def test_view_mart_published_as_table(published):
    with duckdb.connect(str(published / "gtm_marts.duckdb"), read_only=True) as connection:
        [(table_type,)] = connection.execute(
            "select table_type from information_schema.tables where table_name = 'view_mart'"
        ).fetchall()
        rows = connection.execute("select member_key from view_mart").fetchall()

    assert table_type == "BASE TABLE"
    assert rows == [("a",)]


def test_published_file_readable_by_duckdb_1_4(published):
    # DuckDB tags a file written in an older storage format with the oldest version
    # that can read it.
    with duckdb.connect(str(published / "gtm_marts.duckdb"), read_only=True) as connection:
        tags = connection.execute("select tags from duckdb_databases() where database_name = current_database()").fetchone()[0]

    assert tags.get("storage_version") == "v1.4.0+"


def test_no_temporary_files_left(published):
    leftovers = [path.name for path in published.rglob("*") if path.name.endswith(".tmp")]

    assert leftovers == []


def test_reserved_database_name_rejected(tmp_path):
    database = tmp_path / "gtm_publish_output.duckdb"
    duckdb.connect(str(database)).close()
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"nodes": {"model.p.mart": manifest_node("model", "mart", "models/marts/mart.sql")}}))

    result = subprocess.run(
        [sys.executable, str(PUBLISH_SCRIPT), "--database", str(database), "--manifest", str(manifest), "--output", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 1
    assert "Rename the database file" in result.stderr
    assert "Traceback" not in result.stderr
