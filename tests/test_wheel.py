"""The built wheel sets up a database on its own: build it, install it into a fresh venv, migrate a new
database, create a team, answer a query, all from the installed package (not this checkout).

The venv borrows the dependencies already installed in this one (a .pth line; the editable install of
this checkout is not loaded through it), so the test needs no network beyond the build backend.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import uuid
from pathlib import Path

import asyncpg
from conftest import ROOT, TEST_DATABASE_URL

from app.db import connection_params, with_database

QUERY_SCRIPT = """
import asyncio, json, sys
import httpx
from asgi_lifespan import LifespanManager
import app
from app.asgi import create_app

async def main():
    async with LifespanManager(create_app()) as manager:
        transport = httpx.ASGITransport(app=manager.app)
        async with httpx.AsyncClient(transport=transport, base_url="http://wheel") as client:
            response = await client.post("/graphql", json={"query": "{ viewer { team { name } } }"},
                                         headers={"authorization": "Bearer " + sys.argv[1]})
    print(json.dumps({"package": app.__file__, "body": response.json()}))

asyncio.run(main())
"""


def run(*args: str | Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    result = subprocess.run([str(a) for a in args], capture_output=True, text=True, timeout=600, cwd=cwd,
                            env={**os.environ, **(env or {})})
    assert result.returncode == 0, f"{args}: {result.stdout}\n{result.stderr}"
    return result.stdout


async def test_wheel_installs_migrates_creates_a_team_and_answers(tmp_path):
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp_path / "dist", ROOT)
    wheel = next((tmp_path / "dist").glob("memberhub-*.whl"))
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    # Without PYTHONPATH: a checkout on it (with the egg-info a build leaves there) reads as "already installed".
    run(sys.executable, "-m", "pip", "--python", venv / "bin" / "python", "install", "-q", "--no-deps", wheel,
        env={"PYTHONPATH": ""})
    site = Path(run(venv / "bin" / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])").strip())
    (site / "_memberhub_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")

    name = f"memberhub_wheel_{uuid.uuid4().hex[:8]}"
    env = {"DATABASE_URL": with_database(TEST_DATABASE_URL, name), "MEMBERHUB_DATA_DIR": str(tmp_path / "data"),
           "PYTHONPATH": ""}
    params = connection_params(TEST_DATABASE_URL)
    params.pop("options")
    try:
        migrated = run(venv / "bin" / "memberhub", "migrate", env=env, cwd=tmp_path)
        assert migrated.startswith("applied ") and "0_" in migrated and not migrated.startswith("applied 0 ")
        created = json.loads(run(venv / "bin" / "memberhub", "create-team", "Wheel Studio", "--owner-email",
                                 "owner@wheel.example", "--json", env=env, cwd=tmp_path))
        answer = json.loads(run(venv / "bin" / "python", "-c", QUERY_SCRIPT, created["api_key"], env=env, cwd=tmp_path))
        assert answer["package"].startswith(str(site))  # the installed package, not this checkout
        assert answer["body"] == {"data": {"viewer": {"team": {"name": "Wheel Studio"}}}}
        assert run(venv / "bin" / "memberhub", "migrate", env=env, cwd=tmp_path).startswith("applied 0 ")
    finally:
        conn = await asyncpg.connect(**params)
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()
