"""The Spark archive run against the CLI: 200 corpus articles checked in
local[2] through the Python package give the findings `numcheck check
--format json --date DATE` gives on the same files, field for field."""

import collections
import json
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = pathlib.Path(os.environ.get("NUMCHECK_CORPUS", ROOT.parent / "shared" / "corpus"))
ARTICLES = 200

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))


def cli_binary() -> str:
    target = os.environ.get("CARGO_TARGET_DIR", str(ROOT / "target"))
    return os.path.abspath(os.environ.get("NUMCHECK_BIN", os.path.join(target, "release", "numcheck")))


def sample(index: pathlib.Path, n: int):
    """`n` articles spread over the index: (file, date or None)."""
    lines = index.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    col_file, col_date = header.index("file"), header.index("date")
    rows = [line.split("\t") for line in lines[1:] if line.strip()]
    rows.sort(key=lambda r: r[col_file])
    step = max(1, len(rows) // n)
    return [(r[col_file], r[col_date] or None) for r in rows[::step][:n]]


def cli_findings(folder: pathlib.Path, articles) -> dict:
    """file → the CLI's diagnostics, one run per date."""
    by_date = collections.defaultdict(list)
    for file, date in articles:
        by_date[date].append(file)
    out = {}
    for date, files in sorted(by_date.items(), key=lambda kv: kv[0] or ""):
        args = [cli_binary(), "check", "--format", "json", "--fail-on", "never"]
        if date:
            args += ["--date", date]
        run = subprocess.run(args + files, cwd=folder, capture_output=True, check=False)
        assert run.returncode == 0, run.stderr.decode()
        for f in json.loads(run.stdout)["files"]:
            out[f["path"]] = f["diagnostics"]
    return out


def canonical(findings) -> list:
    return sorted(json.dumps(d, sort_keys=True, ensure_ascii=False) for d in findings)


def test_spark_findings_equal_cli(tmp_path):
    if not (CORPUS / "index.tsv").is_file():
        pytest.skip(f"{CORPUS} not found: the Spark test reads 200 corpus articles from it")
    if not os.access(cli_binary(), os.X_OK):
        pytest.skip(f"{cli_binary()} not built (cargo build --release, or set NUMCHECK_BIN)")
    pyspark = pytest.importorskip("pyspark")
    pd = pytest.importorskip("pandas")
    from check_archive import check_archive

    articles = sample(CORPUS / "index.tsv", ARTICLES)
    assert len(articles) == ARTICLES
    folder = tmp_path / "articles"
    folder.mkdir()
    for file, _ in articles:
        shutil.copyfile(CORPUS / "news" / file, folder / file)

    # The executors' Python is this one, where numcheck is installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    os.environ["SPARK_LOCAL_IP"] = "127.0.0.1"  # stay on the loopback interface
    spark = (
        pyspark.sql.SparkSession.builder.master("local[2]")
        .appName("numcheck-archive-test")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    # The executors import the job's module as spark-submit would ship it.
    spark.sparkContext.addPyFile(str(pathlib.Path(__file__).resolve().parent / "check_archive.py"))
    output = tmp_path / "findings.parquet"
    try:
        check_archive(spark, str(folder), str(output), index=str(CORPUS / "index.tsv"))
    finally:
        spark.stop()

    table = pd.read_parquet(output)
    assert table["error"].isna().all(), table[table["error"].notna()][["file", "error"]]
    spark_found = collections.defaultdict(list)
    for row in table.itertuples(index=False):
        d = {
            "rule": row.rule,
            "severity": row.severity,
            "message": row.message,
            "span": {
                "start": int(row.start),
                "end": int(row.end),
                "line": int(row.line),
                "column": int(row.column),
                "text": row.text,
            },
            "related": json.loads(row.related),
        }
        if pd.notna(row.help):
            d["help"] = row.help
        if pd.notna(row.fixes):
            d["fixes"] = json.loads(row.fixes)
        spark_found[row.file].append(d)

    cli = cli_findings(folder, articles)
    assert sorted(cli) == sorted(f for f, _ in articles)
    assert set(spark_found) <= set(cli)
    total = sum(len(v) for v in cli.values())
    assert total > 0, "200 news articles give some findings"
    differing = [f for f in cli if canonical(cli[f]) != canonical(spark_found.get(f, []))]
    assert not differing, f"{len(differing)} files differ, e.g. {differing[:3]}"
    assert len(table) == total
    print(f"spark: {len(table)} findings in {len(articles)} articles, identical to the CLI's")
