#!/usr/bin/env bash
# Runs every test of EditorialPortal and ends with one line: "Tests: N passed, M failed[, K skipped]".
# On a fresh machine it installs what the tests need (Debian's chromium and PostgreSQL server binaries) first.
set -uo pipefail
cd "$(dirname "$0")"

source scripts/debian-packages.sh

rm -rf TestResults
mkdir -p TestResults
echo "Building..."
if ! dotnet build EditorialPortal.sln -c Debug -nologo -v quiet; then
  echo "Tests: 0 passed, 1 failed"
  exit 1
fi

status=0
for project in EditorialPortal.Tests EditorialPortal.E2E; do
  echo "Running $project..."
  dotnet test --project "$project/$project.csproj" --no-build --no-progress \
    --report-trx --report-trx-filename "$project.trx" --results-directory "$PWD/TestResults" || status=1
  [ -f "TestResults/$project.trx" ] || { echo "$project wrote no results: it did not run." >&2; status=1; }
done

# Sum the counters of every TRX file: one line for the whole run.
passed=0; failed=0; skipped=0
for trx in TestResults/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(value total); executed=$(value executed); ok=$(value passed); bad=$(value failed)
  passed=$((passed + ${ok:-0}))
  failed=$((failed + ${bad:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
[ "$failed" -eq 0 ] || status=1

summary="Tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
exit $status
