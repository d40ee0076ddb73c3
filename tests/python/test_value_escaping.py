"""Quotes in definition values must reach SQL as data, never as SQL.

Definition text is rendered into the generated scoring SQL as string literals. If a
quote were not escaped, the value `x' or '1'='1` would either break the build or turn
a filter into one that every company passes, and `Women's Health` could never match.
The build runs on a few synthetic companies and people written below.
"""

from __future__ import annotations

import pytest

from conftest import FIXTURES_DIR, ProjectCopy

INJECTION = "x' or '1'='1"

ICPS = [
    {"icp_code": "injection_probe", "icp_name": "Probe's ICP", "status": "live", "priority": "1"},
    {"icp_code": "womens_health", "icp_name": "Women's Health Clinics", "status": "live", "priority": "2"},
]

PERSONAS = [
    {"icp_code": "womens_health", "persona_code": "associate", "persona_name": "Founder's Associate", "status": "live", "priority": "1"},
]

CRITERIA = [
    # Each place where a value becomes a literal gets the injection text: a category
    # filter, a list score, an answer score and an exact title.
    {"icp_code": "injection_probe", "criterion_code": "probe_industry", "mode": "filter", "parameter": "industry", "operator": "in", "value": INJECTION},
    {"icp_code": "injection_probe", "criterion_code": "probe_stack", "mode": "score", "parameter": "technologies", "operator": "any", "value": INJECTION, "weight": "10"},
    {"icp_code": "womens_health", "criterion_code": "industry", "mode": "filter", "parameter": "industry", "operator": "in", "value": "Women's Health"},
    {"icp_code": "womens_health", "criterion_code": "size", "mode": "score", "parameter": "employee_count", "operator": "between", "min_value": "1", "max_value": "1000", "weight": "10"},
    {"icp_code": "womens_health", "persona_code": "associate", "criterion_code": "title", "mode": "filter", "parameter": "title", "operator": "exact", "value": "Founder's Associate"},
    {"icp_code": "womens_health", "persona_code": "associate", "criterion_code": "any_level", "mode": "score", "parameter": "seniority", "operator": "at_least", "value": "ic", "weight": "10"},
    {"icp_code": "womens_health", "persona_code": "associate", "criterion_code": "outbound", "mode": "score", "parameter": "runs_outbound_team", "operator": "in", "value": INJECTION, "weight": "10"},
]

INPUT_DATA = {
    "companies": [
        {"company_id": "e1", "company_name": "Synthetic Software", "industry": "Software", "employee_count": "120", "country": "US"},
        {"company_id": "e2", "company_name": "Synthetic Clinics", "industry": "Women's Health", "employee_count": "80", "country": "US"},
        # The same words without the apostrophe are another industry.
        {"company_id": "e3", "company_name": "Synthetic Care", "industry": "Womens Health", "employee_count": "80", "country": "US"},
        {"company_id": "e4", "company_name": "Synthetic X", "industry": "x", "employee_count": "10", "country": "US"},
    ],
    "company_technologies": [
        {"company_id": "e1", "technology": "Salesforce", "category": "crm"},
        {"company_id": "e4", "technology": "x", "category": "other"},
    ],
    "people": [
        {"person_id": "q1", "company_id": "e2", "title": "Founder's Associate", "country": "US", "years_of_experience": "3", "years_in_current_role": "1"},
        {"person_id": "q2", "company_id": "e2", "title": "Founders Associate", "country": "US", "years_of_experience": "3", "years_in_current_role": "1"},
    ],
    "enrichment_answers": [
        {"person_id": "q1", "question_code": "runs_outbound_team", "answer": "yes", "answered_at": "2026-09-01 10:00:00"},
    ],
}


@pytest.fixture(scope="module")
def escaping_project(make_project, engine) -> ProjectCopy:
    project = make_project("escaping", engine)
    project.copy_seeds_from(FIXTURES_DIR / "small_title_rules")
    project.replace_demo_data(**INPUT_DATA)
    project.replace_definitions(icps=ICPS, personas=PERSONAS, criteria=CRITERIA)

    result = project.dbt("build")

    # An unescaped quote ends the literal early, and the generated SQL fails to run.
    if result.returncode != 0:
        pytest.fail(f"dbt build with quoted definition values failed:\n{result.output[-6000:]}")
    return project


def test_injection_value_matches_no_company(escaping_project):
    probe = escaping_project.query(
        "select record_id, gate_outcome, score, is_assigned from main.candidate_scores"
        " where icp_code = 'injection_probe' order by record_id"
    )

    assert [row["record_id"] for row in probe] == ["e1", "e2", "e3", "e4"]
    for row in probe:
        assert row["gate_outcome"] == "gated_out", row
        assert row["score"] is None, row
        assert row["is_assigned"] is False, row
    assigned = escaping_project.query("select company_id from main.company_fit where icp_code = 'injection_probe'")
    assert assigned == []


def test_injection_value_is_kept_verbatim(escaping_project):
    # The score breakdown shows q1's answer criterion with the value exactly as written.
    rows = escaping_project.query(
        "select criterion_value, record_value, match_strength from main.score_breakdown"
        " where record_id = 'q1' and criterion_code = 'outbound'"
    )

    assert rows == [{"criterion_value": INJECTION, "record_value": "yes", "match_strength": 0.0}]


def test_apostrophe_value_matches(escaping_project):
    fits = escaping_project.query("select company_id, icp_code, icp_score from main.company_fit order by company_id")

    assert [(row["company_id"], row["icp_code"]) for row in fits] == [
        ("e1", None),
        ("e2", "womens_health"),
        ("e3", None),
        ("e4", None),
    ]
    # One score criterion, employee_count 80 inside 1-1000: 100.
    assert float(fits[1]["icp_score"]) == 100.0
    breakdown = escaping_project.query(
        "select criterion_value, record_value, outcome from main.score_breakdown"
        " where record_id = 'e2' and criterion_code = 'industry'"
    )
    assert breakdown == [{"criterion_value": "Women's Health", "record_value": "Women's Health", "outcome": "passed"}]


def test_apostrophe_title_matches(escaping_project):
    # The exact title is keyed by a query that embeds the pattern text as a literal.
    people = escaping_project.query(
        "select person_id, persona_code, persona_score, qualification_status from main.person_fit order by person_id"
    )

    # q1 passes the title filter. At least ic gives 10 points, and the answer "yes" is
    # not the injection text, so 10 of 20 points: 50.
    assert people[0]["person_id"] == "q1"
    assert people[0]["persona_code"] == "associate"
    assert float(people[0]["persona_score"]) == 50.0
    # q2's title has no apostrophe, so its word key differs and the filter fails.
    assert people[1]["person_id"] == "q2"
    assert people[1]["qualification_status"] == "no_persona_fit"


def test_quoted_names_are_stored(escaping_project):
    names = escaping_project.query(
        "select icp_code, persona_code, definition_name from main.int_definitions__validated order by icp_code, persona_code"
    )

    assert names == [
        {"icp_code": "injection_probe", "persona_code": None, "definition_name": "Probe's ICP"},
        {"icp_code": "womens_health", "persona_code": "associate", "definition_name": "Founder's Associate"},
        {"icp_code": "womens_health", "persona_code": None, "definition_name": "Women's Health Clinics"},
    ]
