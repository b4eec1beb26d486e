#!/usr/bin/env bash
# Benchmark smoke check: builds the benchmark harness, then analyzes the smallest synthetic compilation of
# every shape once with the floor, PermissionAnalyzer and BannedApiAnalyzers, and fails unless both real
# analyzers report on the annotated shapes (so no benchmark measures a no-op), unless PermissionAnalyzer reports the
# same diagnostics with a ScopeMap.txt as with attributes (AnnotatedByMap), and unless a generated 10,000-line
# map parses; then the editor-latency scenario at 100 files (Annotated, DeepChain, RealLike: an open principal file,
# one edit of each kind, the document-scoped analysis after each), failing unless PermissionAnalyzer reports in the
# open file. Full runs: docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

project=benchmarks/PermissionAnalyzer.Benchmarks
if [[ "${1:-}" != "--no-build" ]]; then
  dotnet build "$project" -c Release -warnaserror
fi
dotnet "$project/bin/Release/net10.0/PermissionAnalyzer.Benchmarks.dll" --smoke
