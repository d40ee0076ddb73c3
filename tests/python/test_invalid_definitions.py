"""Invalid ICP and Persona definitions must fail the build before any scoring model runs.

Every case starts from a small set of valid definitions, breaks it in one way and
builds a copy of the project. The validator collects every problem into one compiler
error, so the combined case breaks everything at once and checks all messages in a
single build. The expected messages are the validator's full wording: each names the
definition, the criterion or field, the value received and what is allowed.

The per-case builds select `+int_definitions__validated+`: the four definition seeds,
the validating model and every model downstream of it. dbt then reports the scoring
models as skipped, and their tables must be absent from the database. All builds
of this module run two at a time in one module-scoped fixture, once per engine.
On Spark, where every build takes minutes, the combined build checks every message and
the per-case builds are skipped.
"""

from __future__ import annotations

import copy
import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable

import pytest

from conftest import DbtResult, ProjectCopy, listed_problems

# --- Valid starting point -------------------------------------------------------------

BASE_ICPS = [
    {"icp_code": "saas", "icp_name": "SaaS", "status": "live", "priority": "1"},
    {"icp_code": "fin", "icp_name": "Financial services", "status": "live", "priority": "2"},
]

BASE_PERSONAS = [
    {"icp_code": "saas", "persona_code": "leader", "persona_name": "Leader", "status": "live", "priority": "1"},
]

BASE_CRITERIA = [
    {"icp_code": "saas", "criterion_code": "software", "mode": "filter", "parameter": "industry", "operator": "in", "value": "Software"},
    {"icp_code": "saas", "criterion_code": "size", "mode": "score", "parameter": "employee_count", "operator": "between", "min_value": "10", "max_value": "500", "weight": "10"},
    {"icp_code": "saas", "criterion_code": "size_band", "mode": "score", "parameter": "employee_count", "operator": "band", "value": "11-50|51-200", "weight": "5"},
    {"icp_code": "fin", "criterion_code": "banking", "mode": "filter", "parameter": "industry", "operator": "in", "value": "Banking"},
    {"icp_code": "saas", "persona_code": "leader", "criterion_code": "senior", "mode": "score", "parameter": "seniority", "operator": "at_least", "value": "director", "weight": "5"},
]

BASE_BANDS = [
    {"band_set": "employee_count", "band_code": "1-10", "band_label": "1 to 10", "min_value": "1", "max_value": "10"},
    {"band_set": "employee_count", "band_code": "11-50", "band_label": "11 to 50", "min_value": "11", "max_value": "50"},
    {"band_set": "employee_count", "band_code": "51-200", "band_label": "51 to 200", "min_value": "51", "max_value": "200"},
    {"band_set": "employee_count", "band_code": "201-500", "band_label": "201 to 500", "min_value": "201", "max_value": "500"},
    {"band_set": "employee_count", "band_code": "501-2000", "band_label": "501 to 2000", "min_value": "501", "max_value": "2000"},
    {"band_set": "employee_count", "band_code": "2001+", "band_label": "2001 or more", "min_value": "2001", "max_value": ""},
    {"band_set": "annual_revenue", "band_code": "under_10m", "band_label": "Under USD 10M", "min_value": "0", "max_value": "9999999"},
    {"band_set": "annual_revenue", "band_code": "10m+", "band_label": "USD 10M or more", "min_value": "10000000", "max_value": ""},
]

# Two companies and one person are enough: the broken builds stop before scoring, and
# the valid control build only has to show that the scoring models do get built.
INPUT_DATA = {
    "companies": [
        {"company_id": "c1", "company_name": "Synthetic Software", "industry": "Software", "employee_count": "100", "country": "US"},
        {"company_id": "c2", "company_name": "Synthetic Bank", "industry": "Banking", "employee_count": "5000", "country": "DE"},
    ],
    "people": [
        {"person_id": "p1", "company_id": "c1", "title": "Sales Director", "country": "US", "years_of_experience": "10", "years_in_current_role": "2"},
    ],
}

SCORING_MODELS = [
    "int_companies__icp_scores",
    "int_companies__icp_ranked",
    "int_people__persona_scores",
    "company_fit",
    "person_fit",
    "candidate_scores",
    "int_definitions__criteria",
    "int_records__criteria_evaluated",
    "score_breakdown",
]

