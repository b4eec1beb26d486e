#!/usr/bin/env bash
# What an editor user sees in samples/MessagingPartners, proven by two test projects kept out of
# PermissionAnalyzer.sln (each needs the sample built first):
#   tests/PermissionAnalyzer.EditorTests     the csharp-ls language server (pinned in .config/dotnet-tools.json),
#                                            driven over LSP: squiggles, help links, updates after unsaved edits
#   tests/PermissionAnalyzer.WorkspaceTests  MSBuildWorkspace + the IDE's open-document analysis (no
#                                            compilation end), and the code fixes on each partner's PA0002
# Prints the measured latencies (artifacts/editor-check/measurements.txt); the LSP transcript is kept in
# artifacts/editor-check/csharp-ls-transcript.txt. Exits non-zero if a build or a test fails.
#   bash .ci/editor-check.sh [RESULTS_DIR]   RESULTS_DIR receives the .trx files (default artifacts/editor-check/test-results)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en
export MSBUILDDISABLENODEREUSE=1

out=artifacts/editor-check
results=${1:-$out/test-results}
rm -rf "$out"
mkdir -p "$out" "$results"
export EDITOR_CHECK_ARTIFACTS="$PWD/$out"
started=$SECONDS

step() { printf '\n--> %s (%d s)\n' "$*" "$((SECONDS - started))"; }

step "restore the local tools (csharp-ls)"
dotnet tool restore

# The sample references the analyzer as a project (OutputItemType=Analyzer): building it builds the analyzer
# and restores the sample, which both the language server's and MSBuildWorkspace's design-time builds need.
# The three builds are independent: run them side by side, each with its own log.
step "build the sample (Release) and the editor test projects"
build() {
  local name=$1; shift
  dotnet build "$@" -c Release -nologo -v:q > "$out/build-$name.log" 2>&1 || {
    cat "$out/build-$name.log"; echo "editor-check: $* does not build"; return 1; }
}
build sample samples/MessagingPartners & sample_build=$!
build editor-tests tests/PermissionAnalyzer.EditorTests & editor_build=$!
build workspace-tests tests/PermissionAnalyzer.WorkspaceTests & workspace_build=$!
build_status=0
for job in "$sample_build" "$editor_build" "$workspace_build"; do
  wait "$job" || build_status=1
done
[ "$build_status" -eq 0 ] || exit 1

status=0
step "csharp-ls over LSP"
dotnet test tests/PermissionAnalyzer.EditorTests -c Release --no-build -nologo \
  --logger "trx;LogFileName=editor-tests.trx" --logger "console;verbosity=normal" --results-directory "$results" || status=1

step "MSBuildWorkspace, open-document analysis"
dotnet test tests/PermissionAnalyzer.WorkspaceTests -c Release --no-build -nologo \
  --logger "trx;LogFileName=workspace-tests.trx" --logger "console;verbosity=normal" --results-directory "$results" || status=1

printf '\n==> editor check: measured (%d s in all)\n' "$((SECONDS - started))"
cat "$out/measurements.txt" 2>/dev/null || echo "(nothing measured)"
if [ "$status" -ne 0 ]; then
  echo "editor-check: FAILED; the LSP transcript is in $out/csharp-ls-transcript.txt"
fi
exit "$status"
