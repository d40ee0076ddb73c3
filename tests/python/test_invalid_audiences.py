"""Invalid audience definitions must stop the build with one error listing every problem.

One build breaks every rule at once, each in its own audience, and checks that the
single compiler error lists each expected message and counts them right. A valid
control build with a quote in a condition value shows that values reach the SQL as
escaped literals. Both run on every engine.
"""

from __future__ import annotations

import re

import pytest

from conftest import listed_problems

BROKEN_AUDIENCES = [
    {"code": "Bad Code", "name": "Bad code", "motion": "volume_outbound"},
    {"code": "default", "name": "Second default", "motion": "volume_outbound"},
    {"code": "duplicate", "name": "First", "motion": "volume_outbound"},
    {"code": "duplicate", "name": "Second", "motion": "volume_outbound"},
    {"code": "wrong_motion", "name": "Wrong motion", "motion": "abn"},
    {"code": "unknown_field", "name": "Unknown field", "motion": "volume_outbound", "limt": 5},
    {"code": "bad_limit", "name": "Bad limit", "motion": "volume_outbound", "limit": 0},
    {
        "code": "unknown_column",
        "name": "Unknown column",
        "motion": "volume_outbound",
        "where": {"all": [{"column": "revenue", "operator": ">=", "value": 5}]},
    },
    {
        "code": "unknown_operator",
        "name": "Unknown operator",
        "motion": "volume_outbound",
        "where": {"column": "icp_score", "operator": "like", "value": 5},
    },
    {
        "code": "operator_of_other_type",
        "name": "Operator of other type",
        "motion": "volume_outbound",
        "where": {"column": "icp_code", "operator": ">=", "value": 5},
    },
    {
        "code": "text_for_number",
        "name": "Text for a number",
        "motion": "volume_outbound",
        "where": {"column": "icp_score", "operator": ">=", "value": "high"},
    },
    {
        "code": "number_for_text",
        "name": "Number for text",
        "motion": "volume_outbound",
        "where": {"column": "company_id", "operator": "=", "value": 42},
    },
    {
        "code": "scalar_for_list",
        "name": "Scalar for a list",
        "motion": "volume_outbound",
        "where": {"column": "icp_code", "operator": "in", "value": "smb_saas"},
    },
    {
        "code": "reversed_between",
        "name": "Reversed between",
        "motion": "volume_outbound",
        "where": {"column": "employee_count", "operator": "between", "value": [500, 10]},
    },
    {
        "code": "zero_days",
        "name": "Zero days",
        "motion": "volume_outbound",
        "where": {"any": [{"column": "last_replied_at", "operator": "within_days", "value": 0}]},
    },
    {
        "code": "two_group_keys",
        "name": "Two group keys",
        "motion": "volume_outbound",
        "where": {"all": [{"column": "icp_score", "operator": ">=", "value": 1}], "any": [{"column": "icp_score", "operator": "<=", "value": 9}]},
    },
    {
        "code": "abm_person_column",
        "name": "ABM on a person column",
        "motion": "abm",
        "where": {"column": "persona_score", "operator": ">=", "value": 50},
    },
    {
        "code": "unknown_rank_column",
        "name": "Unknown rank column",
        "motion": "volume_outbound",
        "rank_by": [{"column": "combined_score", "direction": "down"}],
    },
    {"code": "inbound_without_routes", "name": "Inbound without routes", "motion": "inbound"},
    {
        "code": "inbound_without_zero_band",
        "name": "Inbound without a zero band",
        "motion": "inbound",
        "routes": [{"queue": "sdr", "min_score": 50}],
    },
    {
        "code": "routes_outside_inbound",
        "name": "Routes outside inbound",
        "motion": "volume_outbound",
        "routes": [{"queue": "sdr", "min_score": 0}],
    },
]

PERSON_COLUMNS = ("persona_score", "icp_score", "last_replied_at", "qualification_status")
COMPANY_COLUMNS = ("committee_coverage", "fit_status", "icp_score")
ALL_OPERATORS = "=, !=, in, not_in, is_null, >=, <=, between, within_days"

