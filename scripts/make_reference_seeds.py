"""Write the country reference seeds from the ISO 3166 country table.

Reads `iso-countries/iso3166_all.csv` (ISO-3166-Countries-with-Regional-Codes by
Luke Duncalfe, CC BY-SA 4.0) from the data folder and writes:

* `countries.csv`: one row per ISO 3166-1 country with its UN M49 regions.
* `country_aliases.csv`: lower-case, trimmed country names and aliases mapped to
  alpha-2 codes. Alpha-2 codes themselves are left out because staging matches them
  directly; `uk` is the one exception, since it is not an ISO code.

The output is deterministic: rows are sorted and the files use `\\n` line endings.

Usage: python scripts/make_reference_seeds.py [--data-dir DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT.parent / "shared" / "data"
DEFAULT_OUT_DIR = REPO_ROOT / "seeds" / "reference"
SOURCE_FILE = Path("iso-countries") / "iso3166_all.csv"

COUNTRY_COLUMNS = [
    "country_code",
    "alpha3_code",
    "numeric_code",
    "country_name",
    "region",
    "sub_region",
    "intermediate_region",
]

# Common names and spellings that differ from the ISO short name. Keys are already
# lower case and trimmed. Every code is checked against the ISO table at run time.
COMMON_ALIASES: dict[str, str] = {
    # United Kingdom: `uk` is kept although it is two letters, because UK is not an
    # ISO 3166-1 code and CRMs use it widely.
    "uk": "GB",
    "u.k.": "GB",
    "united kingdom": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    # United States. `us` is left out because it is the alpha-2 code.
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "united states": "US",
    "america": "US",
    # Names in the country's own language, for the demo's main markets.
    "deutschland": "DE",
    "españa": "ES",
    "espana": "ES",
    "nederland": "NL",
    "brasil": "BR",
    # Short forms of long ISO names.
    "netherlands": "NL",
    "the netherlands": "NL",
    "holland": "NL",
    "bolivia": "BO",
    "iran": "IR",
    "korea": "KR",
    "south korea": "KR",
    "republic of korea": "KR",
    "north korea": "KP",
    "russia": "RU",
    "vietnam": "VN",
    "taiwan": "TW",
    "czech republic": "CZ",
    "turkey": "TR",
    "tanzania": "TZ",
    "venezuela": "VE",
    "syria": "SY",
    "laos": "LA",
    "moldova": "MD",
    "macedonia": "MK",
    "palestine": "PS",
    "ivory coast": "CI",
    "micronesia": "FM",
    "democratic republic of the congo": "CD",
    "dr congo": "CD",
    "republic of the congo": "CG",
    "falkland islands": "FK",
    "british virgin islands": "VG",
    "us virgin islands": "VI",
    "u.s. virgin islands": "VI",
    "saint helena": "SH",
    "bonaire": "BQ",
    "saint martin": "MF",
    "sint maarten": "SX",
    "cocos islands": "CC",
    # Former or informal names of countries whose ISO name changed.
    "brunei": "BN",
    "cape verde": "CV",
    "swaziland": "SZ",
    "burma": "MM",
    "east timor": "TL",
    "vatican": "VA",
    "vatican city": "VA",
    "macau": "MO",
    "uae": "AE",
}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=DEFAULT_DATA_DIR,
        help="folder that contains iso-countries/iso3166_all.csv (default: %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=DEFAULT_OUT_DIR,
        help="folder to write countries.csv and country_aliases.csv to (default: %(default)s)",
    )
    return parser.parse_args(argv)


def read_countries(data_dir: Path) -> list[dict[str, str]]:
    """Read the ISO table and return rows with the seed's column names, sorted by code."""
    path = data_dir / SOURCE_FILE
    if not path.is_file():
        raise SystemExit(f"error: country table not found: {path}. Pass --data-dir with the data folder.")

    # The csv module reads every value as a string, so Namibia's code `NA` stays text.
    with path.open(encoding="utf-8", newline="") as handle:
        source_rows = list(csv.DictReader(handle))

    countries = [
        {
            "country_code": row["alpha-2"].strip(),
            "alpha3_code": row["alpha-3"].strip(),
            "numeric_code": row["country-code"].strip(),
            "country_name": row["name"].strip(),
            "region": row["region"].strip(),
            "sub_region": row["sub-region"].strip(),
            "intermediate_region": row["intermediate-region"].strip(),
        }
        for row in source_rows
    ]
    countries.sort(key=lambda country: country["country_code"])

    codes = [country["country_code"] for country in countries]
    if len(codes) != len(set(codes)) or any(len(code) != 2 for code in codes):
        raise SystemExit(f"error: {path} has duplicate or malformed alpha-2 codes")
    return countries


def fold_to_ascii(text: str) -> str:
    """Drop diacritics, so `côte d'ivoire` also matches as `cote d'ivoire`."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def build_aliases(countries: list[dict[str, str]]) -> list[tuple[str, str]]:
    """Return sorted (alias, country_code) pairs, raising on an alias with two codes."""
    known_codes = {country["country_code"] for country in countries}
    alpha2_lower = {code.lower() for code in known_codes}
    aliases: dict[str, str] = {}

    def add(alias: str, code: str) -> None:
        alias = " ".join(alias.lower().split())
        if code not in known_codes:
            raise SystemExit(f"error: alias {alias!r} names unknown country code {code!r}")
        if alias in alpha2_lower:
            raise SystemExit(f"error: alias {alias!r} is an alpha-2 code, which staging matches directly. Remove it.")
        previous = aliases.setdefault(alias, code)
        if previous != code:
            raise SystemExit(f"error: alias {alias!r} maps to both {previous} and {code}")

    for country in countries:
        code = country["country_code"]
        add(country["country_name"], code)
        add(fold_to_ascii(country["country_name"]), code)
        add(country["alpha3_code"], code)
    for alias, code in COMMON_ALIASES.items():
        add(alias, code)

    return sorted(aliases.items())


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    countries = read_countries(args.data_dir)
    aliases = build_aliases(countries)

    args.out.mkdir(parents=True, exist_ok=True)
    write_csv(
        args.out / "countries.csv",
        COUNTRY_COLUMNS,
        [[country[column] for column in COUNTRY_COLUMNS] for country in countries],
    )
    write_csv(args.out / "country_aliases.csv", ["alias", "country_code"], [list(pair) for pair in aliases])

    print(f"wrote {len(countries)} countries and {len(aliases)} aliases to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
