"""Checks an archive of articles with numcheck on Spark and writes the findings as Parquet.

    spark-submit check_archive.py ARTICLES OUTPUT [--index INDEX.tsv] [--glob GLOB]

ARTICLES is a folder of articles (read recursively; plain text, Markdown and
HTML by extension, as the CLI reads them). The optional index is a TSV file
with a header naming at least a `file` column (the article's path relative to
ARTICLES) and a `date` column (YYYY-MM-DD, may be empty): each article is
checked with its date, as `numcheck check --date DATE` would. OUTPUT is a
Parquet folder with one row per finding:

    file, path, rule, severity, message, start, end, line, column, text,
    related (JSON), help, fixes (JSON), error

`file` is the article's path relative to ARTICLES, `path` the URI Spark read
it from; `start`/`end` are UTF-8 byte offsets (the CLI's `span`). An article
that cannot be read (not UTF-8, a bad date in the index) gives one row with
`rule` null and the CLI's message in `error`; an article with no findings
gives no row. Articles are checked in `mapInPandas` by the `numcheck` Python
package, which must be installed on the driver and every executor.
"""

from __future__ import annotations

import argparse
import json
import posixpath
from typing import Iterator, Optional

import pandas as pd
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F
from pyspark.sql import types as T

# The Parquet schema: one row per finding.
FINDINGS = T.StructType(
    [
        T.StructField("file", T.StringType(), False),
        T.StructField("path", T.StringType(), False),
        T.StructField("rule", T.StringType(), True),
        T.StructField("severity", T.StringType(), True),
        T.StructField("message", T.StringType(), True),
        T.StructField("start", T.LongType(), True),
        T.StructField("end", T.LongType(), True),
        T.StructField("line", T.LongType(), True),
        T.StructField("column", T.LongType(), True),
        T.StructField("text", T.StringType(), True),
        T.StructField("related", T.StringType(), True),
        T.StructField("help", T.StringType(), True),
        T.StructField("fixes", T.StringType(), True),
        T.StructField("error", T.StringType(), True),
    ]
)

# Extensions read, and how (the CLI's `--input-format auto`).
FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
DEFAULT_GLOB = "*.{txt,md,markdown,html,htm}"


def input_format(name: str) -> str:
    """How the CLI reads a file of this name: by extension, else plain text."""
    return FORMATS.get(posixpath.splitext(name)[1].lower(), "plain")


def finding_rows(file: str, path: str, findings: list) -> list:
    """One file's findings (the CLI's JSON `diagnostics`) as rows of FINDINGS."""
    rows = []
    for d in findings:
        span = d["span"]
        rows.append(
            {
                "file": file,
                "path": path,
                "rule": d["rule"],
                "severity": d["severity"],
                "message": d["message"],
                "start": span["start"],
                "end": span["end"],
                "line": span["line"],
                "column": span["column"],
                "text": span["text"],
                "related": json.dumps(d["related"], ensure_ascii=False),
                "help": d.get("help"),
                "fixes": json.dumps(d["fixes"], ensure_ascii=False) if "fixes" in d else None,
                "error": None,
            }
        )
    return rows


def check_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """mapInPandas: (file, path, content, date) in, FINDINGS rows out."""
    import numcheck  # on the executor

    columns = [f.name for f in FINDINGS.fields]
    for batch in batches:
        rows = []
        for file, path, content, date in zip(
            batch["file"], batch["path"], batch["content"], batch["date"]
        ):
            date = date if isinstance(date, str) and date else None
            try:
                found = numcheck.check(bytes(content), date=date, format=input_format(file))
            except ValueError as e:
                rows.append({"file": file, "path": path, "error": str(e)})
                continue
            rows.extend(finding_rows(file, path, found))
        yield pd.DataFrame(rows, columns=columns).astype(
            {"start": "Int64", "end": "Int64", "line": "Int64", "column": "Int64"}
        )


def read_articles(
    spark: SparkSession, articles: str, index: Optional[str], glob: str = DEFAULT_GLOB
) -> DataFrame:
    """(file, path, content, date): every article under `articles`, with its
    date from `index` when one is given."""
    df = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .option("pathGlobFilter", glob)
        .load(articles)
        .select("path", "content")
    )
    # Spark names each file by its qualified URI (file:/..., hdfs://...); the
    # folder qualified the same way gives the path relative to it.
    root = qualified(spark, articles).rstrip("/") + "/"
    df = df.withColumn(
        "file",
        F.when(
            F.col("path").startswith(root), F.expr(f"substring(path, {len(root) + 1})")
        ).otherwise(F.col("path")),
    )
    if index:
        dates = (
            spark.read.option("sep", "\t")
            .option("header", "true")
            .option("quote", "")  # titles may hold quotes: fields are not quoted
            .csv(index)
            .select(F.col("file").alias("_file"), F.col("date").cast("string").alias("date"))
        )
        df = df.join(dates, df["file"] == dates["_file"], "left").drop("_file")
    else:
        df = df.withColumn("date", F.lit(None).cast("string"))
    return df.select("file", "path", "content", "date")


def qualified(spark: SparkSession, path: str) -> str:
    """`path` as Hadoop qualifies it (scheme, authority, absolute path)."""
    jvm = spark.sparkContext._jvm
    hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
    fs = hadoop_path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    return str(fs.makeQualified(hadoop_path).toString())


def check_archive(
    spark: SparkSession,
    articles: str,
    output: str,
    index: Optional[str] = None,
    glob: str = DEFAULT_GLOB,
) -> None:
    """Checks every article under `articles` and writes FINDINGS to `output` (Parquet)."""
    findings = read_articles(spark, articles, index, glob).mapInPandas(check_batches, FINDINGS)
    findings.write.mode("overwrite").parquet(output)


def main(argv: Optional[list] = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("articles", help="folder of articles (local path, hdfs://, s3a://, ...)")
    parser.add_argument("output", help="Parquet folder to write the findings to")
    parser.add_argument("--index", help="TSV with `file` and `date` columns (header row)")
    parser.add_argument("--glob", default=DEFAULT_GLOB, help=f"files to read (default {DEFAULT_GLOB})")
    args = parser.parse_args(argv)
    spark = SparkSession.builder.appName("numcheck-archive").getOrCreate()
    try:
        check_archive(spark, args.articles, args.output, args.index, args.glob)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
