#!/usr/bin/env bash
# Measures speclsp's diagnostics on a corpus of real repositories (one folder per repository under CORPUS).
#
#   run.sh check   CORPUS OUT -- SPECLSP...   check --format json each repository, unconfigured; write OUT/summary.md
#   run.sh formats CORPUS OUT -- SPECLSP...   the template chosen for each format document (spec-kit, KEP, RFC, ADR,
#                                             OpenSpec, found by path convention; MAX=n: a seeded sample of n
#                                             per format, as outline starts one process a file; without MAX and
#                                             after `check` into OUT, every document, read from check's JSON)
#   run.sh sample  OUT CODE N [SEED]          N diagnostics of CODE at random (default seed 16), with file, line,
#                                             message, the heading above and 3 lines of context each side (CONTEXT=k)
#
# SPECLSP is the command that runs speclsp, e.g. `dotnet server/SpecLsp.Server/bin/Release/net10.0/speclsp.dll`.
# See README.md in this folder.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
helper() { node "$here/precision.mjs" "$@"; }

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# CORPUS OUT -- SPECLSP...: sets corpus, out, speclsp (absolute paths where they are paths).
parse() {
  [[ $# -ge 4 && $3 == "--" ]] || usage
  corpus="$(cd "$1" && pwd)"
  mkdir -p "$2"
  out="$(cd "$2" && pwd)"
  shift 3
  speclsp=("$@")
  # A relative path to a .dll or executable is resolved now, since each run happens inside a repository.
  for i in "${!speclsp[@]}"; do
    if [[ ${speclsp[$i]} != /* && -e ${speclsp[$i]} ]]; then speclsp[$i]="$(pwd)/${speclsp[$i]}"; fi
  done
  echo "$corpus" > "$out/corpus"
}

cmd="${1:-}"
[[ -n $cmd ]] || usage
shift

case "$cmd" in
  check)
    parse "$@"
    mkdir -p "$out/json"
    for dir in "$corpus"/*/; do
      repo="$(basename "$dir")"
      if found="$(find "$dir" -name .speclsp.yaml -print -quit)" && [[ -n $found ]]; then
        echo "warning: $found exists; this repository is not checked unconfigured" >&2
      fi
      # Paths in the output are relative to the repository; exit 1 (errors found) is expected.
      rc=0
      (cd "$dir" && "${speclsp[@]}" check --format json --no-color .) > "$out/json/$repo.json" || rc=$?
      if [[ $rc -gt 1 ]]; then echo "error: speclsp check exited $rc on $repo" >&2; exit 1; fi
      echo "checked $repo" >&2
    done
    helper summary "$out" | tee "$out/summary.md"
    ;;
  formats)
    parse "$@"
    helper formats "$corpus" > "$out/formats.list"
    if [[ -d $out/json && -z ${MAX:-} ]]; then
      # After `run.sh check` into the same OUT: check's JSON names each file's template; every document counts.
      helper formats-json "$out" > "$out/formats.tsv"
    else
      : > "$out/formats.tsv"
      while IFS=$'\t' read -r kind repo rel; do
        choice="$(cd "$corpus/$repo" && "${speclsp[@]}" outline "$rel" | grep '^template: ' | tail -n 1)"
        printf '%s\t%s\t%s\t%s\n' "$kind" "$repo" "$rel" "$choice" >> "$out/formats.tsv"
      done < "$out/formats.list"
    fi
    helper formats-summary "$out" | tee "$out/formats.md"
    ;;
  sample)
    [[ $# -ge 3 ]] || usage
    helper sample "$@"
    ;;
  *)
    usage
    ;;
esac
