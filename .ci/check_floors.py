#!/usr/bin/env python3
"""Regression gate for extraction quality.

Reads the JSON report of `../shared/eval/extraction.py --json` and the floors recorded
in `.ci/floors.json`, prints every score beside its floor (and the issue's target, for
information), and exits 1 naming each suite whose recall or unit_recall is under its
floor, or when the overall recall is. Floors only go up: after an improvement, run with
`--raise` to lift each floor to the current score (never lowers one).

Usage:
  check_floors.py [--floors .ci/floors.json] [--raise] REPORT.json   (or - for stdin)

Python 3 standard library only.
"""
import argparse
import json
import sys


def overall(report):
    gold = sum(r.get("gold") or 0 for r in report.values())
    found = sum(r.get("found") or 0 for r in report.values())
    return round(found / gold, 3) if gold else None, found, gold


def fmt(x):
    return "-" if x is None else f"{x:.3f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("report", help="extraction.py --json output, or - for stdin")
    ap.add_argument("--floors", default=".ci/floors.json")
    ap.add_argument("--raise", dest="raise_", action="store_true",
                    help="lift floors to the current scores (never lowers one) and write the file")
    a = ap.parse_args()

    try:
        text = sys.stdin.read() if a.report == "-" else open(a.report, encoding="utf-8").read()
        report = json.loads(text)
    except (OSError, ValueError) as e:
        sys.exit(f"check_floors: cannot read the extraction report {a.report}: {e}")
    if not isinstance(report, dict) or not report:
        sys.exit("check_floors: the extraction report is empty or not a JSON object")
    try:
        floors = json.load(open(a.floors, encoding="utf-8"))
    except (OSError, ValueError) as e:
        sys.exit(f"check_floors: cannot read the floors file {a.floors}: {e}")

    suite_floors = floors.get("suites", {})
    targets = floors.get("targets", {})
    failures = []

    print(f"{'suite':12} {'gold':>5} {'found':>5} {'recall':>7} {'floor':>6} {'target':>6}"
          f" {'unit_recall':>11} {'floor':>6} {'target':>6}")
    for name in sorted(set(report) | set(suite_floors)):
        r = report.get(name)
        f = suite_floors.get(name, {})
        t = targets.get(name, {})
        if r is None:
            failures.append(f"suite {name}: has a floor but is missing from the report")
            continue
        rec, urec = r.get("recall"), r.get("unit_recall")
        print(f"{name:12} {r.get('gold', 0):5} {r.get('found', 0):5} {fmt(rec):>7}"
              f" {fmt(f.get('recall')):>6} {fmt(t.get('recall')):>6}"
              f" {fmt(urec):>11} {fmt(f.get('unit_recall')):>6} {fmt(t.get('unit_recall')):>6}")
        for key, score in (("recall", rec), ("unit_recall", urec)):
            floor = f.get(key)
            if floor is None:
                continue
            if score is None or score < floor:
                failures.append(f"suite {name}: {key} {fmt(score)} is under its floor {fmt(floor)}")
        if not f:
            print(f"  (no floor recorded for suite {name}; add one to {a.floors})")

    total, found, gold = overall(report)
    floor = floors.get("overall_recall")
    print(f"{'overall':12} {gold:5} {found:5} {fmt(total):>7} {fmt(floor):>6}"
          f" {fmt(targets.get('overall_recall')):>6}")
    if floor is not None and (total is None or total < floor):
        failures.append(f"overall: recall {fmt(total)} is under its floor {fmt(floor)}")

    if a.raise_:
        new = dict(floors)
        new_suites = {k: dict(v) for k, v in suite_floors.items()}
        for name, r in report.items():
            s = new_suites.setdefault(name, {})
            for key in ("recall", "unit_recall"):
                if r.get(key) is not None:
                    s[key] = max(s.get(key, 0), r[key])
        new["suites"] = dict(sorted(new_suites.items()))
        if total is not None:
            new["overall_recall"] = max(floors.get("overall_recall", 0), total)
        with open(a.floors, "w", encoding="utf-8") as out:
            json.dump(new, out, indent=2)
            out.write("\n")
        print(f"floors raised where scores were higher: {a.floors}")

    if failures:
        print("\nextraction regression: scores under the floors in " + a.floors + ":", file=sys.stderr)
        for line in failures:
            print("  " + line, file=sys.stderr)
        sys.exit(1)
    print("extraction floors: all suites at or above their floors")


if __name__ == "__main__":
    main()
