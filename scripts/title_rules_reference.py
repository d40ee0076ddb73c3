"""Classify job titles with the title seeds, in pure Python.

The dbt models are the source of truth for title classification: the model
int_titles__classified and the macro gtm_word_key that builds its keys. This module
mirrors their algorithm step by step so that the seeds in seeds/reference can be tuned
and checked without running dbt. When the two disagree, fix this mirror.

Algorithm:

1. Normalise the title: Unicode NFC, lower case, ``&`` becomes `` and ``. A trailing
   company part is dropped: everything from an ``@`` (``VP Sales @ Acme``) or from the
   word ``at`` between whitespace (``Head of Growth at Initech``), or a last comma part
   that ends in a company suffix (``CEO, Acme Inc``). Every run of characters that are
   not Unicode letters or digits becomes one space, and the result is trimmed. The key
   wraps each word in pipes: ``vp sales`` -> ``|vp||sales|``.
2. Apply title_abbreviations.csv: replace each phrase key with its replacement key
   as a plain string replacement, phrases with more words first, then alphabetically.
3. A rule of title_rules.csv matches when its phrase, normalised by steps 1 and 2,
   occurs in the title key.
4. If any matched rule is exclusive, only the matched exclusive rule with the lowest
   precedence counts. Otherwise every matched rule counts. Seniority is the highest
   seniority of the counting rules, or ``ic`` when none has one, or None when the
   key is empty. Functions are the distinct function codes of the counting rules, and
   each flag is true when a counting rule sets it.

NOTE: the dbt var gtm_head_of_seniority overrides the seniority of the rule head_of.
This mirror always uses the seniority in the seed.

Usage:
    python scripts/title_rules_reference.py               # check seeds and hard cases
    python scripts/title_rules_reference.py "VP Sales"    # classify titles
    python scripts/title_rules_reference.py --titles FILE # classify one title per line
"""

from __future__ import annotations

import argparse
import csv
import functools
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_DIR / "seeds" / "reference"
HARD_CASES_PATH = PROJECT_DIR / "tests" / "fixtures" / "title_cases.csv"

SENIORITY_LADDER = ("ic", "manager", "director", "vp", "c_suite")
SENIORITY_RANK = {name: rank for rank, name in enumerate(SENIORITY_LADDER)}
DEFAULT_RULE_CODE = "default_ic"
FLAG_COLUMNS = ("is_founder", "is_owner", "is_board")

# The same pattern as the dbt macro gtm_word_key, which drops a trailing company part
# such as "@ Acme", "at Acme" or ", Acme Inc". It is written for DuckDB's RE2, so two
# Python spellings differ: [\t\n\f\r ] is RE2's \s, and \Z is RE2's $ (end of text).
WHITESPACE = r"[\t\n\f\r ]"
COMPANY_PART_PATTERN = re.compile(
    rf"(?:{WHITESPACE}*@.*|{WHITESPACE}+at{WHITESPACE}.*"
    rf"|,[^,]*{WHITESPACE}(?:inc|ltd|llc|gmbh|sa|plc|corp)\.?)\Z"
)


@dataclass(frozen=True)
class Abbreviation:
    phrase: str
    replacement: str
    word_count: int


@dataclass(frozen=True)
class Rule:
    rule_code: str
    phrase: str
    key: str
    seniority: str | None
    function_code: str | None
    is_founder: bool
    is_owner: bool
    is_board: bool
    is_exclusive: bool
    precedence: int


@dataclass(frozen=True)
class Seeds:
    function_codes: frozenset[str]
    abbreviations: tuple[Abbreviation, ...]
    rules: tuple[Rule, ...]


def normalise_title(title: str | None) -> str:
    """Normalise a title to lower-case words separated by single spaces (step 1 before the key)."""
    if title is None:
        return ""
    # Python lower-cases the Turkish capital dotted I to "i" plus a combining dot, where
    # DuckDB's lower() returns a plain "i". Mapping it first keeps the two engines equal.
    text = unicodedata.normalize("NFC", title).replace("\u0130", "i").lower()
    text = text.replace("&", " and ")
    text = COMPANY_PART_PATTERN.sub("", text)
    characters = [
        character if unicodedata.category(character)[0] in ("L", "N") else " "
        for character in text
    ]
    return " ".join("".join(characters).split())


def build_key(words: str) -> str:
    """Wrap each space-separated word in pipes: ``vp sales`` -> ``|vp||sales|``."""
    return "".join(f"|{word}|" for word in words.split())


