"""The text tree that `make build` prints, for ICP and Persona states the demo lacks."""

from __future__ import annotations

import sys

from conftest import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
from print_tree import format_tree  # noqa: E402

# Rows as print_tree.py reads them from qualification_tree: node_type, node_name,
# definition_status, is_being_defined, company_count, person_count, avg_score, sort_order.
PAUSED_TREE = [
    ("icp", "Live ICP", "live", False, 10, 40, 71.5, 1),
    ("persona", "Buyer", "live", False, 0, 12, 80.0, 2),
    ("persona", "Old buyer", "paused", False, 0, 0, None, 3),
    ("no_persona_fit", "No persona fit", None, False, 0, 28, None, 4),
    ("icp", "Paused ICP", "paused", False, 0, 0, None, 5),
    ("persona", "Paused buyer", "paused", False, 0, 0, None, 6),
    ("no_persona_fit", "No persona fit", None, False, 0, 0, None, 7),
]


def test_paused_icp_says_paused():
    lines = format_tree(PAUSED_TREE)

    paused_icp = [line for line in lines if line.startswith("Paused ICP")]
    assert paused_icp == [f"{'Paused ICP (ICP, paused)':<38} paused: assigns no companies"]


def test_paused_persona_shows_status():
    lines = format_tree(PAUSED_TREE)

    assert any(line.startswith("├─ Old buyer (Persona) (paused)") for line in lines)
    assert any(line.startswith("├─ Paused buyer (Persona) (paused)") for line in lines)


def test_live_icp_shows_counts():
    lines = format_tree(PAUSED_TREE)

    assert lines[0].startswith("Live ICP (ICP, live)")
    assert "10 companies" in lines[0]
    assert "avg ICP score 71.5" in lines[0]
