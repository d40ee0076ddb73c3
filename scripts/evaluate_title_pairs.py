#!/usr/bin/env python3
"""Measure semantic title matching on labelled pairs of job titles.

Each row of the pair file holds a pattern (`title_a`, as a user writes it in a Persona
title criterion), a person's title (`title_b`) and the label `is_same_role`. The script
classifies every title of the file with the project's SQL in one dbt operation, predicts
a match the way the `semantic` operator does, and prints precision, recall, F1 and the
pairs it gets wrong. For comparison it also prints the figures of `exact` mode.

What "same role" means in the labels
------------------------------------
A pair is labelled true when the person with title_b does the job that title_a names.
The label is judged from the words of both titles, never from the classifier's output,
at the grain that the README promises for semantic mode:

* The same function, as seeds/reference/title_functions.csv defines the functions.
* The same rung of the seniority ladder ic < manager < director < vp < c_suite. A Lead
  runs a team below the head of the function, so Marketing Lead is a manager, and
  Head of Marketing ranks with Marketing Director.
* The same founder, owner and board standing.

Other wording, word order, abbreviations, German, French or Spanish titles, company and
region suffixes, qualifiers that stay on one rung (Senior, Junior, Interim, and SVP or
EVP beside VP) and specialisations of one occupation (Backend Developer for Software
Engineer) therefore keep the role. A title that adds a second role to the pattern's role
keeps it too (Founder & CEO for the pattern CEO), because a Persona written as CEO is
meant to reach founder CEOs. The reverse pair (pattern Founder & CEO, title CEO) is a
different role.

Another function (Director of Sales Operations for Sales Director), another rung
(Director of Engineering for CTO, Marketing Lead for Head of Marketing), another standing
(Product Owner for Owner) and a person who assists or advises the role (Assistant to the
VP of Sales for VP Sales) make a different role.

NOTE: this grain cannot separate different occupations that share a function and a rung,
such as Paralegal and Lawyer or Tech Lead and Engineering Manager. The pair file leaves
such pairs out, so the figures say nothing about them.

Prediction
----------
semantic: the two role signatures (seniority, functions and founder, owner and board
flags) are equal, and the pattern's signature names a function or a flag. The dbt
models reject a semantic criterion whose pattern names neither, so such a pair counts as
no match and the script lists the pattern.
exact: the two word keys (the normalised titles after the phrase replacements of
seeds/reference/title_abbreviations.csv) are equal.

Sources of the pairs
--------------------
The `source` column names where each pair's titles come from. Rows marked
`O*NET Alternate Titles` pair an O*NET alternate title with its short form, or titles of
two O*NET occupations. This product includes information from the O*NET Database by the
U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under
the CC BY 4.0 license. O*NET® is a trademark of USDOL/ETA. Rows marked `ESCO v1.2.0`
(German and Spanish) or `ESCO legacy French release` take title_b from the labels of an
ESCO occupation (ESCO, European Commission). All other rows are written for this project.

Target: precision >= 0.95 at recall >= 0.85 for semantic mode. The script exits 0 after
a complete evaluation, whether the target is met or not, and 1 when the pair file is
invalid.

Usage: scripts/evaluate_title_pairs.py [--pairs FILE]
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from title_tools import PROJECT_ROOT
from title_tools import classify_titles as run_classifier

DEFAULT_PAIRS_PATH = PROJECT_ROOT / "tests" / "fixtures" / "title_pairs.csv"
PAIR_COLUMNS = ["title_a", "title_b", "is_same_role", "source", "note"]
TARGET_PRECISION = 0.95
TARGET_RECALL = 0.85


@dataclass(frozen=True)
class ClassifiedTitle:
    """A title with the output of the SQL classifier: word key, role and role signature."""

    title: str
    title_key: str | None
    seniority: str | None
    functions: tuple[str, ...]
    is_founder: bool
    is_owner: bool
    is_board: bool
    rule: str | None
    signature: str | None

    @property
    def names_role(self) -> bool:
        """Whether the signature names a function or a flag, as a semantic pattern must.

        A signature is `seniority:functions:flags`, so one ending in `::` has neither.
        """
        return self.signature is not None and not self.signature.endswith("::")


@dataclass(frozen=True)
class TitlePair:
    """A labelled row of the pair file, with its line number in that file."""

    title_a: str
    title_b: str
    is_same_role: bool
    source: str
    note: str
    line: int


@dataclass(frozen=True)
class PairScores:
    """Confusion counts of one match mode on a pair set, and the pairs it gets wrong."""

    true_positives: int
    false_positives: list[TitlePair]
    false_negatives: list[TitlePair]
    true_negatives: int

    @property
    def precision(self) -> float:
        predicted = self.true_positives + len(self.false_positives)
        return self.true_positives / predicted if predicted else 0.0

    @property
    def recall(self) -> float:
        actual = self.true_positives + len(self.false_negatives)
        return self.true_positives / actual if actual else 0.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def meets_target(self) -> bool:
        return self.precision >= TARGET_PRECISION and self.recall >= TARGET_RECALL


def read_pairs(path: Path) -> list[TitlePair]:
    """Read and check the pair file. Raises ValueError that names the first invalid line."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames != PAIR_COLUMNS:
            raise ValueError(f"{path}: the header must be {','.join(PAIR_COLUMNS)}, found {reader.fieldnames}.")
        pairs = []
        for row in reader:
            line = reader.line_num
            if None in row or None in row.values():
                raise ValueError(f"{path}, line {line}: expected {len(PAIR_COLUMNS)} columns.")
            if not row["title_a"].strip() or not row["title_b"].strip():
                raise ValueError(f"{path}, line {line}: title_a and title_b must not be blank.")
            if row["is_same_role"] not in ("true", "false"):
                raise ValueError(f"{path}, line {line}: invalid is_same_role '{row['is_same_role']}'. Use true or false.")
            if not row["source"].strip():
                raise ValueError(f"{path}, line {line}: source is missing.")
            pairs.append(
                TitlePair(
                    title_a=row["title_a"],
                    title_b=row["title_b"],
                    is_same_role=row["is_same_role"] == "true",
                    source=row["source"],
                    note=row["note"],
                    line=line,
                )
            )
    if not pairs:
        raise ValueError(f"{path}: the file has no pairs.")
    return pairs