def apply_abbreviations(key: str, abbreviations: tuple[Abbreviation, ...]) -> str:
    """Replace every abbreviation phrase in the key, in the order the seeds define."""
    for abbreviation in abbreviations:
        key = key.replace(build_key(abbreviation.phrase), build_key(abbreviation.replacement))
    return key


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def parse_flag(value: str, column: str, rule_code: str) -> bool:
    if value not in ("true", "false"):
        raise ValueError(
            f"title_rules.csv: rule {rule_code!r} has {column}={value!r}, expected true or false"
        )
    return value == "true"


@functools.cache
def load_seeds(seeds_dir: Path = SEEDS_DIR) -> Seeds:
    """Load the three title seeds and sort the abbreviations into application order."""
    function_codes = frozenset(
        row["function_code"] for row in read_csv(seeds_dir / "title_functions.csv")
    )

    abbreviation_rows = read_csv(seeds_dir / "title_abbreviations.csv")
    abbreviations = tuple(
        sorted(
            (
                Abbreviation(
                    phrase=row["phrase"],
                    replacement=row["replacement"],
                    word_count=len(row["phrase"].split()),
                )
                for row in abbreviation_rows
            ),
            key=lambda abbreviation: (-abbreviation.word_count, abbreviation.phrase),
        )
    )

    rules = []
    for row in read_csv(seeds_dir / "title_rules.csv"):
        code = row["rule_code"]
        key = apply_abbreviations(build_key(normalise_title(row["phrase"])), abbreviations)
        rules.append(
            Rule(
                rule_code=code,
                phrase=row["phrase"],
                key=key,
                seniority=row["seniority"] or None,
                function_code=row["function_code"] or None,
                is_founder=parse_flag(row["is_founder"], "is_founder", code),
                is_owner=parse_flag(row["is_owner"], "is_owner", code),
                is_board=parse_flag(row["is_board"], "is_board", code),
                is_exclusive=parse_flag(row["is_exclusive"], "is_exclusive", code),
                precedence=int(row["precedence"]),
            )
        )
    return Seeds(function_codes=function_codes, abbreviations=abbreviations, rules=tuple(rules))


def validate_seeds(seeds: Seeds) -> list[str]:
    """Check the loaded seeds and return one error message per invalid row."""
    errors = []

    phrases = [abbreviation.phrase for abbreviation in seeds.abbreviations]
    for abbreviation in seeds.abbreviations:
        if phrases.count(abbreviation.phrase) > 1:
            errors.append(f"title_abbreviations.csv: duplicate phrase {abbreviation.phrase!r}")
        for column in ("phrase", "replacement"):
            value = getattr(abbreviation, column)
            if normalise_title(value) != value:
                errors.append(
                    f"title_abbreviations.csv: {column} {value!r} is not normalised, "
                    f"expected {normalise_title(value)!r}"
                )
        if not abbreviation.phrase:
            errors.append("title_abbreviations.csv: a row has a blank phrase")
        if abbreviation.phrase == abbreviation.replacement:
            errors.append(f"title_abbreviations.csv: phrase {abbreviation.phrase!r} replaces itself")

    codes = [rule.rule_code for rule in seeds.rules]
    precedences = [rule.precedence for rule in seeds.rules]
    keys = [(rule.key, rule.seniority, rule.function_code) for rule in seeds.rules]
    for rule in seeds.rules:
        prefix = f"title_rules.csv: rule {rule.rule_code!r}"
        if codes.count(rule.rule_code) > 1:
            errors.append(f"{prefix} has a duplicate rule_code")
        if rule.rule_code == DEFAULT_RULE_CODE:
            errors.append(f"{prefix} uses the reserved code of the default rule")
        if precedences.count(rule.precedence) > 1:
            errors.append(f"{prefix} shares precedence {rule.precedence} with another rule")
        if not rule.key:
            errors.append(f"{prefix} has phrase {rule.phrase!r}, which normalises to nothing")
        if keys.count((rule.key, rule.seniority, rule.function_code)) > 1:
            errors.append(f"{prefix} repeats the key {rule.key!r} of another rule with the same outcome")
        if rule.seniority is not None and rule.seniority not in SENIORITY_RANK:
            errors.append(f"{prefix} has invalid seniority {rule.seniority!r}")
        if rule.function_code is not None and rule.function_code not in seeds.function_codes:
            errors.append(f"{prefix} has function_code {rule.function_code!r}, missing from title_functions.csv")
        if rule.is_exclusive and rule.seniority is None:
            errors.append(f"{prefix} is exclusive but has no seniority")
        if not (rule.seniority or rule.function_code or rule.is_founder or rule.is_owner or rule.is_board):
            errors.append(f"{prefix} sets neither a seniority, a function nor a flag")
    return errors


