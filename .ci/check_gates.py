#!/usr/bin/env python3
"""Regression gates for checking quality.

Compares the JSON report of `../shared/eval/challenge.py --json` or
`../shared/eval/corpus.py --json` with the limits recorded in the repository:
`.ci/challenge-floors.json` holds floors (scores that may only go up: recall,
precision, controls_clean) and `.ci/corpus-ceilings.json` holds ceilings (false-alarm
rates that may only go down: errors and warnings per 100 articles, crashes). Prints each
score beside its limit and exits 1 naming every limit crossed. `--tighten` moves each
limit to the current score when that is better (never loosens one).

Usage:
  check_gates.py --floors FILE REPORT.json
  check_gates.py --ceilings FILE REPORT.json
  (add --tighten to record improvements; REPORT may be - for stdin)

Python 3 standard library only.
"""
import argparse
import json
import sys


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report")
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--floors", help="limits a score may not fall below")
    group.add_argument("--ceilings", help="limits a score may not rise above")
    ap.add_argument("--tighten", action="store_true", help="move limits to better current scores")
    a = ap.parse_args()
    path = a.floors or a.ceilings
    higher_is_better = a.floors is not None
    try:
        report = json.loads(sys.stdin.read() if a.report == "-" else open(a.report, encoding="utf-8").read())
        limits = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError) as e:
        sys.exit(f"check_gates: {e}")
    failures = []
    kind = "floor" if higher_is_better else "ceiling"
    for key, limit in sorted(limits.items()):
        if key.startswith("_"):
            continue
        score = report.get(key)
        print(f"{key:28} {score!s:>8}   {kind} {limit}")
        if not isinstance(score, (int, float)):
            failures.append(f"{key}: missing from the report")
        elif (score < limit) if higher_is_better else (score > limit):
            failures.append(f"{key}: {score} is {'under its floor' if higher_is_better else 'over its ceiling'} {limit}")
        elif a.tighten and score != limit:
            limits[key] = score
    if a.tighten:
        with open(path, "w", encoding="utf-8") as out:
            json.dump(limits, out, indent=2)
            out.write("\n")
        print(f"limits tightened where scores were better: {path}")
    if failures:
        print(f"\nregression against {path}:", file=sys.stderr)
        for f in failures:
            print("  " + f, file=sys.stderr)
        sys.exit(1)
    print(f"all scores within the {kind}s in {path}")


if __name__ == "__main__":
    main()
