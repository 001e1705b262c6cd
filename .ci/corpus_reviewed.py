#!/usr/bin/env python3
"""Takes findings a person has judged right out of the corpus false-alarm rates.

`../shared/eval/corpus.py --json` counts every error and warning on the published
articles of ../shared/corpus as a false alarm "until a person agrees with it". Some are
real slips in the published text (a weekday that does not match its date, a percentage
that does not follow from its points). Each such finding, once read and judged right,
is recorded in `.ci/corpus-reviewed.json` with the reason, and this script subtracts it:
it runs `numcheck check --format json` over the same corpus, finds the reviewed
findings still reported (same file, rule and mention text), and rewrites the report's
`errors_per_100_articles` and `warnings_per_100_articles` without them. A reviewed
finding that is no longer reported subtracts nothing. The raw rates stay in the report
as `raw_errors_per_100_articles` / `raw_warnings_per_100_articles`.

Usage: corpus_reviewed.py --bin BIN --reviewed .ci/corpus-reviewed.json [--list] REPORT.json
(REPORT.json, from corpus.py --json, is rewritten in place). Python 3 standard library only.
"""
import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report")
    ap.add_argument("--bin", required=True)
    ap.add_argument("--reviewed", required=True)
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"))
    ap.add_argument("--list", action="store_true", help="print every error and warning, marked reviewed or not")
    a = ap.parse_args()
    try:
        report = json.load(open(a.report, encoding="utf-8"))
        reviewed = json.load(open(a.reviewed, encoding="utf-8"))["findings"]
    except (OSError, ValueError, KeyError) as e:
        sys.exit(f"corpus_reviewed: {e}")
    # Like corpus.py: one run per article, with the article's own date.
    corpus = Path(a.corpus)
    rows = list(csv.DictReader(open(corpus / "index.tsv", encoding="utf-8"), delimiter="\t"))
    keys = {(r["file"], r["rule"], r["mention"]) for r in reviewed}
    subtract = {"error": 0, "warning": 0}
    seen = set()
    for r in rows:
        path = corpus / "news" / r["file"]
        cmd = [a.bin, "check", "--format", "json"] + (["--date", r["date"]] if r.get("date") else [])
        run = subprocess.run(cmd + [str(path)], capture_output=True)
        if run.returncode not in (0, 1):
            continue  # corpus.py counts crashes; its gate fails on them
        text = path.read_bytes()
        for d in json.loads(run.stdout)["files"][0]["diagnostics"]:
            if d["severity"] not in subtract:
                continue
            mention = text[d["span"]["start"]:d["span"]["end"]].decode("utf-8", errors="replace")
            key = (r["file"], d["rule"], mention)
            if a.list:
                mark = "reviewed" if key in keys else "NOT REVIEWED"
                print(f"{mark:12} {d['severity']:7} {r['file']} {d['rule']} {mention!r}: {d['message'][:160]}")
            if key in keys and key not in seen:
                seen.add(key)
                subtract[d["severity"]] += 1
    n = report["articles"]
    for sev, field in (("error", "errors_per_100_articles"), ("warning", "warnings_per_100_articles")):
        raw = report[field]
        report["raw_" + field] = raw
        report[field] = round(raw - 100.0 * subtract[sev] / n, 2)
    for key in sorted(keys - seen):
        print(f"reviewed finding no longer reported: {key}")
    print(f"reviewed findings subtracted: {subtract['error']} errors, {subtract['warning']} warnings "
          f"(errors per 100 articles {report['raw_errors_per_100_articles']} -> {report['errors_per_100_articles']})")
    json.dump(report, open(a.report, "w", encoding="utf-8"), indent=1)


if __name__ == "__main__":
    main()
