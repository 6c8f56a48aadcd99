#!/usr/bin/env bash
# `speclsp check` and a peer linter's `check` over the same generated workspace, interleaved, with wall time, CPU
# and peak memory (GNU time) and the load average around each run. The peer is a benchmark peer only, installed
# outside the repository, e.g. `npm install --prefix /work/peers @rumdl/cli-linux-x64`.
#   bash tests/SpecLsp.Benchmarks/bench-check-peer.sh [FILES] [ROUNDS] [PEER]
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-10000}
rounds=${2:-2}
peer=${3:-/work/peers/node_modules/@rumdl/cli-linux-x64/rumdl}
folder=${TMPDIR:-/tmp}/speclsp-bench-$files
speclsp=server/SpecLsp.Server/bin/Release/net10.0/speclsp

dotnet build server/SpecLsp.Server -c Release >/dev/null
if [ ! -d "$folder" ]; then
  dotnet run -c Release --project tests/SpecLsp.Benchmarks -- index-workspace "$files" "$folder" >/dev/null
fi

for round in $(seq "$rounds"); do
  echo "round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  /usr/bin/time -f "  speclsp check: %e s wall, %U+%S s CPU, %M KB peak" "$speclsp" check "$folder" >/dev/null || true
  echo "  load $(cut -d' ' -f1-3 /proc/loadavg)"
  (cd "${TMPDIR:-/tmp}" && /usr/bin/time -f "  peer check --no-cache: %e s wall, %U+%S s CPU, %M KB peak" "$peer" check --no-cache "$folder" >/dev/null) || true
  echo "  load $(cut -d' ' -f1-3 /proc/loadavg)"
done
