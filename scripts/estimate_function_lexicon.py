#!/usr/bin/env python3
"""Estimate how far a word lexicon learned from O*NET titles could raise function macro-F1.

The title classifier assigns functions from hand-reviewed phrase rules. This script
measures what a lexicon learned from the evaluation data itself would add, without
leakage. It splits the O*NET titles into K folds by a hash of the title and, for each fold, derives a
lexicon of words and two-word phrases from the other K - 1 folds. A phrase enters when
it occurs in at least --min-titles titles and at least --purity of them share one
function. Each held-out title that the rules give no function then gets the function of
its last lexicon phrase, two-word phrases first. The printed macro-F1 estimates what such
a lexicon would score on titles it has not seen. The script classifies with the Python
mirror of the SQL (scripts/title_rules_reference.py) and changes no seed.

Usage:
    python scripts/estimate_function_lexicon.py
    python scripts/estimate_function_lexicon.py --purity 0.6 --folds 10
"""

from __future__ import annotations

import argparse
import collections
import sys
import zlib
from pathlib import Path

import evaluate_titles
import title_rules_reference


def title_phrases(title: str) -> tuple[list[str], list[str]]:
    """Return the normalised words of a title and its two-word phrases, in title order."""
    words = title_rules_reference.normalise_title(title).split()
    return words, [f"{first} {second}" for first, second in zip(words, words[1:])]


def derive_lexicon(
    titles: list[evaluate_titles.LabelledTitle], min_titles: int, purity: float
) -> dict[str, str]:
    """Map each word or two-word phrase that one function dominates to that function."""
    counts: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for item in titles:
        words, pairs = title_phrases(item.title)
        for phrase in set(words) | set(pairs):
            counts[phrase][item.label] += 1
    lexicon = {}
    for phrase, functions in counts.items():
        function, count = functions.most_common(1)[0]
        if count >= min_titles and count / sum(functions.values()) >= purity:
            lexicon[phrase] = function
    return lexicon


def lexicon_function(title: str, lexicon: dict[str, str]) -> str | None:
    """Return the function of the last two-word phrase in the lexicon, else of the last word."""
    words, pairs = title_phrases(title)
    for phrase in reversed(pairs):
        if phrase in lexicon:
            return lexicon[phrase]
    for word in reversed(words):
        if word in lexicon:
            return lexicon[word]
    return None


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, default=evaluate_titles.DEFAULT_DATA_DIR,
                        help="folder that contains onet-titles (default: ../shared/data next to the repository)")
    parser.add_argument("--folds", type=int, default=5, help="number of cross-validation folds (default: 5)")
    parser.add_argument("--min-titles", type=int, default=2,
                        help="minimum number of training titles that contain a phrase (default: 2)")
    parser.add_argument("--purity", type=float, default=0.75,
                        help="minimum share of those titles with the phrase's function, 0 to 1 (default: 0.75)")
    arguments = parser.parse_args(argv)
    if arguments.folds < 2:
        parser.error(f"--folds must be at least 2, got {arguments.folds}")
    if not 0 < arguments.purity <= 1:
        parser.error(f"--purity must be in (0, 1], got {arguments.purity}")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    try:
        onet = evaluate_titles.load_onet(arguments.data_dir.resolve())
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1

    results = evaluate_titles.classify_with_mirror([item.title for item in onet.titles])
    rules_only_f1, _ = evaluate_titles.evaluate_functions(onet, dict(results))

    fold_of = {item.title: zlib.crc32(item.title.casefold().encode()) % arguments.folds for item in onet.titles}
    filled = 0
    for fold in range(arguments.folds):
        training = [item for item in onet.titles if fold_of[item.title] != fold]
        lexicon = derive_lexicon(training, arguments.min_titles, arguments.purity)
        for item in onet.titles:
            classification = results[item.title]
            if fold_of[item.title] != fold or classification.functions:
                continue
            function = lexicon_function(item.title, lexicon)
            if function is not None:
                results[item.title] = evaluate_titles.Classification(
                    classification.seniority, (function,), classification.rule
                )
                filled += 1

    print(f"\n== Rules plus a lexicon learned from the other folds ({arguments.folds} folds, "
          f"min titles {arguments.min_titles}, purity {arguments.purity})")
    print(f"titles without a rule function that the lexicon filled: {filled}")
    lexicon_f1, _ = evaluate_titles.evaluate_functions(onet, results)
    print(f"\nmacro-F1, rules only: {rules_only_f1:.4f}; rules plus held-out lexicon: {lexicon_f1:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