HEADER_PATTERN = re.compile(r"Invalid ICP and Persona definitions: (\d+) problems? found\.")

# Scoring models built as views. Spark keeps views in its metastore only, where
# table_exists does not look, so on Spark their run status shows that they were built.
VIEW_MODELS = {"int_companies__icp_ranked"}

SPARK_PER_CASE_SKIP = (
    "on Spark the combined build checks every message of these cases, because one "
    "build per case would add minutes each"
)


# --- Expected messages ----------------------------------------------------------------


@dataclass(frozen=True)
class ExpectedProblem:
    """One message the validator must list.

    With `exact`, the message equals `text`. Otherwise it starts with `text` and the
    rest contains every item of `contains`, for messages that end in a long list
    (every registry parameter, every ICP code) whose full content is not under test.
    """

    text: str
    exact: bool = True
    contains: tuple[str, ...] = ()

    def matches(self, message: str) -> bool:
        if self.exact:
            return message == self.text
        if not message.startswith(self.text):
            return False
        rest = message[len(self.text):]
        return all(item in rest for item in self.contains)


@dataclass
class Tables:
    """Definition seeds of one case, starting as deep copies of the valid base."""

    icps: list[dict[str, str]] = field(default_factory=lambda: copy.deepcopy(BASE_ICPS))
    personas: list[dict[str, str]] = field(default_factory=lambda: copy.deepcopy(BASE_PERSONAS))
    criteria: list[dict[str, str]] = field(default_factory=lambda: copy.deepcopy(BASE_CRITERIA))
    bands: list[dict[str, str]] = field(default_factory=lambda: copy.deepcopy(BASE_BANDS))

    def band(self, band_code: str) -> dict[str, str]:
        return next(row for row in self.bands if row["band_code"] == band_code)

    def icp(self, icp_code: str) -> dict[str, str]:
        return next(row for row in self.icps if row["icp_code"] == icp_code)


@dataclass(frozen=True)
class Breakage:
    """One way of breaking the definitions and the messages it must produce."""

    name: str
    apply: Callable[[Tables], None]
    problems: tuple[ExpectedProblem, ...]


def add_unknown_parameter(tables: Tables) -> None:
    tables.criteria.append(dict(icp_code="saas", criterion_code="mood", mode="score", parameter="company_mood", operator="in", value="happy", weight="5"))


def add_unknown_operator(tables: Tables) -> None:
    tables.criteria.append(dict(icp_code="saas", criterion_code="industry_like", mode="filter", parameter="industry", operator="like", value="Soft"))


def add_operator_of_other_type(tables: Tables) -> None:
    # `any` belongs to list parameters, and industry is a category.
    tables.criteria.append(dict(icp_code="fin", criterion_code="industry_any", mode="filter", parameter="industry", operator="any", value="Banking"))


def add_weights_not_positive(tables: Tables) -> None:
    for code, weight in [("weight_zero", "0"), ("weight_negative", "-5"), ("weight_word", "ten")]:
        tables.criteria.append(dict(icp_code="saas", criterion_code=code, mode="score", parameter="funding_stage", operator="in", value="seed", weight=weight))


def add_range_min_above_max(tables: Tables) -> None:
    tables.criteria.append(dict(icp_code="fin", criterion_code="revenue_range", mode="score", parameter="annual_revenue", operator="between", min_value="500", max_value="10", weight="5"))


def make_bands_overlap(tables: Tables) -> None:
    tables.band("51-200")["min_value"] = "50"


def make_bands_gap(tables: Tables) -> None:
    tables.band("501-2000")["min_value"] = "502"


def add_duplicate_icp(tables: Tables) -> None:
    tables.icps.append({"icp_code": "fin", "icp_name": "Financial services again", "status": "draft", "priority": "3"})


def add_duplicate_persona(tables: Tables) -> None:
    tables.personas.append({"icp_code": "saas", "persona_code": "leader", "persona_name": "Leader again", "status": "draft", "priority": "2"})


def add_persona_of_missing_icp(tables: Tables) -> None:
    tables.personas.append({"icp_code": "ghost", "persona_code": "buyer", "persona_name": "Buyer", "status": "live", "priority": "1"})


