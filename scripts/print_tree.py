#!/usr/bin/env python3
"""Print the Qualification tree of a built project and where its results are.

Reads the `qualification_tree` mart from the DuckDB file that `dbt build` wrote and
prints it as a tree. Each ICP shows its company count and average ICP score, and each
Persona under it its people and average Persona score. The "No persona fit" row sits
under each live ICP, followed by the "No ICP fit" and "No company" rows and a count of
rejected input rows.

Usage: scripts/print_tree.py [--database gtm.duckdb] [--schema main]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

TREE_QUERY = """
select node_type, node_name, definition_status, is_being_defined,
       company_count, person_count, avg_score, definitions_version
from {schema}.qualification_tree
order by sort_order
"""

REJECTS_QUERY = """
select input_table, count(*) as row_count
from {schema}.rejected_records
group by input_table
order by input_table
"""

MART_NAMES = (
    "company_fit",
    "person_fit",
    "score_breakdown",
    "candidate_scores",
    "qualification_tree",
    "audience_members",
    "audience_accounts",
    "audience_changes",
    "rejected_records",
)


def format_score(label: str, value) -> str:
    return f"avg {label} score {float(value):.1f}" if value is not None else ""


def format_tree(rows: list[tuple]) -> list[str]:
    """Return the tree as text lines, one per node, with box-drawing branches."""
    lines = []
    for index, row in enumerate(rows):
        node_type, name, status, is_being_defined, companies, people, avg_score, _ = row
        if node_type == "icp":
            label = f"{name} (ICP, {status})"
            if is_being_defined:
                lines.append(f"{label:<38} still being defined")
            elif status == "paused":
                # A paused ICP is validated but assigns no company, so counts would read as zeros.
                lines.append(f"{label:<38} paused: assigns no companies")
            else:
                lines.append(
                    f"{label:<38} {companies:>7,} companies  {people:>7,} people  "
                    f"{format_score('ICP', avg_score)}".rstrip()
                )
            continue
        if node_type in ("persona", "no_persona_fit"):
            next_type = rows[index + 1][0] if index + 1 < len(rows) else None
            branch = "├─" if next_type in ("persona", "no_persona_fit") else "└─"
            label = f"{branch} {name}" + (" (Persona)" if node_type == "persona" else "")
            if node_type == "persona" and status in ("draft", "paused"):
                label += f" ({status})"
            score = format_score("Persona", avg_score) if node_type == "persona" else ""
            lines.append(f"{label:<38} {'':>17}  {people:>7,} people  {score}".rstrip())
            continue
        companies_text = f"{companies:>7,} companies" if companies is not None else f"{'':>17}"
        lines.append(f"{name:<38} {companies_text}  {people:>7,} people")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", default="gtm.duckdb", help="DuckDB file written by dbt build")
    parser.add_argument("--schema", default="main", help="schema of the marts (the target schema)")
    args = parser.parse_args()

    database = Path(args.database)
    if not database.exists():
        print(f"error: database file {database} not found; run `make build` first.", file=sys.stderr)
        return 1

    with duckdb.connect(str(database), read_only=True) as connection:
        try:
            rows = connection.execute(TREE_QUERY.format(schema=args.schema)).fetchall()
            rejects = connection.execute(REJECTS_QUERY.format(schema=args.schema)).fetchall()
        except duckdb.CatalogException:
            print(
                f"error: {database} has no {args.schema}.qualification_tree; "
                "the build did not finish. Rerun `make build` and read its errors.",
                file=sys.stderr,
            )
            return 1

    print()
    print("Qualification tree")
    print()
    for line in format_tree(rows):
        print(line)
    if rejects:
        counts = ", ".join(f"{count:,} {table}" for table, count in rejects)
        print(f"Rejected input rows (see rejected_records): {counts}")
    print()
    version = rows[0][7] if rows else "none"
    print(f"Definitions version {version}. Results are in {database.resolve()},")
    print(f"schema {args.schema}, relations: {', '.join(MART_NAMES)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
