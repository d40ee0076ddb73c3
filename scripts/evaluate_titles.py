#!/usr/bin/env python3
"""Measure the title classifier against labelled public job titles.

The classifier runs once on one CSV file that contains every evaluation title, through the
same SQL as the dbt models (title_tools.classify_file), or through the pure-Python
mirror scripts/title_rules_reference.py with --mirror. The script prints three parts.

(a) Seniority against the Rootstrap level labels, which ROOTSTRAP_LEVELS maps to the
    seniority ladder. It prints the accuracy, the precision and recall of each class
    and the confusion matrix.
(b) Function against O*NET alternate and reported titles. SOC_FUNCTION_CROSSWALK maps
    their O*NET-SOC codes to function codes. It prints the accuracy, the precision,
    recall and F1 of each class, the macro-F1 and the confusion matrix.
(c) Extra figures where the data set is present: agreement with the LinkedIn seniority
    and job-function labels of data-job postings, and with the IPOD gazetteer's
    seniority and function tags of single title words.

Each target line reads "TARGET MET" or "TARGET NOT MET". The exit status is 0 whether
or not the targets are met. It is 1 only when a required data set is missing.

Usage:
    python scripts/evaluate_titles.py                      # SQL path, all titles
    python scripts/evaluate_titles.py --mirror --sample 500
    python scripts/evaluate_titles.py --errors /tmp/title_errors.csv
"""

from __future__ import annotations

import argparse
import collections
import csv
import gzip
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT.parent / "shared" / "data"

SENIORITY_TARGET = 0.92
FUNCTION_MACRO_F1_TARGET = 0.88
SAMPLE_SEED = 20240601

SENIORITY_LADDER = ("ic", "manager", "director", "vp", "c_suite")
NO_LABEL = "(none)"

# Rootstrap level labels to the seniority ladder. "Other" collects every title below
# manager (individual contributors, interns, professors, advisors), so it maps to ic.
ROOTSTRAP_LEVELS = {
    "C-Suite": "c_suite",
    "VP": "vp",
    "Director": "director",
    "Manager": "manager",
    "Other": "ic",
}