def add_invalid_wildcards(tables: Tables) -> None:
    for code, pattern in [("title_percent", "VP%"), ("title_double_star", "**"), ("title_star_only", "*"), ("title_stopwords_only", "of*")]:
        tables.criteria.append(dict(icp_code="saas", persona_code="leader", criterion_code=code, mode="score", parameter="title", operator="wildcard", value=pattern, weight="5"))


def add_semantic_title_without_role(tables: Tables) -> None:
    # No title rule knows either word, so the pattern's signature names no role.
    tables.criteria.append(dict(icp_code="saas", persona_code="leader", criterion_code="title_vague", mode="score", parameter="title", operator="semantic", value="Xyzzy Plugh", weight="5"))


def set_unknown_status(tables: Tables) -> None:
    tables.icp("saas")["status"] = "life"


BAND_ADVICE = "Make each band start one above the previous band's max_value."

BREAKAGES = [
    Breakage(
        "unknown_parameter",
        add_unknown_parameter,
        (
            ExpectedProblem(
                "ICP 'saas', criterion 'mood': parameter 'company_mood' is not in the parameter registry. Known parameters: ",
                exact=False,
                contains=("employee_count", "industry", "seniority", "title"),
            ),
        ),
    ),
    Breakage(
        "unknown_operator",
        add_unknown_operator,
        (ExpectedProblem("ICP 'saas', criterion 'industry_like': operator 'like' is not valid for parameter 'industry' of type category. Allowed: in, not_in."),),
    ),
    Breakage(
        "operator_of_other_type",
        add_operator_of_other_type,
        (ExpectedProblem("ICP 'fin', criterion 'industry_any': operator 'any' is not valid for parameter 'industry' of type category. Allowed: in, not_in."),),
    ),
    Breakage(
        "weight_not_positive",
        add_weights_not_positive,
        (
            ExpectedProblem("ICP 'saas', criterion 'weight_zero': weight '0' is not a positive number. Score criteria need a weight above 0."),
            ExpectedProblem("ICP 'saas', criterion 'weight_negative': weight '-5' is not a positive number. Score criteria need a weight above 0."),
            ExpectedProblem("ICP 'saas', criterion 'weight_word': weight 'ten' is not a positive number. Score criteria need a weight above 0."),
        ),
    ),
    Breakage(
        "range_min_above_max",
        add_range_min_above_max,
        (ExpectedProblem("ICP 'fin', criterion 'revenue_range': min_value 500 is greater than max_value 10. Swap them or fix the range."),),
    ),
    Breakage(
        "bands_overlap",
        make_bands_overlap,
        (ExpectedProblem(f"Bands '11-50' and '51-200' of band set 'employee_count' overlap: 11-50 and 50-200. {BAND_ADVICE}"),),
    ),
    Breakage(
        "bands_gap",
        make_bands_gap,
        (ExpectedProblem(f"Bands '201-500' and '501-2000' of band set 'employee_count' leave a gap: 501 to 501 belongs to no band. {BAND_ADVICE}"),),
    ),
    Breakage(
        "duplicate_icp_code",
        add_duplicate_icp,
        (ExpectedProblem("ICP 'fin': duplicate icp_code. Each ICP needs its own code."),),
    ),
    Breakage(
        "duplicate_persona_code",
        add_duplicate_persona,
        (ExpectedProblem("Persona 'saas.leader': duplicate persona_code within ICP 'saas'."),),
    ),
    Breakage(
        "persona_of_missing_icp",
        add_persona_of_missing_icp,
        (
            ExpectedProblem(
                "Persona 'ghost.buyer': ICP 'ghost' does not exist. Every Persona belongs to an ICP in icps.csv; known ICPs: ",
                exact=False,
                contains=("saas", "fin"),
            ),
        ),
    ),
    Breakage(
        "invalid_wildcards",
        add_invalid_wildcards,
        (
            ExpectedProblem("Persona 'saas.leader', criterion 'title_percent': wildcard pattern 'VP%' is invalid: '%' is not a wildcard here; use * for any run of whole words."),
            ExpectedProblem("Persona 'saas.leader', criterion 'title_double_star': wildcard pattern '**' is invalid: two * in a row; one * already matches any run of words."),
            ExpectedProblem("Persona 'saas.leader', criterion 'title_star_only': wildcard pattern '*' is invalid: it has no letters or digits other than words that titles drop (such as 'of'), so it would match every title; remove the criterion instead."),
            # `of` is deleted from every title key, so `of*` would become `%`.
            ExpectedProblem("Persona 'saas.leader', criterion 'title_stopwords_only': wildcard pattern 'of*' is invalid: it has no letters or digits other than words that titles drop (such as 'of'), so it would match every title; remove the criterion instead."),
        ),
    ),
    Breakage(
        "semantic_title_without_role",
        add_semantic_title_without_role,
        (
            ExpectedProblem("Persona 'saas.leader', criterion 'title_vague': semantic title 'Xyzzy Plugh' names no function or role that the title classifier recognises (signature 'ic::'), so it would match unrelated titles. Use operator exact or wildcard, or add a rule to seeds/reference/title_rules.csv."),
        ),
    ),
    Breakage(
        "unknown_status",
        set_unknown_status,
        (ExpectedProblem("ICP 'saas': status 'life' is not valid. Allowed: draft, live, paused."),),
    ),
]


