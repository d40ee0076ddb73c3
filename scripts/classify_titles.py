#!/usr/bin/env python3
"""Classify job titles with the project's title classifier.

Reads a CSV file with a `title` column and writes it back with `seniority`, `functions`
(`;`-separated function codes), `is_founder`, `is_owner`, `is_board` and `rule` (the
title rule that decided the seniority). The SQL is the one the dbt models run.

Usage: scripts/classify_titles.py IN.csv OUT.csv
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from title_tools import classify_file, write_rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=Path, help="CSV file with a `title` column")
    parser.add_argument("output", type=Path, help="CSV file to write")
    args = parser.parse_args()
    if not args.input.is_file():
        print(f"error: input file {args.input} not found.", file=sys.stderr)
        return 1

    header, rows = classify_file(args.input)
    write_rows(args.output, header, rows)
    print(f"classified {len(rows)} rows into {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