# O*NET-SOC 2019 code prefixes to function codes of seeds/reference/title_functions.csv.
# The longest prefix that matches a code decides, so a detailed occupation can override
# its minor or major group, and a code that no prefix matches is excluded. The taxonomy
# covers office, professional, managerial and clinical work. The crosswalk therefore
# excludes manual trades and their supervisors (SOC 45 to 53), protective, food and
# personal services (33 to 39), retail store work, and arts and media other than design
# and public relations. It also excludes occupations that span several functions, such
# as general and operations managers and most "all other" groups.
SOC_FUNCTION_CROSSWALK: dict[str, str | None] = {
    # 11 Management occupations: the function of the managed unit.
    "11": None,
    "11-1011": "general_management",  # chief executives
    "11-1011.03": None,  # chief sustainability officers: sustainability is no function here
    "11-1021": None,  # general and operations managers: store, plant and site managers mixed
    "11-1031": None,  # legislators
    "11-2011": "marketing",  # advertising and promotions managers
    "11-2021": "marketing",
    "11-2022": "sales",
    "11-2032": "marketing",  # public relations managers
    "11-2033": None,  # fundraising managers
    "11-3012": "administrative",  # administrative services managers
    "11-3013": "operations",  # facilities managers
    "11-3013.01": None,  # security managers: physical security, not information security
    "11-3021": "it",  # computer and information systems managers
    "11-3031": "finance",
    "11-3051": "operations",  # industrial production and plant managers
    "11-3061": "operations",  # purchasing managers
    "11-3071": "operations",  # transportation, storage, distribution and supply chain managers
    "11-3111": "people",  # compensation and benefits managers
    "11-3121": "people",
    "11-3131": "people",  # training and development managers
    "11-903": "education",  # education administrators
    "11-9041": "engineering",  # architectural and engineering managers
    "11-9111": "healthcare",  # medical and health services managers
    "11-9121": "research",  # natural sciences managers
    "11-9121.02": None,  # water resource specialists
    "11-9199.01": "legal",  # regulatory affairs managers
    "11-9199.02": "legal",  # compliance managers
    # 13 Business and financial operations.
    "13": None,
    "13-102": "operations",  # buyers and purchasing agents
    "13-1041": "legal",  # compliance officers
    "13-1041.01": None,  # environmental compliance inspectors
    "13-1041.03": None,  # equal opportunity officers
    "13-1041.04": None,  # government property inspectors
    "13-1041.06": None,  # coroners
    "13-1041.08": None,  # customs brokers
    "13-1071": "people",
    "13-1075": "people",  # labor relations specialists
    "13-1081": "operations",  # logisticians
    "13-1141": "people",  # compensation, benefits and job analysis specialists
    "13-1151": "people",  # training and development specialists
    "13-1161": "marketing",  # market research analysts and marketing specialists
    "13-2": "finance",
    "13-2022": None,  # appraisers of personal and business property
    "13-2023": None,  # real estate appraisers and assessors
    # 15 Computer and mathematical.
    "15-1211": "it",  # computer systems analysts
    "15-1211.01": None,  # health informatics specialists: IT and healthcare
    "15-1212": "security",
    "15-1221": "research",  # computer and information research scientists
    "15-1231": "it",
    "15-1232": "it",  # computer user support specialists (help desk)
    "15-1241": "it",  # network architects and telecommunications specialists
    "15-1242": "it",  # database administrators
    "15-1243": "data",  # database architects and data warehousing specialists
    "15-1244": "it",
    "15-1251": "engineering",
    "15-1252": "engineering",
    "15-1253": "engineering",  # software quality assurance analysts and testers
    "15-1254": "engineering",
    "15-1255": "design",  # web, digital interface and video game designers
    "15-1299": None,
    "15-1299.01": "it",  # web administrators
    "15-1299.04": "security",
    "15-1299.05": "security",
    "15-1299.06": "security",
    "15-1299.07": "engineering",
    "15-1299.08": "engineering",
    "15-1299.09": "it",  # information technology project managers
    "15-2011": "finance",  # actuaries
    "15-2021": "research",  # mathematicians
    "15-2031": "data",  # operations research analysts
    "15-2041": "data",
    "15-2051": "data",
    "15-2099": None,
    # 17 Architecture and engineering: engineers, drafters and engineering technicians.
    "17": "engineering",
    "17-1": None,  # building and landscape architects, surveyors and cartographers
    "17-3031": None,  # surveying and mapping technicians
    # 19 Life, physical and social science.
    "19": None,
    "19-10": "research",  # agricultural, biological and medical scientists
    "19-103": None,  # conservation scientists and foresters
    "19-104": "research",  # epidemiologists and medical scientists
    "19-2": "research",  # physical scientists
    "19-2041.01": None,  # climate change policy analysts
    "19-2041.02": None,  # environmental restoration planners
    "19-3011": "research",  # economists
    "19-3022": "research",  # survey researchers
    "19-3033": "healthcare",  # clinical and counseling psychologists
    "19-3039": "healthcare",
    "19-3041": "research",  # sociologists
    "19-309": "research",  # anthropologists, geographers, historians, political scientists
    "19-3099": None,
    "19-4013": "research",  # food science technicians
    "19-4021": "research",  # biological technicians
    "19-4031": "research",  # chemical technicians
    "19-4061": "research",  # social science research assistants
    "19-4092": "research",  # forensic science technicians
    "19-4099": "research",
    "19-4099.01": None,  # quality control analysts: quality belongs to operations
    "19-4099.03": None,  # remote sensing technicians
    # 23 Legal; 25 Education (librarians, archivists and curators excluded).
    "23": "legal",
    "25": "education",
    "25-4": None,
    # 27 Arts, design, entertainment, sports and media: designers and PR only.
    "27": None,
    "27-1011": "design",  # art directors
    "27-1014": "design",  # special effects artists and animators
    "27-102": "design",  # commercial, fashion, graphic, interior and other designers
    "27-3031": "marketing",  # public relations specialists
    # 29 and 31 Healthcare practitioners, technicians and support.
    "29": "healthcare",
    "31": "healthcare",
    # 41 Sales: sales representatives, agents, brokers and sales engineers. Retail store
    # work (store supervisors, cashiers, retail salespersons), street vending and
    # modelling are excluded.
    "41": "sales",
    "41-1011": None,
    "41-2": None,
    "41-9011": None,  # demonstrators and product promoters
    "41-9012": None,  # models
    "41-9091": None,  # door-to-door sales workers and street vendors
    # 43 Office and administrative support, with financial, HR, logistics and service clerks.
    "43": "administrative",
    "43-3": "finance",  # financial clerks
    "43-3041": None,  # gambling cage workers
    "43-3051": "people",  # payroll and timekeeping clerks
    "43-3061": "operations",  # procurement clerks
    "43-4011": "finance",  # brokerage clerks
    "43-4041": "finance",  # credit authorizers and checkers
    "43-4051": "support",  # customer service representatives
    "43-4081": None,  # hotel desk clerks
    "43-4131": "finance",  # loan interviewers and clerks
    "43-4141": "finance",  # new accounts clerks
    "43-4161": "people",  # human resources assistants
    "43-4181": None,  # reservation and ticket agents
    "43-5": "operations",  # cargo agents, dispatchers, production and shipping clerks
    "43-5021": None,  # couriers
    "43-5031": None,  # public safety telecommunicators
    "43-5041": None,  # meter readers
    "43-505": None,  # postal service workers
    "43-5111": None,  # weighers and samplers
    "43-9031": None,  # desktop publishers
    "43-9081": None,  # proofreaders
    "43-9111": "data",  # statistical assistants
}

