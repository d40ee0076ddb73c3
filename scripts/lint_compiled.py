#!/usr/bin/env python3
"""Lint the SQL that the definitions compiler generates, and check the reviewed example.

sqlfluff's dbt templater cannot see inside macro output reliably. This script therefore
compiles the generated models against a scratch DuckDB file (seeds loaded, no model
built) and lints the compiled SQL with the raw templater. It also compares the compiled
ICP scoring model with the copy kept under review in docs/compiled/, so a change to the
generated SQL shows up as a diff of that file in review.

Usage: scripts/lint_compiled.py [--update]   (--update rewrites the reviewed copy)
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
GENERATED_MODELS = {
    "int_companies__icp_scores": "models/intermediate/int_companies__icp_scores.sql",
    "int_people__persona_scores": "models/intermediate/int_people__persona_scores.sql",
    "int_companies__icp_ranked": "models/intermediate/int_companies__icp_ranked.sql",
    "int_people__persona_ranked": "models/intermediate/int_people__persona_ranked.sql",
    "int_records__criteria_evaluated": "models/intermediate/int_records__criteria_evaluated.sql",
}
REVIEWED_MODEL = "int_companies__icp_scores"
REVIEWED_COPY = PROJECT_ROOT / "docs" / "compiled" / "int_companies__icp_scores.sql"

# Rules that generated SQL cannot follow by construction: relation names come quoted
# from the adapter, one criterion's condition can be long, the adapter's type macros
# return upper-case names, and cross-database macros bring their own spacing.
EXCLUDED_RULES = "RF06,LT05,CP05,LT01,LT12,ST06,AM04"


def run(command: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stdout.write(result.stdout[-6000:])
        sys.stderr.write(result.stderr[-6000:])
        raise SystemExit(f"error: {' '.join(command[:3])} failed with exit code {result.returncode}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="rewrite the reviewed compiled example")
    args = parser.parse_args()

    scratch = PROJECT_ROOT / "target" / "lint_compiled"
    scratch.mkdir(parents=True, exist_ok=True)
    database = scratch / "lint.duckdb"
    database.unlink(missing_ok=True)
    env = dict(
        os.environ,
        DBT_PROFILES_DIR=str(PROJECT_ROOT),
        GTM_DUCKDB_PATH=str(database),
        DBT_SEND_ANONYMOUS_USAGE_STATS="false",
    )
    dbt = str(BIN / "dbt")
    run([dbt, "seed", "--target-path", str(scratch / "target")], env)
    run([dbt, "compile", "--target-path", str(scratch / "target"), "--select", *GENERATED_MODELS], env)

    compiled_root = scratch / "target" / "compiled" / "gtm_targeting"
    compiled_files = [compiled_root / path for path in GENERATED_MODELS.values()]
    lint = subprocess.run(
        [str(BIN / "sqlfluff"), "lint", "--templater", "raw", "--dialect", "duckdb",
         "--exclude-rules", EXCLUDED_RULES, *map(str, compiled_files)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    sys.stdout.write(lint.stdout)
    if lint.returncode != 0:
        print("error: the generated SQL above has lint violations; fix the generating macros.", file=sys.stderr)
        return 1

    compiled = (compiled_root / GENERATED_MODELS[REVIEWED_MODEL]).read_text(encoding="utf-8")
    # The database file name appears in relation names; the reviewed copy uses `gtm`.
    compiled = compiled.replace(f'"{database.stem}".', '"gtm".')
    if args.update:
        REVIEWED_COPY.parent.mkdir(parents=True, exist_ok=True)
        REVIEWED_COPY.write_text(compiled, encoding="utf-8")
        print(f"updated {REVIEWED_COPY.relative_to(PROJECT_ROOT)}")
        return 0
    reviewed = REVIEWED_COPY.read_text(encoding="utf-8") if REVIEWED_COPY.exists() else ""
    if compiled != reviewed:
        diff = difflib.unified_diff(
            reviewed.splitlines(keepends=True),
            compiled.splitlines(keepends=True),
            fromfile=str(REVIEWED_COPY.relative_to(PROJECT_ROOT)),
            tofile="freshly compiled",
        )
        sys.stdout.writelines(diff)
        print(
            "error: the compiled ICP scoring SQL differs from the reviewed copy. If the change is "
            "intended, run scripts/lint_compiled.py --update and commit the file.",
            file=sys.stderr,
        )
        return 1
    print(f"compiled SQL of {len(compiled_files)} generated models is lint-clean and matches the reviewed copy")
    return 0


if __name__ == "__main__":
    sys.exit(main())
