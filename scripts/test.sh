#!/usr/bin/env bash
# Runs every test: the .NET suites (Core, Protocol, Server end to end), a build of the benchmarks,
# the server published as the extension bundles it (Native AOT: npm run package:server), the VS Code
# client's tests, which drive both that publish and the dll build, and the release artifacts (the .vsix
# and the dotnet tool) built and checked. Prints one closing line "N passed, N failed".
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
  # The trimmed publish the extension ships; client-vscode/test/published.test.ts runs it end to end.
  npm run --silent package:server >/dev/null || { echo "server publish failed"; npm run package:server; status=1; }
  npm run --silent build:client >/dev/null 2>&1 || { echo "client build failed"; npm run build:client; status=1; }
  npm test --workspace client-vscode 2>&1 | tee "$log" || status=1
  cp=$(sed -n -E 's/^# pass ([0-9]+)$/\1/p' "$log" | tail -1)
  cf=$(sed -n -E 's/^# fail ([0-9]+)$/\1/p' "$log" | tail -1)
  passed=$((passed + ${cp:-0}))
  failed=$((failed + ${cf:-0}))

  # The release artifacts, built as a user installs them, and what is inside: the platform .vsix and the dotnet tool.
  rm -f client-vscode/*.vsix
  rm -rf artifacts/tool
  npm run --silent package --workspace client-vscode >/dev/null 2>&1 || { echo "vsix build failed"; npm run package --workspace client-vscode; status=1; }
  dotnet pack server/SpecLsp.Server -c Release -o artifacts/tool --nologo >/dev/null || { echo "tool pack failed"; status=1; }
  vsix=$(ls client-vscode/*.vsix 2>/dev/null | head -1)
  nupkg=$(ls artifacts/tool/speclsp.*.nupkg 2>/dev/null | head -1)
  if [ -n "$vsix" ] && [ -n "$nupkg" ]; then
    node scripts/check-artifacts.mjs "$vsix" "$nupkg" 2>&1 | tee "$log" || status=1
    ap=$(sed -n -E 's/^# pass ([0-9]+)$/\1/p' "$log" | tail -1)
    af=$(sed -n -E 's/^# fail ([0-9]+)$/\1/p' "$log" | tail -1)
    passed=$((passed + ${ap:-0}))
    failed=$((failed + ${af:-0}))
  else
    echo "artifacts missing: vsix '${vsix}', tool '${nupkg}'"
    failed=$((failed + 1))
  fi
fi

[ "$passed" -gt 0 ] || { echo "no test ran"; status=1; }
echo
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ] || status=1
exit "$status"