# LinkedIn "Seniority level" labels to the seniority levels that agree with them.
# Mid-Senior level covers experienced individual contributors and managers, and
# Executive covers vice presidents and chief officers. "Not Applicable" and blank
# labels are left out.
LINKEDIN_SENIORITY = {
    "Internship": {"ic"},
    "Entry level": {"ic"},
    "Associate": {"ic"},
    "Mid-Senior level": {"ic", "manager"},
    "Director": {"director"},
    "Executive": {"vp", "c_suite"},
}

# LinkedIn "Job function" labels to function codes. Labels without a counterpart
# (Consulting, Strategy/Planning, Project Management, General Business, Other) are
# left out of the function comparison.
LINKEDIN_FUNCTIONS = {
    "Information Technology": "it",
    "Engineering": "engineering",
    "Analyst": "data",
    "Sales": "sales",
    "Business Development": "sales",
    "Research": "research",
    "Science": "research",
    "Marketing": "marketing",
    "Advertising": "marketing",
    "Public Relations": "marketing",
    "Finance": "finance",
    "Accounting/Auditing": "finance",
    "Product Management": "product",
    "Management": "general_management",
    "Quality Assurance": "engineering",
    "Human Resources": "people",
    "Training": "people",
    "Health Care Provider": "healthcare",
    "Supply Chain": "operations",
    "Manufacturing": "operations",
    "Production": "operations",
    "Purchasing": "operations",
    "Distribution": "operations",
    "Administrative": "administrative",
    "Education": "education",
    "Design": "design",
    "Art/Creative": "design",
    "Legal": "legal",
    "Customer Service": "support",
}

# Short column headers for the confusion matrices.
ABBREVIATIONS = {
    "ic": "ic", "manager": "mgr", "director": "dir", "vp": "vp", "c_suite": "csui",
    "administrative": "adm", "customer_success": "cs", "data": "data", "design": "des",
    "education": "edu", "engineering": "eng", "finance": "fin", "general_management": "gm",
    "healthcare": "hc", "it": "it", "legal": "leg", "marketing": "mkt", "operations": "ops",
    "people": "ppl", "product": "prod", "research": "res", "revops": "rev", "sales": "sal",
    "security": "sec", "support": "sup", NO_LABEL: "none",
}


@dataclass(frozen=True)
class Classification:
    seniority: str | None
    functions: tuple[str, ...]
    rule: str


@dataclass(frozen=True)
class LabelledTitle:
    title: str
    label: str


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Read a tab-separated file with a header row, plain or gzip-compressed."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def read_csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def require_file(path: Path) -> Path:
    if not path.is_file():
        raise FileNotFoundError(f"evaluation file {path} not found; pass the data folder with --data-dir")
    return path


