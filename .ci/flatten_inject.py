#!/usr/bin/env python3
"""Flattens `../shared/eval/inject.py --json` for .ci/check_gates.py: one key per kind
and score ("change_recall", "change_false_alarm"), written over the report in place.

Usage: flatten_inject.py REPORT.json   (Python 3 standard library only)
"""
import json
import sys

path = sys.argv[1]
try:
    report = json.load(open(path, encoding="utf-8"))
except (OSError, ValueError) as e:
    sys.exit(f"flatten_inject: {e}")
if report.get("errors"):
    sys.exit(f"flatten_inject: inject.py reported errors: {report['errors'][:3]}")
flat = {}
for kind, scores in report["kinds"].items():
    flat[f"{kind}_recall"] = scores["recall"]
    flat[f"{kind}_false_alarm"] = scores["false_alarm"]
json.dump(flat, open(path, "w", encoding="utf-8"), indent=1)
