#!/usr/bin/env python3
"""Summaries and samples of `speclsp check --format json` output over a corpus of real repositories.

Called by run.sh; see README.md in this folder. Standard library only.

  precision.py summary OUT                   per repository and per code: diagnostics and files
  precision.py sample OUT CODE N [SEED]      N diagnostics of CODE drawn at random (seeded), with context
  precision.py formats CORPUS                the format documents of the corpus (path conventions), one a line;
                                             MAX=n keeps a seeded sample (SEED, default 16) of n per format
  precision.py formats-summary OUT           how many of each format a template was chosen for
"""

import json
import os
import random
import re
import sys
from collections import Counter, defaultdict

TEMPLATE_FAMILY = {"missing-section", "section-order", "duplicate-section", "empty-section", "invalid-metadata"}


def load(out):
    """Every diagnostic as (repo, path, line0, char0, code, severity, message), sorted, and per-repo file totals."""
    rows, totals = [], {}
    folder = os.path.join(out, "json")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        repo = name[: -len(".json")]
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            data = json.load(f)
        totals[repo] = data["summary"]["files"]
        for d in data["diagnostics"]:
            start = d["range"]["start"]
            rows.append((repo, d["path"], start["line"], start["character"], d["code"], d["severity"], d["message"]))
    rows.sort()
    return rows, totals


def summary(out):
    rows, totals = load(out)
    by_repo = defaultdict(Counter)
    files_repo = defaultdict(lambda: defaultdict(set))
    by_code, files_code, severity = Counter(), defaultdict(set), {}
    for repo, path, _, _, code, sev, _ in rows:
        by_repo[repo][code] += 1
        files_repo[repo][code].add(path)
        by_code[code] += 1
        files_code[code].add((repo, path))
        severity.setdefault(code, Counter())[sev] += 1

    print("## Per code, all repositories\n")
    print("| code | severity | reported | files |")
    print("|---|---|---:|---:|")
    for code, n in sorted(by_code.items(), key=lambda x: (-x[1], x[0])):
        sev = ", ".join(f"{s} {c}" for s, c in severity[code].most_common())
        print(f"| {code} | {sev} | {n} | {len(files_code[code])} |")
    print(f"| **all** | | {sum(by_code.values())} | {len({(r, p) for r, p, *_ in rows})} |")

    print("\n## Per repository\n")
    print("| repository | files checked | files with diagnostics | code: reported (files) |")
    print("|---|---:|---:|---|")
    for repo in sorted(totals):
        with_diag = len({p for r, p, *_ in rows if r == repo})
        codes = "; ".join(f"{c}: {n} ({len(files_repo[repo][c])})" for c, n in sorted(by_repo[repo].items(), key=lambda x: (-x[1], x[0])))
        print(f"| {repo} | {totals[repo]} | {with_diag} | {codes or '—'} |")


def sample(out, code, n, seed, context):
    rows, _ = load(out)
    corpus = open(os.path.join(out, "corpus"), encoding="utf-8").read().strip()
    pool = [r for r in rows if r[4] == code]
    chosen = random.Random(seed).sample(pool, min(n, len(pool)))
    print(f"# {code}: {len(chosen)} of {len(pool)} (seed {seed})\n")
    for i, (repo, path, line, char, _, sev, message) in enumerate(chosen, 1):
        file = os.path.join(corpus, repo, path)
        try:
            with open(file, encoding="utf-8", errors="replace") as f:
                lines = f.read().split("\n")
        except OSError as e:
            lines = [f"<cannot read: {e}>"]
        heading = next((lines[k] for k in range(min(line, len(lines) - 1), -1, -1) if re.match(r"#{1,6} ", lines[k])), None)
        print(f"## {i}. {repo}/{path}:{line + 1}:{char + 1} [{sev}]")
        print(f"   {message}")
        if heading is not None:
            print(f"   under: {heading.strip()}")
        for k in range(max(0, line - context), min(len(lines), line + context + 1)):
            print(f"   {'>' if k == line else ' '} {k + 1:5} | {lines[k]}")
        print()


