#!/usr/bin/env python3
"""Match job titles against one title pattern, as a Persona title criterion would.

Reads a CSV file with a `title` column and writes it back with the classification
columns of classify_titles.py plus `is_match` and `match_strength`. Modes:
`exact` (the whole normalised title), `wildcard` (`*` stands for any run of whole
words) and `semantic` (the same role in other words, order or language).

Usage: scripts/match_titles.py --mode exact|wildcard|semantic --pattern TEXT IN.csv OUT.csv
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from title_tools import classify_file, write_rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", required=True, choices=["exact", "wildcard", "semantic"], help="how the pattern matches")
    parser.add_argument("--pattern", required=True, help="the title pattern, for example 'VP Sales' or 'VP*'")
    parser.add_argument("input", type=Path, help="CSV file with a `title` column")
    parser.add_argument("output", type=Path, help="CSV file to write")
    args = parser.parse_args()
    if not args.input.is_file():
        print(f"error: input file {args.input} not found.", file=sys.stderr)
        return 1

    header, rows = classify_file(args.input, pattern=args.pattern, mode=args.mode)
    write_rows(args.output, header, rows)
    matches = sum(row["is_match"] == "true" for row in rows)
    print(f"matched {matches} of {len(rows)} rows against {args.mode} '{args.pattern}' into {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
