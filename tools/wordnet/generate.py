#!/usr/bin/env python3
"""Generates rules/nouns.tsv from WordNet 3.0's noun database.

Reads data.noun, index.noun, noun.exc and cntlist.rev from a WordNet 3.0
dictionary folder (Debian's `wordnet-base` installs them in
/usr/share/wordnet) and writes a compact, deterministic table of the nouns
numcheck needs to tell whether two counted subjects are the same. See
tools/wordnet/README.md for the format, provenance and licence.

Python 3 standard library only.

    python3 tools/wordnet/generate.py [--dict /usr/share/wordnet] [--out rules/nouns.tsv]
"""

import argparse
import hashlib
import os
import re
import sys

# WordNet's lexicographer files, by number (lexnames(5WN)); only the noun
# files (03-28) occur in data.noun.
LEXNAMES = {
    3: "Tops", 4: "act", 5: "animal", 6: "artifact", 7: "attribute",
    8: "body", 9: "cognition", 10: "communication", 11: "event",
    12: "feeling", 13: "food", 14: "group", 15: "location", 16: "motive",
    17: "object", 18: "person", 19: "phenomenon", 20: "plant",
    21: "possession", 22: "process", 23: "quantity", 24: "relation",
    25: "shape", 26: "state", 27: "substance", 28: "time",
}
# The collective lexicographer file, and person.n.01: a group synset and a
# person synset named by the same word ("military_personnel" names both the
# troops and a serviceman) are a collective and its member.
GROUP = 14
PERSON_LEXFILE = 18
PERSON = "00007846"

# The synset of "plural, plural form": the usage domain of plural-only nouns.
PLURAL_USAGE = "06295235"

# Lemmas with no sense tagged in the SemCor counts (cntlist.rev) are kept only
# when their first sense is in one of these lexicographer files: the kinds of
# things news counts. Tagged lemmas are always kept.
UNTAGGED_LEXFILES = {
    "person", "group", "artifact", "animal", "act", "event", "possession",
    "location", "quantity", "communication", "time", "object", "food",
}

# A lemma is kept when it is one lower-case word (letters, inner hyphens or
# apostrophes): the heads numcheck reads are single words.
WORD = re.compile(r"^[a-z][a-z'-]*[a-z]$")
# Senses kept per lemma: every sense with a tagged count in cntlist.rev, and
# the first ones in WordNet's frequency order even when untagged.
FIRST_SENSES = 2


def read_data(path):
    """data.noun → {offset: (lexfile, [words], [(ptr, offset)])}."""
    synsets = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue  # the licence header
            fields = line.split(" | ", 1)[0].split()
            offset, lexfile = fields[0], int(fields[1])
            n = int(fields[3], 16)
            words, lexids = [], []
            for i in range(n):
                # Adjective markers like "(a)" never occur on nouns; strip anyway.
                words.append(re.sub(r"\(.*\)$", "", fields[4 + 2 * i]))
                lexids.append(int(fields[5 + 2 * i], 16))
            i = 4 + 2 * n
            count = int(fields[i])
            i += 1
            ptrs = []
            for _ in range(count):
                sym, target, pos = fields[i], fields[i + 1], fields[i + 2]
                i += 4
                if pos == "n":
                    ptrs.append((sym, target))
            synsets[offset] = (lexfile, words, lexids, ptrs)
    return synsets


def read_index(path):
    """index.noun → {lemma: [offsets in WordNet's sense order]}."""
    index = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            t = line.split()
            lemma, p_cnt = t[0], int(t[3])
            index[lemma] = t[4 + p_cnt + 2:]
    return index


def read_exc(path):
    """noun.exc → {base: [irregular inflected forms]}."""
    exc = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            t = line.split()
            for base in t[1:]:
                exc.setdefault(base, []).append(t[0])
    return exc


