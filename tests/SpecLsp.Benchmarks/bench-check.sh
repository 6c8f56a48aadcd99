#!/usr/bin/env bash
# Times `speclsp check` over a generated workspace of 1,000 specs (about 10 KB each), as CI runs it:
# a fresh ReadyToRun-published process per run. Prints each run and the median.
#   bash tests/SpecLsp.Benchmarks/bench-check.sh [FILES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-1000}
runs=${2:-5}
work=${TMPDIR:-/tmp}/speclsp-bench-check
folder="$work/specs-$files"
publish="$work/publish"

dotnet publish server/SpecLsp.Server -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$publish" >/dev/null
if [ ! -d "$folder" ]; then
  # The index benchmark's generator writes linked, realistic specs; indexing them once is a side effect.
  dotnet run -c Release --project tests/SpecLsp.Benchmarks -- index-workspace "$files" "$folder" >/dev/null
fi

times=()
for i in $(seq "$runs"); do
  start=$(date +%s%N)
  dotnet "$publish/speclsp.dll" check "$folder" --format json > "$work/out.json" || true
  end=$(date +%s%N)
  ms=$(( (end - start) / 1000000 ))
  times+=("$ms")
  echo "run $i: ${ms} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "checked $(find "$folder" -name '*.md' | wc -l) specs; median $(( sorted[runs / 2] )) ms over $runs runs on $(nproc) cores (load: $(cut -d' ' -f1-3 /proc/loadavg))"
