"""Title classification and title matching through the real SQL.

The hard cases of tests/fixtures/title_cases.csv and the labelled pairs of
tests/fixtures/title_pairs.csv are classified together in one module-scoped dbt call,
the same call that scripts/evaluate_title_pairs.py makes. The command-line tools
scripts/classify_titles.py and scripts/match_titles.py then run end to end, one dbt
call each. All calls read the title seeds of the working tree, as the scripts do.
"""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES_DIR, PROJECT_ROOT, read_csv, write_csv

SCRIPTS_DIR = PROJECT_ROOT / "scripts"
sys.path.insert(0, str(SCRIPTS_DIR))

import evaluate_title_pairs as evaluation  # noqa: E402  (scripts/ is not a package)

TITLE_CASES_PATH = FIXTURES_DIR / "title_cases.csv"
CLASSIFICATION_COLUMNS = ["seniority", "functions", "is_founder", "is_owner", "is_board", "rule"]
FLAGS = ["is_founder", "is_owner", "is_board"]

# Titles for the end-to-end run of match_titles.py. `person_id` checks that other
# columns pass through, and the blank title checks that such a row is kept unmatched.
MATCH_TITLES = [
    "VP Sales",
    "Vice President, Sales",
    "Vice President of Sales",
    "Sales VP",
    "SVP Sales",
    "Vizepräsident Vertrieb",
    "VP Marketing",
    "Assistant to the VP of Sales",
    "",
]

# The titles of MATCH_TITLES that each mode and pattern must match. Every other title
# must not match. A wildcard is anchored at both ends and matches whole words only, so
# `VP*` misses `SVP Sales` and `Sales VP`. Exact compares word keys after the phrase
# replacements, so it matches the long and the German forms but not a new word order.
# Semantic also matches a new word order and SVP, which is on the VP rung.
EXPECTED_MATCHES = {
    ("wildcard", "VP*"): {
        "VP Sales",
        "Vice President, Sales",
        "Vice President of Sales",
        "Vizepräsident Vertrieb",
        "VP Marketing",
    },
    ("exact", "VP Sales"): {
        "VP Sales",
        "Vice President, Sales",
        "Vice President of Sales",
        "Vizepräsident Vertrieb",
    },
    ("semantic", "VP Sales"): {
        "VP Sales",
        "Vice President, Sales",
        "Vice President of Sales",
        "Sales VP",
        "SVP Sales",
        "Vizepräsident Vertrieb",
    },
}

# Expected output rows of classify_titles.py. The rule is the title rule that decided
# the seniority. Between two c_suite rules the one with the lower precedence wins (cto
# before founder, cfo before coo), and a title that no seniority rule matches gets
# default_ic.
EXPECTED_CLASSIFICATIONS = [
    {"title": "VP, Sales", "seniority": "vp", "functions": "sales", "is_founder": "false", "is_owner": "false", "is_board": "false", "rule": "vp"},
    {"title": "CTO & Co-founder", "seniority": "c_suite", "functions": "engineering", "is_founder": "true", "is_owner": "false", "is_board": "false", "rule": "cto"},
    {"title": "COO, CFO", "seniority": "c_suite", "functions": "finance;operations", "is_founder": "false", "is_owner": "false", "is_board": "false", "rule": "cfo"},
    {"title": "Owner", "seniority": "c_suite", "functions": "", "is_founder": "false", "is_owner": "true", "is_board": "false", "rule": "owner"},
    {"title": "Board Member", "seniority": "c_suite", "functions": "", "is_founder": "false", "is_owner": "false", "is_board": "true", "rule": "board_member"},
    {"title": "Assistant to the VP of Sales", "seniority": "ic", "functions": "administrative", "is_founder": "false", "is_owner": "false", "is_board": "false", "rule": "only_assistant_to"},
    {"title": "Software Engineer", "seniority": "ic", "functions": "engineering", "is_founder": "false", "is_owner": "false", "is_board": "false", "rule": "default_ic"},
    {"title": "", "seniority": "", "functions": "", "is_founder": "false", "is_owner": "false", "is_board": "false", "rule": ""},
]
# Staging trims titles before it classifies them, and the tools promise the same.
PADDED_TITLE = "  Head of Marketing  "
PADDED_TITLE_EXPECTED = {"seniority": "director", "functions": "marketing", "rule": "head_of"}