def classify(title: str | None, seeds: Seeds | None = None) -> dict:
    """Classify one job title and return its seniority, functions, flags and rules.

    The result has the keys title_key, seniority, functions (sorted list), is_founder,
    is_owner, is_board, decided_rule_code and matched_rule_codes (every matching rule,
    counting or not, by precedence). A title whose key is empty, because it has no
    letter or digit or only stopwords, gets None as seniority and decided_rule_code.
    """
    seeds = seeds or load_seeds()
    words = normalise_title(title)
    key = apply_abbreviations(build_key(words), seeds.abbreviations)
    matched = sorted(
        (rule for rule in seeds.rules if rule.key in key), key=lambda rule: rule.precedence
    )

    exclusive = [rule for rule in matched if rule.is_exclusive]
    counting = exclusive[:1] if exclusive else matched

    ranked = [rule for rule in counting if rule.seniority is not None]
    ranked.sort(key=lambda rule: (-SENIORITY_RANK[rule.seniority], rule.precedence))
    if not key:
        seniority, decided_rule_code = None, None
    elif ranked:
        seniority, decided_rule_code = ranked[0].seniority, ranked[0].rule_code
    else:
        seniority, decided_rule_code = "ic", DEFAULT_RULE_CODE

    result = {
        "title_key": key,
        "seniority": seniority,
        "functions": sorted({rule.function_code for rule in counting if rule.function_code}),
        "decided_rule_code": decided_rule_code,
        "matched_rule_codes": [rule.rule_code for rule in matched],
    }
    for flag in FLAG_COLUMNS:
        result[flag] = any(getattr(rule, flag) for rule in counting)
    return result


def compare_with_expected(case: dict[str, str], result: dict) -> list[str]:
    """Compare a classification with a hard case and return one message per differing field."""
    differences = []
    expected_seniority = case["expected_seniority"] or None
    if result["seniority"] != expected_seniority:
        differences.append(f"seniority {result['seniority']!r}, expected {expected_seniority!r}")

    expected_functions = [code for code in case["expected_functions"].split(";") if code]
    if result["functions"] != expected_functions:
        differences.append(f"functions {result['functions']}, expected {expected_functions}")

    for flag in FLAG_COLUMNS:
        expected_flag = case[f"expected_{flag}"] == "true"
        if result[flag] != expected_flag:
            differences.append(f"{flag} {result[flag]}, expected {expected_flag}")
    return differences


def check_hard_cases(cases_path: Path = HARD_CASES_PATH) -> int:
    """Classify every hard case, print each failure and return the number of failures."""
    cases = read_csv(cases_path)
    failures = 0
    for case in cases:
        result = classify(case["title"])
        differences = compare_with_expected(case, result)
        if differences:
            failures += 1
            print(f"FAIL {case['title']!r} (key {result['title_key']}, "
                  f"rules {result['matched_rule_codes']}): " + "; ".join(differences))
    print(f"{len(cases) - failures} of {len(cases)} hard cases pass")
    return failures


def format_result(title: str, result: dict) -> str:
    flags = [flag for flag in FLAG_COLUMNS if result[flag]]
    return "\t".join(
        [
            title,
            result["seniority"] or "",
            ";".join(result["functions"]),
            ";".join(flags),
            result["decided_rule_code"] or "",
            result["title_key"],
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("titles", nargs="*", help="job titles to classify and print")
    parser.add_argument(
        "--titles", dest="titles_file", type=Path,
        help="file with one job title per line to classify and print as TSV",
    )
    arguments = parser.parse_args(argv)

    errors = validate_seeds(load_seeds())
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        return 1

    if arguments.titles or arguments.titles_file:
        titles = list(arguments.titles)
        if arguments.titles_file:
            titles += arguments.titles_file.read_text(encoding="utf-8").splitlines()
        print("title\tseniority\tfunctions\tflags\tdecided_rule_code\ttitle_key")
        for title in titles:
            print(format_result(title, classify(title)))
        return 0

    return 1 if check_hard_cases() else 0


if __name__ == "__main__":
    sys.exit(main())