def load_rootstrap(data_dir: Path) -> list[LabelledTitle]:
    """Load the Rootstrap titles with their level mapped to the seniority ladder."""
    rows = read_tsv(require_file(data_dir / "rootstrap-labeled-titles" / "titles_by_level.tsv"))
    titles = []
    for row in rows:
        level = row["Classification"].strip()
        if level not in ROOTSTRAP_LEVELS:
            raise ValueError(f"Rootstrap level {level!r} of title {row['Position']!r} has no mapping")
        titles.append(LabelledTitle(row["Position"].strip(), ROOTSTRAP_LEVELS[level]))
    return titles


def soc_function(code: str) -> str | None:
    """Map an O*NET-SOC code to a function code by its longest prefix in the crosswalk."""
    for length in range(len(code), 0, -1):
        if code[:length] in SOC_FUNCTION_CROSSWALK:
            return SOC_FUNCTION_CROSSWALK[code[:length]]
    return None


@dataclass
class OnetTitles:
    titles: list[LabelledTitle]
    rows_read: int
    excluded_rows: int
    conflicting_titles: int


def load_onet(data_dir: Path) -> OnetTitles:
    """Load O*NET alternate and reported titles labelled with the function of their SOC code.

    Rows whose SOC code maps to no function are excluded. Titles are deduplicated
    case-insensitively, and a title that occurs under SOC codes of different functions
    is dropped as ambiguous.
    """
    onet_dir = data_dir / "onet-titles"
    sources = [
        (require_file(onet_dir / "alternate_titles.tsv.gz"), "Alternate Title"),
        (require_file(onet_dir / "sample_of_reported_titles.tsv"), "Reported Job Title"),
    ]
    functions_by_title: dict[str, set[str]] = collections.defaultdict(set)
    spelling: dict[str, str] = {}
    rows_read = excluded_rows = 0
    for path, column in sources:
        for row in read_tsv(path):
            title = row[column].strip()
            if not title:
                continue
            rows_read += 1
            function = soc_function(row["O*NET-SOC Code"].strip())
            if function is None:
                excluded_rows += 1
                continue
            key = title.casefold()
            functions_by_title[key].add(function)
            spelling.setdefault(key, title)

    titles = [
        LabelledTitle(spelling[key], next(iter(functions)))
        for key, functions in sorted(functions_by_title.items())
        if len(functions) == 1
    ]
    conflicting = sum(1 for functions in functions_by_title.values() if len(functions) > 1)
    return OnetTitles(titles, rows_read, excluded_rows, conflicting)


@dataclass(frozen=True)
class LinkedinPosting:
    title: str
    seniority: str
    functions: frozenset[str]


def load_linkedin(data_dir: Path) -> list[LinkedinPosting] | None:
    """Load the LinkedIn postings once per (title, company, location), or None when absent."""
    path = data_dir / "linkedin-2018-ca-data-jobs" / "linkedin_2018_ca_data_jobs.csv"
    if not path.is_file():
        return None
    postings = []
    seen = set()
    for row in read_csv_rows(path):
        identity = (row["title"].strip(), row["company"].strip(), row["location"].strip())
        if identity in seen or not identity[0]:
            continue
        seen.add(identity)
        functions = frozenset(
            LINKEDIN_FUNCTIONS[name] for name in row["functions"].split("|") if name in LINKEDIN_FUNCTIONS
        )
        postings.append(LinkedinPosting(identity[0], row["seniority"].strip(), functions))
    return postings


def load_ipod(data_dir: Path) -> list[LabelledTitle] | None:
    """Load the IPOD gazetteer tokens with the tag that at least two annotators chose."""
    path = data_dir / "ipod-gazetteer" / "gazetteer.csv"
    if not path.is_file():
        return None
    tokens = []
    for row in read_csv_rows(path):
        tags = collections.Counter(row[column] for column in ("A1", "A2", "A3"))
        tag, votes = tags.most_common(1)[0]
        if votes >= 2 and tag in ("RES", "FUN", "LOC", "O"):
            tokens.append(LabelledTitle(row["Title"].strip(), tag))
    return tokens


