"""Shared fixtures: the repository root and the CLI the package is compared with."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def cli():
    """Runs the numcheck binary (NUMCHECK_BIN, else target/release/numcheck)
    in the repository root; returns the CompletedProcess (bytes)."""
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    binary = os.environ.get("NUMCHECK_BIN", os.path.join(target, "release", "numcheck"))
    if not os.access(binary, os.X_OK):
        pytest.skip(f"{binary} not built (cargo build --release, or set NUMCHECK_BIN)")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([binary, *args], cwd=ROOT, capture_output=True, check=False)

    return run
