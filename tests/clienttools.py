"""The third-party clients in .ci/audit (npm), run by tests against a live MemberHub.

.ci/run installs them (`npm ci --prefix .ci/audit`) and sets MEMBERHUB_REQUIRE_AUDIT, so in CI a
missing tool fails the test; elsewhere it skips with the command that installs it.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

AUDIT_DIR = Path(__file__).resolve().parent.parent / ".ci" / "audit"


def node_tool(script: str, package: str) -> list[str]:
    """The command running .ci/audit/<script>, or skip/fail the test when it is not installed."""
    if shutil.which("node") and (AUDIT_DIR / "node_modules" / package).is_dir():
        return ["node", str(AUDIT_DIR / script)]
    if os.environ.get("MEMBERHUB_REQUIRE_AUDIT"):
        pytest.fail(f"{package} is not installed: run `npm ci --prefix .ci/audit`")
    pytest.skip(f"{package} not installed (npm ci --prefix .ci/audit)")


async def run_json_lines(command: list[str], *args: str, seconds: float = 120) -> list[Any]:
    """Run a tool to completion and parse its stdout, one JSON value per line."""
    process = await asyncio.create_subprocess_exec(*command, *args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=seconds)
    assert process.returncode == 0, stderr.decode()
    return [json.loads(line) for line in stdout.decode().splitlines() if line.strip()]
