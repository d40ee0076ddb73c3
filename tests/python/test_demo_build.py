"""Build the whole project on the bundled demo data, dbt tests included."""

from __future__ import annotations


def test_demo_build_passes_every_dbt_test(make_project):
    project = make_project("demo_build")

    result = project.dbt("build", timeout=900)

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


def test_demo_tree_has_every_state(make_project):
    project = make_project("demo_tree")
    result = project.dbt("build", "--select", "+qualification_tree", "--exclude", "test_type:data", timeout=900)
    assert result.returncode == 0, result.output[-6000:]

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