def run_script(name: str, *args: str) -> subprocess.CompletedProcess:
    """Run a script of scripts/ with the interpreter that runs pytest."""
    return subprocess.run(
        [sys.executable, str(SCRIPTS_DIR / name), *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def read_output(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.fixture(scope="module")
def title_pairs() -> list[evaluation.TitlePair]:
    return evaluation.read_pairs(evaluation.DEFAULT_PAIRS_PATH)


@pytest.fixture(scope="module")
def title_cases() -> list[dict[str, str]]:
    return read_csv(TITLE_CASES_PATH)


@pytest.fixture(scope="module")
def classified(title_cases, title_pairs) -> dict[str, evaluation.ClassifiedTitle]:
    """Every title of the hard cases and of the pair set, classified in one dbt call."""
    case_titles = [case["title"] for case in title_cases]
    pair_titles = [pair.title_a for pair in title_pairs] + [pair.title_b for pair in title_pairs]
    return evaluation.classify_titles(case_titles + pair_titles)


@pytest.fixture(scope="module")
def semantic_scores(title_pairs, classified) -> evaluation.PairScores:
    return evaluation.score_pairs(title_pairs, classified, evaluation.matches_semantic)


@pytest.fixture(scope="module")
def classify_titles_output(tmp_path_factory) -> tuple[subprocess.CompletedProcess, Path]:
    """One run of classify_titles.py on EXPECTED_CLASSIFICATIONS and PADDED_TITLE."""
    directory = tmp_path_factory.mktemp("classify_titles")
    input_path = directory / "titles.csv"
    output_path = directory / "classified.csv"
    titles = [row["title"] for row in EXPECTED_CLASSIFICATIONS] + [PADDED_TITLE]
    write_csv(input_path, ["person_id", "title"], [{"person_id": f"p{index}", "title": title} for index, title in enumerate(titles)])
    return run_script("classify_titles.py", str(input_path), str(output_path)), output_path


def test_title_cases_classify_as_expected(title_cases, classified):
    failures = []
    for case in title_cases:
        found = classified.get(case["title"].strip())
        actual = {
            "seniority": (found.seniority or "") if found else "",
            "functions": ";".join(sorted(found.functions)) if found else "",
            **{flag: str(bool(found and getattr(found, flag))).lower() for flag in FLAGS},
        }
        expected = {
            "seniority": case["expected_seniority"],
            "functions": ";".join(sorted(code for code in case["expected_functions"].split(";") if code)),
            **{flag: case[f"expected_{flag}"] for flag in FLAGS},
        }
        differences = [f"{column} {actual[column]!r} (expected {expected[column]!r})" for column in expected if actual[column] != expected[column]]
        if differences:
            rule = found.rule if found else None
            failures.append(f"{case['title']!r} [rule {rule}]: " + ", ".join(differences))
    assert not failures, f"{len(failures)} title cases classify differently:\n" + "\n".join(failures)


def test_pair_set_size_and_balance(title_pairs):
    positives = sum(pair.is_same_role for pair in title_pairs)
    assert len(title_pairs) >= 300
    assert 0.4 <= positives / len(title_pairs) <= 0.6, f"{positives} of {len(title_pairs)} pairs are labelled same role"


def test_semantic_pairs_precision(semantic_scores, classified):
    wrong = "\n".join(evaluation.describe_pair(pair, classified) for pair in semantic_scores.false_positives)
    assert semantic_scores.precision >= evaluation.TARGET_PRECISION, (
        f"semantic precision {semantic_scores.precision:.3f} is below {evaluation.TARGET_PRECISION}; "
        f"false positives:\n{wrong}"
    )


def test_semantic_pairs_recall(semantic_scores, classified):
    wrong = "\n".join(evaluation.describe_pair(pair, classified) for pair in semantic_scores.false_negatives)
    assert semantic_scores.recall >= evaluation.TARGET_RECALL, (
        f"semantic recall {semantic_scores.recall:.3f} is below {evaluation.TARGET_RECALL}; "
        f"false negatives:\n{wrong}"
    )


@pytest.mark.parametrize(("mode", "pattern"), list(EXPECTED_MATCHES))
def test_match_titles_end_to_end(tmp_path, mode, pattern):
    input_path = tmp_path / "titles.csv"
    output_path = tmp_path / "matched.csv"
    write_csv(input_path, ["person_id", "title"], [{"person_id": f"p{index}", "title": title} for index, title in enumerate(MATCH_TITLES)])

    result = run_script("match_titles.py", "--mode", mode, "--pattern", pattern, str(input_path), str(output_path))
    assert result.returncode == 0, result.stdout + result.stderr

    header, rows = read_output(output_path)
    assert header == ["person_id", "title", *CLASSIFICATION_COLUMNS, "is_match", "match_strength"]
    assert [row["title"] for row in rows] == MATCH_TITLES

    expected = {title: str(title in EXPECTED_MATCHES[(mode, pattern)]).lower() for title in MATCH_TITLES}
    assert {row["title"]: row["is_match"] for row in rows} == expected
    expected_strengths = {title: "1" if is_match == "true" else "0" for title, is_match in expected.items()}
    assert {row["title"]: row["match_strength"] for row in rows} == expected_strengths


def test_classify_titles_end_to_end(classify_titles_output):
    result, output_path = classify_titles_output
    assert result.returncode == 0, result.stdout + result.stderr

    header, rows = read_output(output_path)
    assert header == ["person_id", "title", *CLASSIFICATION_COLUMNS]
    by_title = {row["title"]: row for row in rows}
    for expected in EXPECTED_CLASSIFICATIONS:
        actual = {column: by_title[expected["title"]][column] for column in expected}
        assert actual == expected


def test_classify_titles_trims_titles(classify_titles_output):
    result, output_path = classify_titles_output
    assert result.returncode == 0, result.stdout + result.stderr

    _, rows = read_output(output_path)
    padded = next(row for row in rows if row["title"] == PADDED_TITLE)
    assert {column: padded[column] for column in PADDED_TITLE_EXPECTED} == PADDED_TITLE_EXPECTED
