#!/usr/bin/env bash
# `speclsp check` and a peer linter's `check` over the same generated workspace, interleaved, with wall time, CPU
# and peak memory (GNU time) and the load average around each run. The peer is a benchmark peer only, installed
# outside the repository, e.g. `npm install --prefix /work/peers @rumdl/cli-linux-x64`.
#   bash tests/SpecLsp.Benchmarks/bench-check-peer.sh [FILES] [ROUNDS] [PEER]
# Each round: both without a cache; both with an empty cache (the run that writes it); both again over the
# unchanged files (the cached rerun); both again after one file changed. SPECLSP=path runs another speclsp build
# (the Native AOT executable, say); the caches go to fresh folders under $TMPDIR, never into the workspace.
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-10000}
rounds=${2:-2}
peer=${3:-/work/peers/node_modules/@rumdl/cli-linux-x64/rumdl}
tmp=${TMPDIR:-/tmp}
folder=$tmp/speclsp-bench-$files
speclsp=${SPECLSP:-server/SpecLsp.Server/bin/Release/net10.0/speclsp}
ours_cache=$tmp/speclsp-bench-cache-ours
peer_cache=$tmp/speclsp-bench-cache-peer

if [ -z "${SPECLSP:-}" ]; then
  dotnet build server/SpecLsp.Server -c Release >/dev/null
fi
if [ ! -d "$folder" ]; then
  dotnet run -c Release --project tests/SpecLsp.Benchmarks -- index-workspace "$files" "$folder" >/dev/null
fi

edited=$(find "$folder" -name '*.md' | sort | sed -n 1p)
backup=$(mktemp)
cp "$edited" "$backup"
trap 'cp "$backup" "$edited"; rm -f "$backup"' EXIT

ours() { /usr/bin/time -f "  speclsp check $1: %e s wall, %U+%S s CPU, %M KB peak" "$speclsp" check "$folder" "${@:2}" >/dev/null || true; echo "    load $(cut -d' ' -f1-3 /proc/loadavg)"; }
theirs() { (cd "$tmp" && /usr/bin/time -f "  peer check $1: %e s wall, %U+%S s CPU, %M KB peak" "$peer" check "${@:2}" "$folder" >/dev/null) || true; echo "    load $(cut -d' ' -f1-3 /proc/loadavg)"; }

for round in $(seq "$rounds"); do
  echo "round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$ours_cache" "$peer_cache"
  ours "--no-cache" --no-cache
  theirs "--no-cache" --no-cache
  ours "cold, writing its cache" --cache-dir "$ours_cache"
  theirs "cold, writing its cache" --cache-dir "$peer_cache"
  ours "unchanged rerun" --cache-dir "$ours_cache"
  theirs "unchanged rerun" --cache-dir "$peer_cache"
  printf '\nEdited in round %s.\n' "$round" >>"$edited"
  ours "one file changed" --cache-dir "$ours_cache"
  theirs "one file changed" --cache-dir "$peer_cache"
  cp "$backup" "$edited"
done