# Format documents by their path conventions; the folder name of a corpus repository does not matter.
FORMATS = [
    ("spec-kit spec", re.compile(r"(^|/)specs/\d+-[^/]+/spec\.md$")),
    ("spec-kit plan", re.compile(r"(^|/)specs/\d+-[^/]+/plan\.md$")),
    ("spec-kit tasks", re.compile(r"(^|/)specs/\d+-[^/]+/tasks\.md$")),
    ("spec-kit checklist", re.compile(r"(^|/)specs/\d+-[^/]+/checklists/[^/]+\.md$")),
    ("KEP README", re.compile(r"(^|/)keps/.+/README\.md$")),  # only beside a kep.yaml, checked below
    ("Rust RFC", re.compile(r"(^|/)text/\d{4}-[^/]+\.md$")),
    ("ADR (MADR)", re.compile(r"(^|/)docs/decisions/\d{4}-[^/]+\.md$")),
    ("ADR (examples)", re.compile(r"(^|/)locales/en/examples/[^/]+/index\.md$")),
    ("OpenSpec proposal", re.compile(r"(^|/)openspec/changes/(archive/)?[^/]+/proposal\.md$")),
    ("OpenSpec tasks", re.compile(r"(^|/)openspec/changes/(archive/)?[^/]+/tasks\.md$")),
    ("OpenSpec spec delta", re.compile(r"(^|/)openspec/changes/(archive/)?[^/]+/specs/.+/spec\.md$")),
    ("OpenSpec spec", re.compile(r"(^|/)openspec/specs/[^/]+/spec\.md$")),
]


def formats(corpus, cap, seed):
    found = defaultdict(list)
    for repo in sorted(os.listdir(corpus)):
        root = os.path.join(corpus, repo)
        if not os.path.isdir(root):
            continue
        for folder, dirs, files in os.walk(root):
            dirs.sort()
            for name in sorted(files):
                rel = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
                for kind, pattern in FORMATS:
                    if pattern.search(rel) and (kind != "KEP README" or "kep.yaml" in files):
                        found[kind].append(f"{kind}\t{repo}\t{rel}")
                        break
    for kind, _ in FORMATS:
        docs = found[kind]
        if cap and len(docs) > cap:
            docs = sorted(random.Random(seed).sample(docs, cap))
        for line in docs:
            print(line)


def formats_summary(out):
    per = defaultdict(Counter)
    with open(os.path.join(out, "formats.tsv"), encoding="utf-8") as f:
        for line in f:
            kind, repo, rel, choice = line.rstrip("\n").split("\t")
            m = re.match(r"template: (\S+)", choice)
            per[kind][m.group(1) if m else "?"] += 1
    print("| format | documents | matched to a template | which |")
    print("|---|---:|---:|---|")
    for kind, _ in FORMATS:
        if kind not in per:
            continue
        c = per[kind]
        total = sum(c.values())
        matched = total - c["none"]
        which = ", ".join(f"{t} {n}" for t, n in c.most_common())
        print(f"| {kind} | {total} | {matched} ({100 * matched / total:.0f} %) | {which} |")


def main(argv):
    if len(argv) >= 2 and argv[1] == "summary":
        summary(argv[2])
    elif len(argv) >= 5 and argv[1] == "sample":
        seed = int(argv[5]) if len(argv) > 5 else 16
        context = int(os.environ.get("CONTEXT", "3"))
        sample(argv[2], argv[3], int(argv[4]), seed, context)
    elif len(argv) == 3 and argv[1] == "formats":
        formats(argv[2], int(os.environ.get("MAX", "0")), int(os.environ.get("SEED", "16")))
    elif len(argv) == 3 and argv[1] == "formats-summary":
        formats_summary(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
