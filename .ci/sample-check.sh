#!/usr/bin/env bash
# Builds samples/MessagingPartners (or the sample in $SAMPLE, e.g. SAMPLE=samples/GraphMail) from a clean state
# with a SARIF log, extracts its PermissionAnalyzer diagnostics and compares them with the sample's
# expected-diagnostics.txt; checks that every PA rule in the log carries its help link. Exits non-zero, with
# the diff, on any mismatch.
#   bash .ci/sample-check.sh            check
#   bash .ci/sample-check.sh --update   rewrite the expected file from the current output
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 DOTNET_CLI_UI_LANGUAGE=en

sample=${SAMPLE:-samples/MessagingPartners}
name=$(basename "$sample")
expected=$sample/expected-diagnostics.txt
out=artifacts/sample-check/$name
sarif=$PWD/$out/$name.sarif
configuration=Release
rm -rf "$out"
mkdir -p "$out"

# 1. The command a newcomer runs: it builds the analyzer and the attributes, then the sample.
dotnet build "$sample" -c "$configuration" -nologo -v:q > "$out/build.log" 2>&1 || {
  cat "$out/build.log"; echo "sample-check: the sample does not build"; exit 1; }

# 2. The sample alone, rebuilt from scratch, with the SARIF log. Only the sample: ErrorLog is a global
#    property, so building the referenced projects here would make them write the same log. No compiler
#    server, so the analyzer just built is the one that runs.
dotnet build "$sample" -c "$configuration" -nologo -v:q --no-dependencies --no-incremental \
  -p:UseSharedCompilation=false "-p:ErrorLog=$sarif%2Cversion=2.1" > "$out/rebuild.log" 2>&1 || {
  cat "$out/rebuild.log"; echo "sample-check: the sample does not rebuild"; exit 1; }

SARIF_CHECK_NAME=sample-check python3 .ci/sarif-check.py "$sarif" "$PWD/$sample" "$expected" ${1:+"$1"}
