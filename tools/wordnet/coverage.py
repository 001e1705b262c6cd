#!/usr/bin/env python3
"""Measures how many counted-noun heads of a corpus rules/nouns.tsv covers.

    numcheck extract --format json CORPUS/ > quantities.json
    python3 tools/wordnet/coverage.py quantities.json [--dict /usr/share/wordnet] [--table rules/nouns.tsv]

A head is the last word of a `count` quantity's noun. It is *known* when
WordNet's morphy finds it in index.noun at all, *covered* when the table
finds it the way src/nouns.rs does (irregular forms, the word, then the
detachment rules). Prints token counts and the most frequent misses.
Python 3 standard library only.
"""

import argparse
import collections
import json
import os

DETACH = [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"),
          ("ches", "ch"), ("shes", "sh"), ("men", "man"), ("ies", "y")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("quantities", help="numcheck extract --format json output")
    ap.add_argument("--dict", default="/usr/share/wordnet")
    ap.add_argument("--table", default="rules/nouns.tsv")
    args = ap.parse_args()
    index = set()
    with open(os.path.join(args.dict, "index.noun"), encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):
                index.add(line.split()[0])
    exc = {}
    with open(os.path.join(args.dict, "noun.exc"), encoding="latin-1") as f:
        for line in f:
            t = line.split()
            exc.setdefault(t[0], []).extend(t[1:])
    irregular, lemmas, section = {}, set(), None
    with open(args.table, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                continue
            if line.startswith("%"):
                section = line
            elif section == "%irregular":
                form, bases = line.split("\t")
                irregular[form] = bases.split(",")
            elif section == "%lemmas":
                lemmas.add(line.split("\t")[0])

    def bases(w, known, irr):
        out = [b for b in irr.get(w, []) if b in known]
        if w in known:
            out.append(w)
        for end, rep in DETACH:
            if w.endswith(end) and len(w) > len(end) and w[: -len(end)] + rep in known:
                out.append(w[: -len(end)] + rep)
        return out

    heads = collections.Counter()
    with open(args.quantities, encoding="utf-8") as f:
        for file in json.load(f)["files"]:
            for q in file["quantities"]:
                if q["kind"] == "count" and q.get("noun"):
                    heads[q["noun"].split()[-1].lower().strip(".,;:'\"()")] += 1
    total = known = covered = 0
    misses = collections.Counter()
    for w, n in heads.items():
        total += n
        if bases(w, index, exc):
            known += n
            if bases(w, lemmas, irregular):
                covered += n
            else:
                misses[w] = n
    print("head tokens %d, known to WordNet %d, covered %d (%.1f%%)" % (
        total, known, covered, 100.0 * covered / max(known, 1)))
    print("most frequent misses:", ", ".join("%s %d" % m for m in misses.most_common(30)))


if __name__ == "__main__":
    main()
