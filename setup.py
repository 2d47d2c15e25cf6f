"""The migrations ship inside the wheel: `migrations/` (kept at the top for aerich and for review) is
copied into the built package as `app/_migrations`, where `app.migrate` finds it once installed."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class build_py_with_migrations(build_py):  # noqa: N801 - setuptools command naming
    def run(self) -> None:
        super().run()
        source = Path(__file__).resolve().parent / "migrations"
        target = Path(self.build_lib) / "app" / "_migrations"
        shutil.rmtree(target, ignore_errors=True)  # a reused build dir must not keep a renumbered migration
        shutil.copytree(source, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__", ".lock"))


setup(cmdclass={"build_py": build_py_with_migrations})