# (message prefix, items the rest of the message must contain); an empty tuple means
# the message must equal the prefix.
EXPECTED_PROBLEMS = [
    ("Audience 'Bad Code': code is not snake_case. Use lower-case letters, digits and underscores, starting with a letter.", ()),
    ("Audience 'default': code 'default' is reserved for the built-in default audience. Set its thresholds with the vars gtm_audience_min_icp_score and gtm_audience_min_persona_score.", ()),
    ("Audience 'duplicate': duplicate code. Each audience needs its own code.", ()),
    ("Audience 'wrong_motion': motion 'abn' is not valid. Allowed: abm, volume_outbound, inbound.", ()),
    ("Audience 'unknown_field': field 'limt' is not valid. Allowed: ", ("limit", "where", "rank_by")),
    ("Audience 'bad_limit': limit '0' is not a whole number of at least 1. Leave it out for no limit.", ()),
    ("Audience 'unknown_column', where.all[0]: column 'revenue' is not an audience column of this motion. Allowed: ", PERSON_COLUMNS),
    (f"Audience 'unknown_operator', where: operator 'like' is not valid. Allowed: {ALL_OPERATORS}.", ()),
    ("Audience 'operator_of_other_type', where: operator '>=' is not valid for column 'icp_code' of type text. Allowed: =, !=, in, not_in, is_null.", ()),
    ("Audience 'text_for_number', where: value 'high' is not a number, which operator >= on column 'icp_score' needs.", ()),
    ("Audience 'number_for_text', where: value 42 is not text, which operator = on column 'company_id' needs. Quote it in the YAML, for example '42'.", ()),
    ("Audience 'scalar_for_list', where: value 'smb_saas' is not a non-empty list, which operator in on column 'icp_code' needs.", ()),
    ("Audience 'reversed_between', where: between 500 and 10 has its minimum above its maximum. Swap them.", ()),
    ("Audience 'zero_days', where.any[0]: value '0' is not a whole number of days of at least 1, which operator within_days on column 'last_replied_at' needs.", ()),
    ("Audience 'two_group_keys', where: a group has exactly one key, all or any, received keys all, any. Nest a second group inside the first instead.", ()),
    ("Audience 'abm_person_column', where: column 'persona_score' is not an audience column of this motion. Allowed: ", COMPANY_COLUMNS),
    ("Audience 'unknown_rank_column', rank_by[0]: column 'combined_score' is not an audience column of this motion. Allowed: ", PERSON_COLUMNS),
    ("Audience 'unknown_rank_column', rank_by[0]: direction 'down' is not valid. Allowed: asc, desc.", ()),
    ("Audience 'inbound_without_routes': routes is missing. An inbound audience routes every lead to a queue, so give a list of {queue, min_score}.", ()),
    ("Audience 'inbound_without_zero_band': no route has min_score 0, so leads with a combined score below 50 would get no queue. Add a route with min_score 0.", ()),
    ("Audience 'routes_outside_inbound': field 'routes' applies to motion inbound only, and this audience's motion is 'volume_outbound'.", ()),
]

HEADER_PATTERN = re.compile(r"Invalid audience definitions: (\d+) problems? found\.")

# The string literals of "Women's Health" and of the injection text in the compiled
# SQL. Spark reads a backslash in a literal as an escape character, so a quote is
# escaped with a backslash there and doubled elsewhere.
ESCAPED_LITERALS = {
    "spark": ("'Women\\'s Health'", "'x\\' or \\'1\\'=\\'1'"),
    "duckdb": ("'Women''s Health'", "'x'' or ''1''=''1'"),
    "postgres": ("'Women''s Health'", "'x'' or ''1''=''1'"),
}

ESCAPED_AUDIENCES = [
    {
        "code": "quoted_values",
        "name": "Quoted values",
        "motion": "volume_outbound",
        "where": {
            "any": [
                {"column": "industry", "operator": "=", "value": "Women's Health"},
                {"column": "icp_code", "operator": "in", "value": ["x' or '1'='1"]},
            ]
        },
    }
]


@pytest.fixture(scope="module")
def broken_build(make_project, engine):
    project = make_project("invalid_audiences", engine)
    return project, project.dbt("run", "--select", "int_audiences__validated", extra_vars={"gtm_audiences": BROKEN_AUDIENCES})


@pytest.fixture(scope="module")
def escaped_compile(make_project, engine):
    project = make_project("escaped_audiences", engine)
    result = project.dbt(
        "compile", "--select", "int_audiences__members_evaluated", extra_vars={"gtm_audiences": ESCAPED_AUDIENCES}
    )
    return project, result


def test_broken_audiences_fail_build(broken_build):
    project, result = broken_build

    assert result.returncode != 0, result.output[-4000:]
    assert project.run_results()["model.gtm_targeting.int_audiences__validated"] == "error"
    assert not project.table_exists("main", "int_audiences__validated")
    assert "Invalid audience definitions" in result.output


def test_every_problem_listed_once(broken_build):
    _, result = broken_build
    count, problems = listed_problems(result.output, HEADER_PATTERN)

    assert count == len(EXPECTED_PROBLEMS), "\n".join(problems)
    assert len(problems) == count, "\n".join(problems)
    for prefix, items in EXPECTED_PROBLEMS:
        if items:
            matching = [p for p in problems if p.startswith(prefix) and all(item in p[len(prefix):] for item in items)]
        else:
            matching = [p for p in problems if p == prefix]
        assert len(matching) == 1, f"expected one message {prefix!r} in:\n" + "\n".join(problems)


def test_condition_values_escaped(escaped_compile):
    project, result = escaped_compile

    assert result.returncode == 0, result.output[-4000:]
    compiled = (project.root / "target" / "compiled" / "gtm_targeting" / "models" / "intermediate" / "int_audiences__members_evaluated.sql").read_text(encoding="utf-8")
    industry, injection = ESCAPED_LITERALS[project.engine]
    assert f"coalesce(industry = {industry}, false)" in compiled
    assert f"coalesce(icp_code in ({injection}), false)" in compiled
