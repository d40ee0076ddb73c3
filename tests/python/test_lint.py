"""sqlfluff on the models as written, and on the SQL the definitions compiler generates."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_ROOT

BIN = Path(sys.executable).parent


def test_models_pass_sqlfluff():
    result = subprocess.run(
        [str(BIN / "sqlfluff"), "lint", "models", "analyses"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]


def test_generated_sql_passes_sqlfluff_and_matches_reviewed_copy():
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "lint_compiled.py")],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