# --- Builds ---------------------------------------------------------------------------


@dataclass
class Outcome:
    project: ProjectCopy
    result: DbtResult


def prepare_project(make_project, name: str, tables: Tables, engine: str) -> ProjectCopy:
    project = make_project(name, engine)
    project.replace_demo_data(**INPUT_DATA)
    project.replace_definitions(icps=tables.icps, personas=tables.personas, criteria=tables.criteria, bands=tables.bands)
    return project


def build_case(make_project, name: str, tables: Tables, dbt_args: list[str], engine: str) -> Outcome:
    project = prepare_project(make_project, name, tables, engine)
    return Outcome(project, project.dbt(*dbt_args))


def combined_tables() -> Tables:
    tables = Tables()
    for breakage in BREAKAGES:
        breakage.apply(tables)
    return tables


def live_icp_without_criteria_tables() -> Tables:
    tables = Tables()
    tables.icps.append({"icp_code": "catch_all", "icp_name": "Catch-all", "status": "live", "priority": "9"})
    return tables


def decimal_band_tables() -> Tables:
    tables = Tables()
    tables.band("51-200")["max_value"] = "200.00"
    return tables


@pytest.fixture(scope="module")
def outcomes(make_project, engine) -> dict[str, Outcome]:
    """Build every case of this module on one engine, two dbt processes at a time."""
    # Partial builds use cautious selection: a test whose other parents are outside the
    # selection (the breakdown-sums test, the title_rules -> title_functions
    # relationship) is not run against tables that were never built.
    jobs: dict[str, tuple[Tables, list[str]]] = {
        "valid_control": (Tables(), ["build"]),
        "live_icp_without_criteria": (
            live_icp_without_criteria_tables(),
            ["build", "--select", "+int_definitions__validated", "--indirect-selection", "cautious"],
        ),
        "combined": (combined_tables(), ["build"]),
        "decimal_band_bound": (
            decimal_band_tables(),
            ["build", "--select", "+int_definitions__validated", "--indirect-selection", "cautious"],
        ),
    }
    per_case_breakages = BREAKAGES if engine != "spark" else []
    for breakage in per_case_breakages:
        tables = Tables()
        breakage.apply(tables)
        jobs[breakage.name] = (tables, ["build", "--select", "+int_definitions__validated+", "--indirect-selection", "cautious"])

    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = {
            name: pool.submit(build_case, make_project, name, tables, dbt_args, engine)
            for name, (tables, dbt_args) in jobs.items()
        }
        return {name: future.result() for name, future in futures.items()}


# --- Checks ---------------------------------------------------------------------------


def assert_problems_listed(output: str, expected: tuple[ExpectedProblem, ...]) -> None:
    count, problems = listed_problems(output, HEADER_PATTERN)
    assert count == len(expected), f"header counts {count} problems, expected {len(expected)}:\n" + "\n".join(problems)
    assert len(problems) == count, f"header counts {count} problems but {len(problems)} are listed:\n" + "\n".join(problems)
    for problem in expected:
        matching = [message for message in problems if problem.matches(message)]
        assert len(matching) == 1, f"expected exactly one message matching {problem.text!r}, found {len(matching)} in:\n" + "\n".join(problems)


