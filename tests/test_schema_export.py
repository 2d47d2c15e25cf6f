"""schema.graphql is the exported SDL of the code; it must not drift."""

import subprocess
import sys
from pathlib import Path

from app.graphql.schema import schema

ROOT = Path(__file__).resolve().parent.parent


def test_checked_in_schema_matches_code():
    checked_in = (ROOT / "schema.graphql").read_text()
    assert checked_in == schema.as_str() + "\n", "schema.graphql drifted: run `memberhub export-schema`"


def test_export_schema_command_writes_the_sdl(tmp_path):
    target = tmp_path / "out.graphql"
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "export-schema", "--output", str(target)],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert target.read_text() == (ROOT / "schema.graphql").read_text()
