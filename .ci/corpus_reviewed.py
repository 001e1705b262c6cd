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

Usage: corpus_reviewed.py --bin BIN --reviewed .ci/corpus-reviewed.json REPORT.json
(REPORT.json, from corpus.py --json, is rewritten in place). Python 3 standard library only.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report")
    ap.add_argument("--bin", required=True)
    ap.add_argument("--reviewed", required=True)
    ap.add_argument("--corpus", default=str(Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "news"))
    a = ap.parse_args()
    try:
        report = json.load(open(a.report, encoding="utf-8"))
        reviewed = json.load(open(a.reviewed, encoding="utf-8"))["findings"]
    except (OSError, ValueError, KeyError) as e:
        sys.exit(f"corpus_reviewed: {e}")
    run = subprocess.run([a.bin, "check", "--format", "json", a.corpus], capture_output=True)
    if run.returncode not in (0, 1):
        sys.exit(f"corpus_reviewed: {a.bin} check exited {run.returncode}: {run.stderr.decode(errors='replace')[:300]}")
    found = json.loads(run.stdout)
    keys = {(r["file"], r["rule"], r["mention"]) for r in reviewed}
    subtract = {"error": 0, "warning": 0}
    seen = set()
    for f in found["files"]:
        name = Path(f["path"]).name
        text = Path(f["path"]).read_bytes()
        for d in f["diagnostics"]:
            mention = text[d["span"]["start"]:d["span"]["end"]].decode("utf-8", errors="replace")
            key = (name, d["rule"], mention)
            if key in keys and d["severity"] in subtract and key not in seen:
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