def classify_titles(titles: Iterable[str]) -> dict[str, ClassifiedTitle]:
    """Classify titles with the project's SQL in one dbt operation, keyed by trimmed title.

    Titles are trimmed first, as staging trims them, and blank titles are left out.
    """
    distinct_titles = sorted({title.strip() for title in titles if title and title.strip()})
    records = run_classifier(distinct_titles)

    classified = {}
    for title, record in records.items():
        classified[title] = ClassifiedTitle(
            title=title,
            title_key=record["title_key"],
            seniority=record["seniority"],
            functions=tuple(code for code in (record["function_list"] or "").split("|") if code),
            is_founder=bool(record["is_founder"]),
            is_owner=bool(record["is_owner"]),
            is_board=bool(record["is_board"]),
            rule=record["seniority_rule"],
            signature=record["title_signature"],
        )
    missing = [title for title in distinct_titles if title not in classified]
    if missing:
        raise RuntimeError(f"the classifier returned no row for {len(missing)} titles, for example {missing[:5]}")
    return classified


def matches_semantic(pattern: ClassifiedTitle, title: ClassifiedTitle) -> bool:
    return pattern.names_role and pattern.signature == title.signature


def matches_exact(pattern: ClassifiedTitle, title: ClassifiedTitle) -> bool:
    return pattern.title_key is not None and pattern.title_key == title.title_key


def score_pairs(
    pairs: list[TitlePair],
    classified: dict[str, ClassifiedTitle],
    matches: Callable[[ClassifiedTitle, ClassifiedTitle], bool],
) -> PairScores:
    """Count how often `matches` agrees with the labels of `pairs`."""
    true_positives = 0
    true_negatives = 0
    false_positives = []
    false_negatives = []
    for pair in pairs:
        is_match = matches(classified[pair.title_a.strip()], classified[pair.title_b.strip()])
        if is_match and pair.is_same_role:
            true_positives += 1
        elif is_match:
            false_positives.append(pair)
        elif pair.is_same_role:
            false_negatives.append(pair)
        else:
            true_negatives += 1
    return PairScores(true_positives, false_positives, false_negatives, true_negatives)


def describe_pair(pair: TitlePair, classified: dict[str, ClassifiedTitle]) -> str:
    """Format a pair with both signatures, for the lists of wrong predictions."""
    pattern = classified[pair.title_a.strip()]
    title = classified[pair.title_b.strip()]
    return (
        f"  line {pair.line}: {pair.title_a!r} [{pattern.signature}] vs {pair.title_b!r} [{title.signature}]"
        f" rule {title.rule} - {pair.note} ({pair.source})"
    )


def print_report(pairs: list[TitlePair], classified: dict[str, ClassifiedTitle], pairs_path: Path) -> None:
    positives = sum(pair.is_same_role for pair in pairs)
    print(f"{len(pairs)} title pairs in {pairs_path}: {positives} same role, {len(pairs) - positives} different role")
    print()

    scores = {"semantic": score_pairs(pairs, classified, matches_semantic), "exact": score_pairs(pairs, classified, matches_exact)}
    print(f"{'mode':<10}{'precision':>10}{'recall':>8}{'F1':>8}{'TP':>6}{'FP':>6}{'FN':>6}{'TN':>6}")
    for mode, score in scores.items():
        print(
            f"{mode:<10}{score.precision:>10.3f}{score.recall:>8.3f}{score.f1:>8.3f}"
            f"{score.true_positives:>6}{len(score.false_positives):>6}{len(score.false_negatives):>6}{score.true_negatives:>6}"
        )
    print()

    semantic = scores["semantic"]
    verdict = "met" if semantic.meets_target() else "NOT met"
    print(
        f"Target for semantic mode (precision >= {TARGET_PRECISION}, recall >= {TARGET_RECALL}): {verdict}"
        f" (precision {semantic.precision:.3f}, recall {semantic.recall:.3f})"
    )

    rejected = sorted({pair.title_a for pair in pairs if not classified[pair.title_a.strip()].names_role})
    if rejected:
        print()
        print(f"Patterns that name no function or flag, so a semantic criterion rejects them ({len(rejected)}):")
        for pattern in rejected:
            print(f"  {pattern!r} [{classified[pattern.strip()].signature}]")

    for heading, wrong_pairs in [("False positives", semantic.false_positives), ("False negatives", semantic.false_negatives)]:
        print()
        print(f"{heading} of semantic mode ({len(wrong_pairs)}):")
        for pair in wrong_pairs:
            print(describe_pair(pair, classified))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--pairs",
        type=Path,
        default=DEFAULT_PAIRS_PATH,
        help="CSV file with the columns title_a,title_b,is_same_role,source,note (default: %(default)s)",
    )
    args = parser.parse_args()
    if not args.pairs.is_file():
        print(f"error: pair file {args.pairs} not found.", file=sys.stderr)
        return 1
    try:
        pairs = read_pairs(args.pairs)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1

    classified = classify_titles([pair.title_a for pair in pairs] + [pair.title_b for pair in pairs])
    print_report(pairs, classified, args.pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
