#!/usr/bin/env bash
# Runs every test: the .NET suites (Core, Protocol, Server end to end), a build of the benchmarks, every
# release artifact built as users install it (npm run package:all: the five platform .vsix files, whose
# servers are Native AOT for Linux and ReadyToRun single files for Windows and macOS; and the dotnet tool),
# the VS Code client's tests, which drive this machine's bundled server and the dll build, and what is
# inside each artifact checked. Prints one closing line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

dotnet build SpecLsp.sln -c Release -warnaserror || exit 1
dotnet test SpecLsp.sln -c Release --no-build 2>&1 | tee "$log" || status=1

passed=0
failed=0
# dotnet test prints one line per test assembly: "Passed!  - Failed:     0, Passed:    57, Skipped: ..."
while read -r f p; do
  passed=$((passed + p))
  failed=$((failed + f))
done < <(sed -n -E 's/.*Failed:[[:space:]]*([0-9]+), Passed:[[:space:]]*([0-9]+),.*/\1 \2/p' "$log")

if [ -f client-vscode/package.json ]; then
  # Every platform's .vsix into artifacts/vsix; client-vscode/server is left holding this machine's Native AOT
  # server, which client-vscode/test/published.test.ts runs end to end. Measured on 2 shared cores: 7.5 min at
  # load 9, 12.8 min at load 12-16 (the whole npm test then: 20 min, 1168 tests).
  rm -rf artifacts/vsix artifacts/tool
  npm run --silent package:all > "$log" 2>&1 || { cat "$log"; echo "package:all failed"; status=1; }
  grep -E '^(linux|win32|darwin)-|\.vsix in ' "$log"
  dotnet pack server/SpecLsp.Server -c Release -o artifacts/tool --nologo >/dev/null || { echo "tool pack failed"; status=1; }
  npm run --silent build:client >/dev/null 2>&1 || { echo "client build failed"; npm run build:client; status=1; }
  npm test --workspace client-vscode 2>&1 | tee "$log" || status=1
  cp=$(sed -n -E 's/^# pass ([0-9]+)$/\1/p' "$log" | tail -1)
  cf=$(sed -n -E 's/^# fail ([0-9]+)$/\1/p' "$log" | tail -1)
  passed=$((passed + ${cp:-0}))
  failed=$((failed + ${cf:-0}))

  # What is inside each artifact: executable, its format and size, manifest target; the tool package.
  nupkg=$(ls artifacts/tool/speclsp.*.nupkg 2>/dev/null | head -1)
  node scripts/check-artifacts.mjs --all-platforms artifacts/vsix "${nupkg:-artifacts/tool/speclsp.nupkg}" 2>&1 | tee "$log" || status=1
  ap=$(sed -n -E 's/^# pass ([0-9]+)$/\1/p' "$log" | tail -1)
  af=$(sed -n -E 's/^# fail ([0-9]+)$/\1/p' "$log" | tail -1)
  passed=$((passed + ${ap:-0}))
  failed=$((failed + ${af:-1}))
fi

[ "$passed" -gt 0 ] || { echo "no test ran"; status=1; }
echo
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] || status=1
exit "$status"