def classify_with_sql(titles: list[str]) -> dict[str, Classification]:
    """Classify titles with the dbt SQL, in one call of title_tools.classify_file."""
    sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
    from title_tools import classify_file

    with tempfile.TemporaryDirectory(prefix="gtm_title_evaluation_") as scratch:
        input_path = Path(scratch) / "titles.csv"
        with input_path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["title"])
            writer.writerows([title] for title in titles)
        _, rows = classify_file(input_path)

    return {
        row["title"]: Classification(
            seniority=row["seniority"] or None,
            functions=tuple(code for code in row["functions"].split(";") if code),
            rule=row["rule"],
        )
        for row in rows
    }


def classify_with_mirror(titles: list[str]) -> dict[str, Classification]:
    """Classify titles with the pure-Python mirror of the SQL."""
    sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
    import title_rules_reference

    results = {}
    for title in titles:
        result = title_rules_reference.classify(title)
        results[title] = Classification(
            seniority=result["seniority"],
            functions=tuple(result["functions"]),
            rule=result["decided_rule_code"] or "",
        )
    return results


@dataclass
class ClassReport:
    label: str
    precision: float
    recall: float
    f1: float
    support: int
    predicted: int


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def class_reports(pairs: list[tuple[str, str]], labels: list[str]) -> list[ClassReport]:
    """Compute precision, recall and F1 of each gold label from (gold, predicted) pairs."""
    reports = []
    for label in labels:
        true_positive = sum(1 for gold, predicted in pairs if gold == label and predicted == label)
        support = sum(1 for gold, _ in pairs if gold == label)
        predicted_count = sum(1 for _, predicted in pairs if predicted == label)
        precision = ratio(true_positive, predicted_count)
        recall = ratio(true_positive, support)
        f1 = ratio(2 * true_positive, support + predicted_count)
        reports.append(ClassReport(label, precision, recall, f1, support, predicted_count))
    return reports


def print_class_table(reports: list[ClassReport], with_f1: bool) -> None:
    header = f"  {'class':<20}{'precision':>10}{'recall':>8}"
    header += f"{'F1':>7}" if with_f1 else ""
    print(header + f"{'support':>9}{'predicted':>11}")
    for report in reports:
        line = f"  {report.label:<20}{report.precision:>10.3f}{report.recall:>8.3f}"
        line += f"{report.f1:>7.3f}" if with_f1 else ""
        print(line + f"{report.support:>9}{report.predicted:>11}")


def print_confusion(pairs: list[tuple[str, str]], gold_labels: list[str], predicted_labels: list[str]) -> None:
    """Print a confusion matrix with gold labels as rows and predictions as columns."""
    counts = collections.Counter(pairs)
    width = max(6, *(len(ABBREVIATIONS.get(label, label)) + 1 for label in predicted_labels))
    print("  gold \\ predicted" + "".join(f"{ABBREVIATIONS.get(label, label):>{width}}" for label in predicted_labels))
    for gold in gold_labels:
        cells = "".join(f"{counts[(gold, predicted)]:>{width}}" for predicted in predicted_labels)
        print(f"  {ABBREVIATIONS.get(gold, gold):<17}{cells}")


def print_target(name: str, value: float, target: float) -> bool:
    met = value >= target
    verdict = "TARGET MET" if met else "TARGET NOT MET"
    print(f"{verdict}: {name} {value:.4f} (target >= {target})")
    return met


def predicted_function(gold: str, functions: tuple[str, ...]) -> str:
    """Pick the function that stands for a title's function list in the confusion matrix.

    A title may get several functions. It counts as correct when the gold function is
    among them. Otherwise the alphabetically first function stands for the list, or
    NO_LABEL when the list is empty.
    """
    if gold in functions:
        return gold
    return functions[0] if functions else NO_LABEL


def evaluate_seniority(titles: list[LabelledTitle], results: dict[str, Classification]) -> float:
    pairs = [(item.label, results[item.title].seniority or NO_LABEL) for item in titles]
    accuracy = ratio(sum(1 for gold, predicted in pairs if gold == predicted), len(pairs))
    print(f"\n== (a) Seniority vs Rootstrap level labels: {len(pairs)} titles")
    print("Mapping: C-Suite -> c_suite, VP -> vp, Director -> director, Manager -> manager, Other -> ic")
    print(f"accuracy: {accuracy:.4f} ({sum(1 for g, p in pairs if g == p)} of {len(pairs)})")
    print_class_table(class_reports(pairs, list(SENIORITY_LADDER)), with_f1=False)
    predicted_labels = list(SENIORITY_LADDER) + ([NO_LABEL] if any(p == NO_LABEL for _, p in pairs) else [])
    print_confusion(pairs, list(SENIORITY_LADDER), predicted_labels)
    return accuracy


