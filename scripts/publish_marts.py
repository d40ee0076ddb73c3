#!/usr/bin/env python3
"""Publish the marts of a green build as read-only files for BI tools and syncs.

Copies every model of models/marts and every snapshot, as the dbt manifest lists them,
from the DuckDB file that `dbt build` wrote into:

- `<output>/gtm_marts.duckdb`: one DuckDB file with all of them, written with storage
  version v1.4.0 so that DuckDB 1.4 and later can open it;
- `<output>/parquet/<name>.parquet`: one Parquet file per mart.

Each file is written under a temporary name in the same folder and renamed into place
with os.replace. A reader that has the old file open keeps reading the old, complete
file, and a new reader sees either the old or the new file, never a partial one. A mart
with no rows is still published with its columns and types.

Usage: scripts/publish_marts.py [--database gtm.duckdb] [--manifest target/manifest.json]
                                [--output published]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

PUBLISHED_DATABASE_NAME = "gtm_marts.duckdb"
# Catalog name of the published copy while the script writes it.
OUTPUT_CATALOG = "gtm_publish_output"
# Storage format of the published file, pinned because the default depends on the
# DuckDB release that writes it (1.5.6 picks v1.0.0 for a new file). DuckDB 1.4 and
# later read v1.4.0.
STORAGE_VERSION = "v1.4.0"


@dataclass(frozen=True)
class Mart:
    """A relation to publish: its name and where dbt built it."""

    name: str
    schema: str


def quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def quote_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def list_marts(manifest_path: Path) -> list[Mart]:
    """Return the marts and snapshots of the project, sorted by name, from a dbt manifest."""
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    marts = []
    for node in manifest["nodes"].values():
        is_mart = node["resource_type"] == "model" and node["original_file_path"].startswith("models/marts/")
        if is_mart or node["resource_type"] == "snapshot":
            marts.append(Mart(name=node["alias"], schema=node["schema"]))
    return sorted(marts, key=lambda mart: mart.name)


def temporary_path(final_path: Path) -> Path:
    """Return a name beside `final_path` for writing it, unique to this process."""
    return final_path.with_name(f".{final_path.name}.{os.getpid()}.tmp")


def remove_if_present(path: Path) -> None:
    path.unlink(missing_ok=True)
    path.with_name(path.name + ".wal").unlink(missing_ok=True)


def publish_database(connection: duckdb.DuckDBPyConnection, catalog: str, marts: list[Mart], final_path: Path) -> None:
    """Write every mart into a new DuckDB file and rename it to `final_path`."""
    staging_path = temporary_path(final_path)
    remove_if_present(staging_path)
    try:
        connection.execute(
            f"attach {quote_literal(str(staging_path))} as {OUTPUT_CATALOG} (storage_version {quote_literal(STORAGE_VERSION)})"
        )
        for mart in marts:
            connection.execute(
                f"create table {OUTPUT_CATALOG}.main.{quote_identifier(mart.name)} as "
                f"select * from {quote_identifier(catalog)}.{quote_identifier(mart.schema)}.{quote_identifier(mart.name)}"
            )
        connection.execute(f"checkpoint {OUTPUT_CATALOG}")
        connection.execute(f"detach {OUTPUT_CATALOG}")
        os.replace(staging_path, final_path)
    finally:
        remove_if_present(staging_path)


def publish_parquet(connection: duckdb.DuckDBPyConnection, catalog: str, marts: list[Mart], folder: Path) -> None:
    """Write one Parquet file per mart into `folder`, each renamed into place when complete."""
    folder.mkdir(parents=True, exist_ok=True)
    for mart in marts:
        final_path = folder / f"{mart.name}.parquet"
        staging_path = temporary_path(final_path)
        try:
            connection.execute(
                f"copy (select * from {quote_identifier(catalog)}.{quote_identifier(mart.schema)}.{quote_identifier(mart.name)}) "
                f"to {quote_literal(str(staging_path))} (format parquet)"
            )
            os.replace(staging_path, final_path)
        finally:
            staging_path.unlink(missing_ok=True)


def publish(database: Path, manifest: Path, output: Path) -> list[Mart]:
    """Publish the marts of `database` into `output` and return what was published."""
    marts = list_marts(manifest)
    if not marts:
        raise ValueError(f"{manifest} lists no model in models/marts and no snapshot; run dbt build first")
    output.mkdir(parents=True, exist_ok=True)
    # The build's views name the catalog of their tables, which DuckDB takes from the
    # file name (`gtm` for gtm.duckdb), so the file is attached under that name.
    catalog = database.stem
    if catalog == OUTPUT_CATALOG:
        raise ValueError(
            f"{database}: DuckDB names this file's catalog {catalog}, the name this script gives the published "
            "copy. Rename the database file."
        )
    connection = duckdb.connect()
    try:
        connection.execute(f"attach {quote_literal(str(database))} as {quote_identifier(catalog)} (read_only)")
        publish_database(connection, catalog, marts, output / PUBLISHED_DATABASE_NAME)
        publish_parquet(connection, catalog, marts, output / "parquet")
    finally:
        connection.close()
    return marts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, default=Path("gtm.duckdb"), help="DuckDB file written by dbt build")
    parser.add_argument(
        "--manifest",
        type=Path,
        default=Path("target/manifest.json"),
        help="dbt manifest of that build, which lists the marts and snapshots",
    )
    parser.add_argument("--output", type=Path, default=Path("published"), help="folder of the published files")
    arguments = parser.parse_args()

    for path in [arguments.database, arguments.manifest]:
        if not path.is_file():
            print(f"publish_marts: {path} not found. Run dbt build first.", file=sys.stderr)
            return 1
    try:
        marts = publish(arguments.database, arguments.manifest, arguments.output)
    except ValueError as error:
        print(f"publish_marts: {error}", file=sys.stderr)
        return 1
    print(
        f"Published {len(marts)} marts to {arguments.output / PUBLISHED_DATABASE_NAME} "
        f"(storage version {STORAGE_VERSION}) and {arguments.output / 'parquet'}/."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