def read_counts(path):
    """cntlist.rev → {sense key: tagged count}."""
    counts = {}
    with open(path, encoding="latin-1") as f:
        for line in f:
            key, _, n = line.split()
            counts[key] = int(n)
    return counts


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dict", default="/usr/share/wordnet",
                    help="WordNet 3.0 dict folder (default: %(default)s)")
    ap.add_argument("--out", default="rules/nouns.tsv",
                    help="the table to write (default: %(default)s)")
    args = ap.parse_args()
    d = args.dict
    synsets = read_data(os.path.join(d, "data.noun"))
    index = read_index(os.path.join(d, "index.noun"))
    exc = read_exc(os.path.join(d, "noun.exc"))
    counts = read_counts(os.path.join(d, "cntlist.rev"))

    def is_instance(off):
        ptrs = synsets[off][3]
        return any(s == "@i" for s, _ in ptrs) and not any(s == "@" for s, _ in ptrs)

    def sense_count(lemma, off):
        lexfile, words, lexids, _ = synsets[off]
        for w, lid in zip(words, lexids):
            if w.lower() == lemma:
                return counts.get("%s%%1:%02d:%02d::" % (lemma, lexfile, lid), 0)
        return 0

    def is_person(off, seen=None):
        """Whether a synset is person.n.01 or one of its hyponyms."""
        seen = set() if seen is None else seen
        if off == PERSON:
            return True
        if off in seen:
            return False
        seen.add(off)
        return any(is_person(t, seen) for s, t in synsets[off][3] if s in ("@", "@i"))

    # The lemmas kept and their senses: (offset, tagged count), a prefix of
    # WordNet's sense order (index.noun lists the tagged senses first).
    lemmas = {}
    for lemma, offs in index.items():
        if not WORD.match(lemma):
            continue
        senses = []
        for rank, off in enumerate(offs):
            n = sense_count(lemma, off)
            if n == 0 and rank >= FIRST_SENSES:
                break
            senses.append((off, n))
        # Proper names (instances: "Taipei") are no counted subjects: they
        # are written "-", keeping the others' ranks ("force.n.05").
        senses = [(None, 0) if is_instance(o) else (o, n) for o, n in senses]
        common = [(o, n) for o, n in senses if o is not None]
        if not common:
            continue
        tagged = any(n > 0 for _, n in common)
        if tagged or LEXNAMES[synsets[common[0][0]][0]] in UNTAGGED_LEXFILES:
            lemmas[lemma] = senses

    # Collectives and their members: member meronyms ("police" %m
    # "policeman"), and a group synset and a person synset named by the same
    # word (see GROUP, PERSON).
    by_word = {}
    for off, (lexfile, words, _, _) in synsets.items():
        for w in words:
            by_word.setdefault(w.lower(), []).append(off)
    members = {}
    for off, (lexfile, words, _, ptrs) in synsets.items():
        m = [t for s, t in ptrs if s == "%m"]
        if lexfile == GROUP:
            for w in words:
                for other in by_word[w.lower()]:
                    if other not in m and is_person(other):
                        m.append(other)
        if m:
            members[off] = m

    # Compound heads: a synset named by a compound "gross_revenue" is a
    # kind of its head word "revenue" in the same lexicographer file. Not
    # for people and groups, where a compound names a role, not a kind
    # ("military_man" is no kind of adult male, "police_officer" no military
    # officer).
    def kinds(off):
        lexfile, words, _, ptrs = synsets[off]
        out = []
        if lexfile in (GROUP, PERSON_LEXFILE):
            return out
        hyper = {t for s, t in ptrs if s == "@"}
        for w in words:
            parts = re.split(r"[_-]", w.lower())
            if len(parts) < 2:
                continue
            for other in index.get(parts[-1], []):
                if (other != off and other not in hyper and other not in out
                        and synsets[other][0] == lexfile and not is_instance(other)):
                    out.append(other)
        return out

    # Every synset reachable from a kept sense through hypernyms, members
    # and compound heads.
    keep, stack = set(), [off for ss in lemmas.values() for off, _ in ss if off]
    kind_of = {}
    while stack:
        off = stack.pop()
        if off in keep:
            continue
        keep.add(off)
        k = kinds(off)
        if k:
            kind_of[off] = k
        stack.extend(t for s, t in synsets[off][3] if s == "@")
        stack.extend(members.get(off, []))
        stack.extend(k)
    order = sorted(keep)
    ids = {off: i for i, off in enumerate(order)}

    # Irregular plurals: noun.exc, and a plural-usage collective whose
    # member is a person ("people": usage domain plural, member "person").
    irregular = {}
    for base in lemmas:
        for form in exc.get(base, []):
            if WORD.match(form) and form != base:
                irregular.setdefault(form, []).append(base)
    for off, (lexfile, words, _, ptrs) in synsets.items():
        if not any(s == ";u" and t == PLURAL_USAGE for s, t in ptrs):
            continue
        for s, t in ptrs:
            if s != "%m" or not is_person(t):
                continue
            base = synsets[t][1][0].lower()
            for w in words:
                w = w.lower()
                if WORD.match(w) and base in lemmas and base not in irregular.get(w, []):
                    irregular.setdefault(w, []).append(base)

    def utf8(s):
        return s.encode("utf-8")

    out = []
    out.append("# numcheck nouns: generated by tools/wordnet/generate.py from WordNet 3.0; do not edit.")
    out.append("# WordNet 3.0 Copyright 2006 by Princeton University; licence: rules/LICENSE-WordNet.txt.")
    for f in ("data.noun", "index.noun", "noun.exc", "cntlist.rev"):
        out.append("# source %s sha256 %s" % (f, sha256(os.path.join(d, f))))
    out.append("# Format: tools/wordnet/README.md. Sections:")
    out.append("#   %irregular  form, lemma(s)                                    sorted by form")
    out.append("#   %lemmas     lemma, senses (synset id[:tagged count], or - for a proper name; WordNet's order)  sorted by lemma")
    out.append("#   %synsets    hypernyms, members, compound heads (synset ids; id = line number in the section, from 0)")
    HEADER_LINES = len(out)
    out.append("%irregular")
    for form in sorted(irregular, key=utf8):
        out.append("%s\t%s" % (form, ",".join(irregular[form])))
    out.append("%lemmas")
    for lemma in sorted(lemmas, key=utf8):
        senses = " ".join(
            "-" if o is None else str(ids[o]) if n == 0 else "%d:%d" % (ids[o], n)
            for o, n in lemmas[lemma])
        out.append("%s\t%s" % (lemma, senses))
    out.append("%synsets")
    for off in order:
        lexfile, words, _, ptrs = synsets[off]
        hyper = [ids[t] for s, t in ptrs if s == "@" and t in ids]
        mem = [ids[t] for t in members.get(off, []) if t in ids]
        kin = [ids[t] for t in kind_of.get(off, []) if t in ids]
        out.append("%s\t%s\t%s" % (
            ",".join(map(str, hyper)), ",".join(map(str, mem)), ",".join(map(str, kin))))
    # Where each section's lines start, in bytes, so that a reader finds
    # them without scanning: fixed width, so the line's length is known
    # before the offsets are.
    names = ("irregular", "lemmas", "synsets")
    placeholder = "# sections:" + "".join(" %s %08d" % (n, 0) for n in names)
    out.insert(HEADER_LINES, placeholder)
    text = "\n".join(out) + "\n"
    data = text.encode("utf-8")
    offsets = [data.index(("\n%%%s\n" % n).encode()) + len(n) + 3 for n in names]
    line = "# sections:" + "".join(" %s %08d" % (n, o) for n, o in zip(names, offsets))
    assert len(line) == len(placeholder)
    text = text.replace(placeholder, line, 1)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print("%s: %d irregular forms, %d lemmas, %d synsets, %d bytes" % (
        args.out, len(irregular), len(lemmas), len(order), os.path.getsize(args.out)),
        file=sys.stderr)


if __name__ == "__main__":
    main()