def evaluate_functions(onet: OnetTitles, results: dict[str, Classification]) -> tuple[float, list[tuple[str, str, str]]]:
    """Print the function figures and return the macro-F1 and the misclassified titles."""
    pairs = []
    errors = []
    for item in onet.titles:
        functions = results[item.title].functions
        predicted = predicted_function(item.label, functions)
        pairs.append((item.label, predicted))
        if predicted != item.label:
            errors.append((item.title, item.label, ";".join(functions)))

    gold_labels = sorted({gold for gold, _ in pairs})
    reports = class_reports(pairs, gold_labels)
    macro_f1 = sum(report.f1 for report in reports) / len(reports) if reports else 0.0
    correct = sum(1 for gold, predicted in pairs if gold == predicted)
    several = sum(1 for item in onet.titles if len(results[item.title].functions) > 1)

    print(f"\n== (b) Function vs O*NET titles mapped through the SOC crosswalk: {len(pairs)} titles")
    print(f"rows read: {onet.rows_read}; rows excluded because their SOC code maps to no function: "
          f"{onet.excluded_rows}; distinct titles dropped because their SOC codes map to "
          f"different functions: {onet.conflicting_titles}")
    print("A title counts as correct when its gold function is among the functions it gets; "
          f"{several} titles ({ratio(several, len(pairs)):.1%}) get more than one function.")
    print(f"accuracy: {ratio(correct, len(pairs)):.4f} ({correct} of {len(pairs)})")
    print(f"macro-F1 over the {len(gold_labels)} gold functions: {macro_f1:.4f}")
    print_class_table(reports, with_f1=True)
    predicted_labels = sorted({predicted for _, predicted in pairs} - {NO_LABEL}) + [NO_LABEL]
    print_confusion(pairs, gold_labels, predicted_labels)
    return macro_f1, errors


def evaluate_linkedin(postings: list[LinkedinPosting], results: dict[str, Classification]) -> None:
    print(f"\n== (c) Extra: LinkedIn data-job postings, deduplicated: {len(postings)}")
    rated = [posting for posting in postings if posting.seniority in LINKEDIN_SENIORITY]
    by_label = collections.defaultdict(lambda: [0, 0])
    for posting in rated:
        agree = results[posting.title].seniority in LINKEDIN_SENIORITY[posting.seniority]
        by_label[posting.seniority][0] += agree
        by_label[posting.seniority][1] += 1
    agreeing = sum(counts[0] for counts in by_label.values())
    print(f"seniority agreement: {ratio(agreeing, len(rated)):.4f} ({agreeing} of {len(rated)} postings "
          "with a seniority label other than Not Applicable)")
    for label in LINKEDIN_SENIORITY:
        agree, total = by_label[label]
        if total:
            accepted = ", ".join(sorted(LINKEDIN_SENIORITY[label]))
            print(f"  {label:<18} -> {accepted:<13} {ratio(agree, total):.3f} ({agree} of {total})")

    with_functions = [posting for posting in postings if posting.functions]
    overlapping = sum(1 for posting in with_functions if posting.functions & set(results[posting.title].functions))
    without_function = sum(1 for posting in postings if not results[posting.title].functions)
    print(f"job function overlap: {ratio(overlapping, len(with_functions)):.4f} ({overlapping} of "
          f"{len(with_functions)} postings share at least one function with LinkedIn's mapped labels)")
    print(f"postings whose title gets no function: {without_function}")


def evaluate_ipod(tokens: list[LabelledTitle], results: dict[str, Classification]) -> None:
    print(f"\n== (c) Extra: IPOD gazetteer tokens with a majority tag: {len(tokens)}")
    print("A RES token is read as a seniority word when a seniority rule decides it alone;")
    print("a FUN token is read as a function word when it alone gets a function.")
    for tag, description in (("RES", "responsibility"), ("FUN", "function"), ("LOC", "location"), ("O", "other")):
        tagged = [token for token in tokens if token.label == tag]
        seniority_hits = sum(1 for token in tagged if results[token.title].rule not in ("", "default_ic"))
        function_hits = sum(1 for token in tagged if results[token.title].functions)
        print(f"  {tag:<4}{description:<15}{len(tagged):>5} tokens: seniority rule "
              f"{ratio(seniority_hits, len(tagged)):>6.1%}, function {ratio(function_hits, len(tagged)):>6.1%}")


