"""Build the whole project on the bundled demo data, dbt tests included, on every engine."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import PROJECT_ROOT, read_csv


@pytest.fixture(scope="module")
def demo_build(demo_builds, engine):
    return demo_builds(engine)


def test_demo_build_passes_every_dbt_test(demo_build):
    project, result = demo_build

    assert result.returncode == 0, result.output[-6000:]
    statuses = project.run_results()
    unit_tests = [node for node in statuses if node.startswith("unit_test.")]
    data_tests = [node for node in statuses if node.startswith("test.")]
    assert len(unit_tests) >= 5
    assert len(data_tests) >= 50
    # Exposures are listed with status no-op: dbt has nothing to run for them.
    failed = {
        node: status
        for node, status in statuses.items()
        if status not in ("pass", "success") and not node.startswith("exposure.")
    }
    assert failed == {}


def test_demo_tree_has_every_state(demo_build):
    project, _ = demo_build

    nodes = project.query("select node_type, icp_code, definition_status, company_count, person_count from main.qualification_tree")
    node_types = {node["node_type"] for node in nodes}
    assert node_types == {"icp", "persona", "no_persona_fit", "no_icp_fit", "no_company"}
    drafts = [node for node in nodes if node["definition_status"] == "draft"]
    assert [node["icp_code"] for node in drafts] == ["enterprise_finserv"]
    live_icps = [node for node in nodes if node["node_type"] == "icp" and node["definition_status"] == "live"]
    assert {node["icp_code"] for node in live_icps} == {"mid_market_saas", "smb_saas"}
    assert all(node["company_count"] > 0 for node in live_icps)
    personas = [node for node in nodes if node["node_type"] == "persona"]
    assert all(node["person_count"] > 0 for node in personas)


def test_readme_tree_matches_build(demo_build):
    project, _ = demo_build
    if project.engine != "duckdb":
        pytest.skip("print_tree.py reads a DuckDB file; the cross-engine test compares the tree on other engines")
    printed = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "print_tree.py"), "--database", str(project.database_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    # The first text block after the quick start is the tree that `make build` prints.
    quick_start = readme[readme.index("## Quick start"):]
    readme_tree = re.search(r"```text\n(.*?)```", quick_start, re.S).group(1).strip().splitlines()

    printed_lines = [line.rstrip() for line in printed.splitlines()]
    for line in readme_tree:
        assert line.rstrip() in printed_lines, f"README tree line not printed by the build: {line!r}"


def test_one_icp_and_one_persona_build(make_project):
    # The scores tables get one group of columns per definition position, so their
    # columns follow the project's definitions. The unit tests of the ranked views
    # must still pass when the project has fewer positions than their fixtures.
    project = make_project("one_definition_each")
    icps = read_csv(project.seed_path("definitions", "icps"))[:1]
    icp_code = icps[0]["icp_code"]
    personas = [row for row in read_csv(project.seed_path("definitions", "personas")) if row["icp_code"] == icp_code][:1]
    persona_code = personas[0]["persona_code"]
    criteria = [
        row
        for row in read_csv(project.seed_path("definitions", "criteria"))
        if row["icp_code"] == icp_code and row["persona_code"] in ("", persona_code)
    ]
    project.replace_definitions(icps=icps, personas=personas, criteria=criteria)

    result = project.dbt("build", timeout=900, extra_vars={"gtm_as_of_date": ""})

    assert result.returncode == 0, result.output[-6000:]
    candidates = project.query(
        "select definition_type, icp_code, persona_code, count(*) as row_count"
        " from main.candidate_scores group by definition_type, icp_code, persona_code"
        " order by definition_type"
    )
    assert [(row["definition_type"], row["icp_code"], row["persona_code"]) for row in candidates] == [
        ("icp", icp_code, None),
        ("persona", icp_code, persona_code),
    ]
    companies = project.query("select count(*) as company_count from main.company_fit")[0]["company_count"]
    assert candidates[0]["row_count"] == companies
