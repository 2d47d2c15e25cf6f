"""What is committed works on a clean clone: no tracked symlink (a worktree's link to a shared venv or
node_modules, committed twice by accident, makes every fresh clone's install fail), and the folders
that setup creates are ignored whether they are directories or links."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout


def test_no_tracked_file_is_a_symlink():
    links = [line.split("\t", 1)[1] for line in git("ls-files", "-s").splitlines() if line.startswith("120000 ")]
    assert links == []


@pytest.mark.parametrize("path", [".venv", ".ci/audit/node_modules", ".memberhub", ".memberhub-test"])
def test_setup_folders_are_ignored_as_links_too(path):
    # Asked without a trailing slash, as a link is: a pattern written with one matches only a directory.
    assert git("check-ignore", "--no-index", path).strip() == path