def write_errors(path: Path, seniority_errors: list[tuple[str, str, str]], function_errors: list[tuple[str, str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["evaluation", "title", "expected", "predicted"])
        writer.writerows(("seniority", *error) for error in seniority_errors)
        writer.writerows(("function", *error) for error in function_errors)


def sample(items: list, size: int | None) -> list:
    if size is None or size >= len(items):
        return items
    return random.Random(SAMPLE_SEED).sample(items, size)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data-dir", type=Path, default=DEFAULT_DATA_DIR,
        help="folder that contains the evaluation data sets (default: ../shared/data next to the repository)",
    )
    parser.add_argument(
        "--sample", type=int, metavar="N",
        help="classify at most N randomly chosen titles of each data set, with a fixed seed",
    )
    parser.add_argument(
        "--mirror", action="store_true",
        help="classify with the Python mirror scripts/title_rules_reference.py instead of the dbt SQL",
    )
    parser.add_argument(
        "--errors", type=Path, metavar="FILE",
        help="write the misclassified Rootstrap and O*NET titles to this CSV file",
    )
    arguments = parser.parse_args(argv)
    if arguments.sample is not None and arguments.sample < 1:
        parser.error(f"--sample must be a positive number of titles, got {arguments.sample}")
    return arguments


def main(argv: list[str] | None = None) -> int:
    arguments = parse_arguments(argv)
    data_dir = arguments.data_dir.resolve()
    try:
        rootstrap = sample(load_rootstrap(data_dir), arguments.sample)
        onet = load_onet(data_dir)
    except FileNotFoundError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    onet.titles = sample(onet.titles, arguments.sample)
    linkedin = load_linkedin(data_dir)
    linkedin = sample(linkedin, arguments.sample) if linkedin is not None else None
    ipod = load_ipod(data_dir)

    titles = {item.title for item in rootstrap} | {item.title for item in onet.titles}
    titles |= {posting.title for posting in linkedin or []}
    titles |= {token.title for token in ipod or []}
    ordered_titles = sorted(title for title in titles if title)

    engine = "Python mirror (scripts/title_rules_reference.py)" if arguments.mirror else "dbt SQL (title_tools.classify_file)"
    print(f"classifier: {engine}")
    print(f"data: {data_dir}")
    print(f"machine: {os.cpu_count()} CPU cores; distinct titles classified: {len(ordered_titles)}"
          + (f"; sample of at most {arguments.sample} titles per data set" if arguments.sample else ""))
    started = time.perf_counter()
    classify = classify_with_mirror if arguments.mirror else classify_with_sql
    results = classify(ordered_titles)
    results[""] = Classification(None, (), "")
    print(f"classification time: {time.perf_counter() - started:.1f} s")

    seniority_accuracy = evaluate_seniority(rootstrap, results)
    macro_f1, function_errors = evaluate_functions(onet, results)
    if linkedin is not None:
        evaluate_linkedin(linkedin, results)
    else:
        print("\n== (c) LinkedIn postings not found in the data folder; skipped")
    if ipod is not None:
        evaluate_ipod(ipod, results)
    else:
        print("\n== (c) IPOD gazetteer not found in the data folder; skipped")

    if arguments.errors:
        seniority_errors = [
            (item.title, item.label, results[item.title].seniority or NO_LABEL)
            for item in rootstrap
            if results[item.title].seniority != item.label
        ]
        write_errors(arguments.errors, seniority_errors, function_errors)
        print(f"\nmisclassified titles written to {arguments.errors}")

    print("\n== Targets")
    print_target("seniority accuracy vs Rootstrap", seniority_accuracy, SENIORITY_TARGET)
    print_target("function macro-F1 vs O*NET", macro_f1, FUNCTION_MACRO_F1_TARGET)
    return 0


if __name__ == "__main__":
    sys.exit(main())
