#!/usr/bin/env bash
# The Python package and the Spark archive run (issue 9): on a Debian machine
# with the Rust toolchain and Python 3 + pip, makes a fresh venv, installs
# maturin, pytest, pyspark, pandas and pyarrow from PyPI and Java from Debian
# when `java` is missing, builds the abi3 wheel once (release profile of
# python/Cargo.toml), installs it, and runs the package's tests (python/tests)
# and the Spark test (examples/spark: 200 corpus articles from ../shared in
# local[2], compared with the CLI's findings). The Spark test skips itself,
# saying why, when ../shared/corpus is absent. Called by .ci/run; runs alone too.
set -euo pipefail
cd "$(dirname "$0")/.."

start=$SECONDS
step() { printf '\n=== python: %s (%ds)\n' "$1" "$((SECONDS - start))"; }

target="${CARGO_TARGET_DIR:-target}"
venv="$target/python-venv"
wheels="$target/wheels"
python="${PYTHON:-python3}"

# Debian's packages, as .ci/run installs neovim.
apt_install() {
    local sudo=""
    if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -q "$@" || { $sudo apt-get update -q && $sudo apt-get install -y -q "$@"; }
}

# pandas < 3: PySpark 4 warns that it does not yet fully support pandas 3.
step "venv and packages (maturin, pytest, pyspark, pandas, pyarrow)"
# Debian's own python3 makes venvs only with python3-venv installed.
if ! "$python" -m venv --clear "$venv"; then
    apt_install python3-venv
    "$python" -m venv --clear "$venv"
fi
"$venv/bin/python" -m pip install -q --disable-pip-version-check \
    maturin pytest pyspark "pandas<3" pyarrow

# pyspark runs on a JVM (Java 17 or later for Spark 4).
step "java for pyspark"
if ! command -v java >/dev/null 2>&1; then
    apt_install default-jre-headless
fi
java -version 2>&1 | head -n 1

step "cargo fmt --check (python/)"
cargo fmt --check --manifest-path python/Cargo.toml

# One wheel build, the same one `pip install .` makes (maturin, from
# pyproject.toml); maturin is the venv's, so no isolated build env is fetched.
# python/ is its own workspace: it builds in python/target.
step "build the wheel (pip wheel .) and install it"
rm -rf "$wheels"
PATH="$PWD/$venv/bin:$PATH" "$venv/bin/python" -m pip wheel -q --no-deps \
    --no-build-isolation --disable-pip-version-check -w "$wheels" .
ls -l "$wheels"/numcheck-*.whl
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall \
    --no-deps "$wheels"/numcheck-*.whl

# The tests compare with the CLI; after .ci/run's release build this is a no-op.
step "cargo build --release (the CLI the tests compare with)"
cargo build --release

# pytest itself (not `python -m pytest`) so that the source folder
# python/numcheck, which has no compiled module, never shadows the installed
# package.
step "pytest python/tests examples/spark"
NUMCHECK_BIN="$(realpath "$target")/release/numcheck" "$venv/bin/pytest" -q -rs \
    -p no:cacheprovider python/tests examples/spark

step "done"