def assert_no_scoring_model_ran(project: ProjectCopy, expect_skipped: list[str]) -> None:
    statuses = project.run_results()
    assert statuses.get("model.gtm_targeting.int_definitions__validated") == "error"
    errors = [unique_id for unique_id, status in statuses.items() if status == "error"]
    assert errors == ["model.gtm_targeting.int_definitions__validated"], f"nodes in error: {errors}"
    for model in expect_skipped:
        assert statuses.get(f"model.gtm_targeting.{model}") == "skipped", f"{model}: {statuses.get(f'model.gtm_targeting.{model}')}"
    for model in ["int_definitions__validated", *SCORING_MODELS]:
        assert not project.table_exists("main", model), f"table main.{model} exists although the definitions are invalid"


@pytest.mark.parametrize("breakage", BREAKAGES, ids=[breakage.name for breakage in BREAKAGES])
def test_invalid_definition_fails_build(outcomes, engine, breakage):
    if engine == "spark":
        pytest.skip(SPARK_PER_CASE_SKIP)
    outcome = outcomes[breakage.name]

    assert outcome.result.returncode != 0, outcome.result.output[-4000:]
    assert_problems_listed(outcome.result.output, breakage.problems)
    assert_no_scoring_model_ran(outcome.project, expect_skipped=SCORING_MODELS)


def test_all_problems_in_one_error(outcomes):
    outcome = outcomes["combined"]
    every_problem = tuple(problem for breakage in BREAKAGES for problem in breakage.problems)

    assert outcome.result.returncode != 0, outcome.result.output[-4000:]
    assert_problems_listed(outcome.result.output, every_problem)
    assert_no_scoring_model_ran(outcome.project, expect_skipped=SCORING_MODELS)
    # The rest of the DAG did run: the inputs were loaded and staged. The check reads a
    # table built from the staging views, because Spark keeps views in its metastore only.
    assert outcome.project.table_exists("main", "int_companies__features")
    assert outcome.project.table_exists("main_definitions", "criteria")


def test_live_icp_without_criteria_warns(outcomes):
    outcome = outcomes["live_icp_without_criteria"]

    assert outcome.result.returncode == 0, outcome.result.output[-4000:]
    assert "ICP 'catch_all' is live but has no criteria, so every company passes it with a score of 100." in outcome.result.output


def test_valid_base_builds_scoring_models(outcomes):
    # Control case: without a breakage the same project builds every scoring model, so
    # the missing tables in the other cases come from the validation error alone.
    outcome = outcomes["valid_control"]

    assert outcome.result.returncode == 0, outcome.result.output[-4000:]
    statuses = outcome.project.run_results()
    for model in SCORING_MODELS:
        assert statuses.get(f"model.gtm_targeting.{model}") == "success", f"{model}: {statuses.get(f'model.gtm_targeting.{model}')}"
        if outcome.project.engine != "spark" or model not in VIEW_MODELS:
            assert outcome.project.table_exists("main", model), f"main.{model} was not built"
    assigned = outcome.project.query("select company_id, icp_code from main.company_fit order by company_id")
    assert assigned == [{"company_id": "c1", "icp_code": "saas"}, {"company_id": "c2", "icp_code": "fin"}]


def test_decimal_band_bound_not_misread(outcomes):
    outcome = outcomes["decimal_band_bound"]

    # Whether '200.00' is accepted as 200 or rejected as not a whole number, it must
    # never be read as 2000.
    assert "51-2000" not in outcome.result.output
    assert outcome.result.returncode == 0 or "'200.00'" in outcome.result.output


def test_parse_without_database(parsed_snapshot):
    # The session snapshot is a fresh copy of the working tree with no database file,
    # and `dbt parse` is the first command that runs in it.
    project = parsed_snapshot.project

    assert parsed_snapshot.result.returncode == 0, parsed_snapshot.result.output[-4000:]
    manifest = json.loads((project.root / "target" / "manifest.json").read_text(encoding="utf-8"))
    parents = manifest["nodes"]["model.gtm_targeting.int_definitions__validated"]["depends_on"]["nodes"]
    for seed in ["icps", "personas", "criteria", "bands"]:
        assert f"seed.gtm_targeting.{seed}" in parents
    # Parsing reads no seed, so it needs no database and must not create one.
    assert not project.database_path.exists()
